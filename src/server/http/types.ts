import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../config';
import type { ChangeBus } from '../db/change-bus';
import type { Database } from '../db/database';
import type { DutyService } from '../modules/access/duty.service';
import type { GateService } from '../modules/access/gate.service';
import type { PassesService } from '../modules/access/passes.service';
import type { AuditService } from '../modules/audit/audit.service';
import type { AccountsService } from '../modules/auth/accounts.service';
import type { AuthService } from '../modules/auth/auth.service';
import type { BuildingsService } from '../modules/buildings/buildings.service';
import type { CampaignsService } from '../modules/campaigns/campaigns.service';
import type { DashboardsService } from '../modules/dashboards/dashboards.service';
import type { ReportsService } from '../modules/dashboards/reports.service';
import type { ScreensService } from '../modules/dashboards/screens.service';
import type { DeclarationReviewsService } from '../modules/declarations/declaration-reviews.service';
import type { DeclarationsService } from '../modules/declarations/declarations.service';
import type { FormVersionsService } from '../modules/declarations/form-versions.service';
import type { PublicFormService } from '../modules/declarations/public-form.service';
import type { CareService } from '../modules/helpers/care.service';
import type { HelpersService } from '../modules/helpers/helpers.service';
import type { ImportsService } from '../modules/imports/imports.service';
import type { JobRunner } from '../modules/jobs/job-runner';
import type { JobsService } from '../modules/jobs/jobs.service';
import type { ObservationService } from '../modules/observation/observation.service';
import type { PeopleService } from '../modules/people/people.service';
import type { PhotosService } from '../modules/photos/photos.service';
import type { PlacesService } from '../modules/places/places.service';
import type { RequestsService } from '../modules/requests/requests.service';
import type { RequestRatesService } from '../modules/requests/requests-rates.service';
import type { RiskAreasService } from '../modules/risk-areas/risk-areas.service';
import type { SettingsService } from '../modules/settings/settings.service';
import type { WaitingService } from '../modules/waiting/waiting.service';
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
  /** Change notices between instances (db/change-bus.ts). */
  changes: ChangeBus;
  vault: Vault;
  audit: AuditService;
  auth: AuthService;
  accounts: AccountsService;
  settings: SettingsService;
  places: PlacesService;
  people: PeopleService;
  imports: ImportsService;
  riskAreas: RiskAreasService;
  declarations: DeclarationsService;
  declarationReviews: DeclarationReviewsService;
  formVersions: FormVersionsService;
  publicForm: PublicFormService;
  campaigns: CampaignsService;
  buildings: BuildingsService;
  photos: PhotosService;
  passes: PassesService;
  gate: GateService;
  duty: DutyService;
  observation: ObservationService;
  helpers: HelpersService;
  care: CareService;
  requests: RequestsService;
  requestRates: RequestRatesService;
  /** The job runner (start/stop, send); `jobsView` reads runs and failures for the console. */
  jobs: JobRunner;
  jobsView: JobsService;
  dashboards: DashboardsService;
  reports: ReportsService;
  screens: ScreensService;
  /** What waits for the signed-in account (the menu's badges). */
  waiting: WaitingService;
}
