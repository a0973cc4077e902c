// Every installed package must run on the Node that package.json's `engines` promises (Node 20): a
// newcomer's `npm install` otherwise warns, and a dependency may use what Node 20 lacks. Read from the
// lockfile, so the test sees exactly what `npm ci` installs.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

describe('dependencies and the Node version Dashu promises', () => {
  it('every package in the lockfile accepts the oldest Node that engines allows', () => {
    const oldest = semver.minVersion(manifest.engines.node);
    expect(oldest?.major).toBe(20);
    const refused = Object.entries(lock.packages)
      .filter(([where]) => where !== '')
      .flatMap(([where, pkg]) => {
        const wanted = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
        if (!wanted || !oldest) return [];
        return semver.satisfies(oldest, wanted, { includePrerelease: true })
          ? []
          : [`${where.replace(/^.*node_modules\//, '')}@${pkg.version}: node ${wanted}`];
      });
    expect(refused).toEqual([]);
  });
});
