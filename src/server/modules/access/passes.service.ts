// The pass services as one object for the routes: issuing, listing and printing, personal links and key
// rotation, each in its own file, sharing the helpers of passes.shared.ts.
import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import type { AuditService } from '../audit/audit.service';
import { createPassIssuingService } from './pass-issuing.service';
import { createPassKeyRotationService } from './pass-key-rotation.service';
import { createPassLinksService } from './pass-links.service';
import { createPassListingService } from './pass-listing.service';
import type { PassStateCache } from './pass-state-cache';
import { createPassHelpers } from './passes.shared';
import type { PassKeyStore } from './signing-keys';

export { MAX_BULK, type PassHolderSetting, type PassStatusFilter } from './passes.shared';

export function createPassesService(
  db: Db,
  audit: AuditService,
  keys: PassKeyStore,
  states: PassStateCache,
  bus?: ChangeBus,
) {
  const helpers = createPassHelpers(db, keys);
  return {
    ...createPassIssuingService(db, audit, states, helpers),
    ...createPassListingService(db, audit, helpers),
    ...createPassLinksService(db, audit, helpers),
    ...createPassKeyRotationService(db, audit, keys, states, helpers, bus),
  };
}

export type PassesService = ReturnType<typeof createPassesService>;
