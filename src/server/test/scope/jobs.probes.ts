// Scope probes: the console's jobs page (format: probes.ts).
import type { ProbeTable } from './probes';
import type { ProbeTargets } from './targets';

export function jobProbes(c: ProbeTargets): ProbeTable {
  return {
    // Another district's officer asking for A's runs gets what a community that does not exist gets.
    'GET /api/jobs': () => ({ method: 'GET', url: `/api/jobs?communityId=${c.a.community}`, as: 'district' }),
  };
}
