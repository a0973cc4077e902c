// The gate's services as one object for the routes: gate management, check recording, visitors and the
// console's views, each in its own file, sharing one gate cache.
import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import type { WholeNumberSearchGuard } from '../people/whole-number-search';
import { createGateCache } from './gate-cache';
import { createGateChecksService } from './gate-checks.service';
import { createGateViewService } from './gate-view.service';
import { createGatesService } from './gates.service';
import type { PassStateCache } from './pass-state-cache';
import type { PassKeyStore } from './signing-keys';
import { createVisitorsService } from './visitors.service';

export type { CheckInput, CheckResult } from './gate-checks.service';

export function createGateService(
  db: Db,
  audit: AuditService,
  keys: PassKeyStore,
  vault: Vault,
  states: PassStateCache,
  numberSearches: WholeNumberSearchGuard,
  bus?: ChangeBus,
) {
  // One cache for all of them: editing a gate (gates.service.ts) must clear what checks read.
  const gateCache = createGateCache(db, bus);
  return {
    ...createGatesService(db, audit, keys, gateCache),
    ...createGateChecksService(db, keys, states, gateCache),
    ...createVisitorsService(db, audit, keys, vault, gateCache, numberSearches),
    ...createGateViewService(db),
  };
}

export type GateService = ReturnType<typeof createGateService>;
