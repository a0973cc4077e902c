/**
 * Cross-community scope probes: one entry per API route, keyed "METHOD /url" as Fastify registers it.
 * `scope.test.ts` fails for a route without an entry.
 *
 * FORMAT (keep it this plain; a new route adds one line to its module's `<module>.probes.ts`):
 *
 *   'GET /api/things/:id': () => ({ method: 'GET', url: `/api/things/${c.thing}` }),
 *   'POST /api/things': () => ({ method: 'POST', url: '/api/things', payload: { placeId: c.a.compound } }),
 *   'POST /api/gate/x': () => ({ method: 'POST', url: '/api/gate/x', payload: { … }, as: 'guard' }),
 *   'GET /api/public/things/:token': publicRoute('the random token in the link is the credential'),
 *   'GET /api/auth/me': aboutCaller('answers about the signed-in account itself'),
 *
 * `c` is the table's argument, the targets (targets.ts): real objects of community A, created through the
 * product and checked to exist before any probe runs. Read `c` inside the arrow only: the table is built
 * before the targets are filled in. Add the object your route needs to targets*.ts; a route that changes
 * or deletes gets an object of its own, since the owner's control really runs it.
 *
 * Every probe is a PAIR, and the runner demands both halves:
 *  1. outsider (B's secretary, or `as`: B's guard / another district's officer) → exactly what the same
 *     probe aimed at objects that exist nowhere gets: 404 — or, for a GET, 200 with no trace of A (an empty
 *     list); for a `perItem` batch, 200 with every item refused `not_found`. Anything else fails: a 400,
 *     403, 409 or 422 says nothing about scope.
 *  2. owner (A's secretary / guard / the officer of A's district), the SAME request → 2xx with no error in
 *     it, and where the outsider got a list, one that shows A. So a malformed probe cannot pass.
 * Exemptions (`publicRoute`, `aboutCaller`, `installationWide`) say why the route has no community to cross.
 *
 * Moving an entry from the old `modules/auth/scope-probes*.ts`: the arrow pastes in as it was; 'public' →
 * publicRoute(why), 'own-account' → aboutCaller(why); `c.f.a.community.id` → `c.a.community` (likewise
 * compound, entrance, `c.f.a.buildings[i]?.id` → `c.a.buildings[i]`, `c.f.a.householdIds` → `c.a.households`),
 * `c.residentId` → `c.resident`, `c.gateId` → `c.gate` …; an id the old table never set (such as
 * `posterId`) needs its object in targets*.ts.
 */
import { accessProbes } from './access.probes';
import { campaignProbes } from './campaigns.probes';
import { dashboardProbes } from './dashboards.probes';
import { declarationProbes } from './declarations.probes';
import { gateProbes } from './gate.probes';
import { helperProbes } from './helpers.probes';
import { jobProbes } from './jobs.probes';
import { observationProbes } from './observation.probes';
import { peopleProbes } from './people.probes';
import { placeProbes } from './places.probes';
import { requestProbes } from './requests.probes';
import type { Pair, ProbeTargets } from './targets';

export interface ProbeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
  /** Which pair of accounts asks (default: the two communities' secretaries). */
  as?: Pair;
  /**
   * A batch answered item by item (gate checks from a phone's queue): the outsider's answer is a 200 whose
   * every item is refused `not_found`, exactly as for objects that exist nowhere.
   */
  perItem?: true;
}
export type Probe = () => ProbeRequest;
export interface Exempt {
  exempt: 'public' | 'caller' | 'installation';
  why: string;
}
export type ProbeTable = Record<string, Probe | Exempt>;

/** Needs no account: what names the community is a random token, or there is none. */
export const publicRoute = (why: string): Exempt => ({ exempt: 'public', why });
/** Answers about (or acts on) the signed-in account or its own place only: no other can be named. */
export const aboutCaller = (why: string): Exempt => ({ exempt: 'caller', why });
/** Acts on the whole installation, which no community owns. */
export const installationWide = (why: string): Exempt => ({ exempt: 'installation', why });

export const isExempt = (entry: Probe | Exempt): entry is Exempt => typeof entry !== 'function';

/** A browser's upload: one file in a multipart body. */
export function multipart(
  url: string,
  file: { name: string; type: string; body: Buffer },
  as?: Pair,
): ProbeRequest {
  const boundary = 'dashuscopeprobe';
  return {
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    ...(as ? { as } : {}),
  };
}

/** Every module's table, built from the targets (or from `nowhere(targets)`). */
export function scopeProbes(c: ProbeTargets): ProbeTable {
  return {
    ...placeProbes(c),
    ...peopleProbes(c),
    ...declarationProbes(c),
    ...campaignProbes(c),
    ...accessProbes(c),
    ...gateProbes(c),
    ...jobProbes(c),
    ...observationProbes(c),
    ...helperProbes(c),
    ...requestProbes(c),
    ...dashboardProbes(c),
  };
}
