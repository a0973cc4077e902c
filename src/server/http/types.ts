import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { DutyService } from '../modules/access/duty.service';
import type { GateService } from '../modules/access/gate.service';
import type { PassesService } from '../modules/access/passes.service';
import type { AuditService } from '../modules/audit/audit.service';
import type { AuthService } from '../modules/auth/auth.service';
import type { BuildingsService } from '../modules/buildings/buildings.service';
import type { CampaignsService } from '../modules/campaigns/campaigns.service';
import type { DeclarationsService } from '../modules/declarations/declarations.service';
import type { FormVersionsService } from '../modules/declarations/form-versions.service';
import type { PublicFormService } from '../modules/declarations/public-form.service';
import type { ImportsService } from '../modules/imports/imports.service';
import type { PeopleService } from '../modules/people/people.service';
import type { PhotosService } from '../modules/photos/photos.service';
import type { PlacesService } from '../modules/places/places.service';
import type { RiskAreasService } from '../modules/risk-areas/risk-areas.service';
import type { Vault } from '../privacy/vault';

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Every module's service, built once per app; routes get what they need from here. */
export interface Services {
  config: Config;
  database: Database;
  vault: Vault;
  audit: AuditService;
  auth: AuthService;
  places: PlacesService;
  people: PeopleService;
  imports: ImportsService;
  riskAreas: RiskAreasService;
  declarations: DeclarationsService;
  formVersions: FormVersionsService;
  publicForm: PublicFormService;
  campaigns: CampaignsService;
  buildings: BuildingsService;
  photos: PhotosService;
  passes: PassesService;
  gate: GateService;
  duty: DutyService;
}
