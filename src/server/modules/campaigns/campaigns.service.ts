// The campaigns service as the app and routes see it: one object composed of the capability services.
import type { Db } from '../../db/database';
import type { AuditService } from '../audit/audit.service';
import type { DeclarationsService } from '../declarations/declarations.service';
import { createCampaignAssignments } from './campaign-assignments.service';
import { createCampaignGovernance } from './campaign-governance.service';
import { createCampaignLifecycle } from './campaign-lifecycle.service';
import { createCampaignProgress } from './campaign-progress.service';
import { createCampaignVisits } from './campaign-visits.service';

// Spread into one object so callers keep a single `campaigns` service; no two parts share a method name.
export function createCampaignsService(db: Db, audit: AuditService, declarations: DeclarationsService) {
  return {
    ...createCampaignLifecycle(db, audit),
    ...createCampaignAssignments(db, audit),
    ...createCampaignVisits(db, declarations),
    ...createCampaignGovernance(db, audit),
    ...createCampaignProgress(db, audit),
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
