import { createBrowserRouter } from 'react-router';
import { HomeRedirect, OwnDashboardRedirect } from '../features/dashboards/home-redirect';
import { AdminLayout } from './admin-layout';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './not-found-page';
import { RequirePermission } from './require-permission';

// Each page is its own chunk (lazy-page.tsx says why); the layout and the redirects are small and always needed.
const DutyPage = lazyPage(() => import('../features/access/duty-page'), 'DutyPage');
const GateViewPage = lazyPage(() => import('../features/access/gate-view-page'), 'GateViewPage');
const PassPrintPage = lazyPage(() => import('../features/access/pass-print-page'), 'PassPrintPage');
const PassesPage = lazyPage(() => import('../features/access/passes-page'), 'PassesPage');
const AccountsPage = lazyPage(() => import('../features/accounts/accounts-page'), 'AccountsPage');
const AuditPage = lazyPage(() => import('../features/audit/audit-page'), 'AuditPage');
const LoginPage = lazyPage(() => import('../features/auth/login-page'), 'LoginPage');
const BuildingProfilePage = lazyPage(
  () => import('../features/buildings/building-profile-page'),
  'BuildingProfilePage',
);
const BuildingsPage = lazyPage(() => import('../features/buildings/buildings-page'), 'BuildingsPage');
const CampaignPage = lazyPage(() => import('../features/campaigns/campaign-page'), 'CampaignPage');
const CampaignsPage = lazyPage(() => import('../features/campaigns/campaigns-page'), 'CampaignsPage');
const ChecksPage = lazyPage(() => import('../features/campaigns/checks-page'), 'ChecksPage');
const VisitsPage = lazyPage(() => import('../features/campaigns/visits-page'), 'VisitsPage');
const BigScreenPage = lazyPage(() => import('../features/dashboards/big-screen-page'), 'BigScreenPage');
const DashboardPage = lazyPage(() => import('../features/dashboards/dashboard-page'), 'DashboardPage');
const ReportsPage = lazyPage(() => import('../features/dashboards/reports-page'), 'ReportsPage');
const DrillRowsPage = lazyPage(() => import('../features/dashboards/rows-page'), 'DrillRowsPage');
const ScreensPage = lazyPage(() => import('../features/dashboards/screens-page'), 'ScreensPage');
const DeclarationsPage = lazyPage(
  () => import('../features/declarations/declarations-page'),
  'DeclarationsPage',
);
const ReviewQueuePage = lazyPage(
  () => import('../features/declarations/review-queue-page'),
  'ReviewQueuePage',
);
const FormVersionsPage = lazyPage(
  () => import('../features/form-versions/form-versions-page'),
  'FormVersionsPage',
);
const HelpersPage = lazyPage(() => import('../features/helpers/helpers-page'), 'HelpersPage');
const MyCarePage = lazyPage(() => import('../features/helpers/my-care-page'), 'MyCarePage');
const ImportPage = lazyPage(() => import('../features/imports/import-page'), 'ImportPage');
const JobsPage = lazyPage(() => import('../features/jobs/jobs-page'), 'JobsPage');
const ObservationNoticesPage = lazyPage(
  () => import('../features/observation/observation-notices-page'),
  'ObservationNoticesPage',
);
const ObservationPage = lazyPage(() => import('../features/observation/observation-page'), 'ObservationPage');
const HouseholdPage = lazyPage(() => import('../features/people/household-page'), 'HouseholdPage');
const ResidentDetailPage = lazyPage(
  () => import('../features/people/resident-detail-page'),
  'ResidentDetailPage',
);
const SearchPage = lazyPage(() => import('../features/people/search-page'), 'SearchPage');
const PlacesPage = lazyPage(() => import('../features/places/places-page'), 'PlacesPage');
const PosterPrintPage = lazyPage(() => import('../features/posters/poster-print-page'), 'PosterPrintPage');
const PostersPage = lazyPage(() => import('../features/posters/posters-page'), 'PostersPage');
const RequestPage = lazyPage(() => import('../features/requests/request-page'), 'RequestPage');
const RequestRatesPage = lazyPage(
  () => import('../features/requests/request-rates-page'),
  'RequestRatesPage',
);
const RequestsPage = lazyPage(() => import('../features/requests/requests-page'), 'RequestsPage');
const RiskAreasPage = lazyPage(() => import('../features/risk-areas/risk-areas-page'), 'RiskAreasPage');
const StatusRulesPage = lazyPage(
  () => import('../features/status-rules/status-rules-page'),
  'StatusRulesPage',
);

/** Paths are relative to /admin, where the server serves this console. */
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    // 数据大屏: opened by its link on a wall, without signing in.
    { path: '/screen/:token', element: <BigScreenPage /> },
    {
      path: '/',
      element: <AdminLayout />,
      children: [
        { index: true, element: <HomeRedirect /> },
        {
          path: 'dashboards',
          element: (
            <RequirePermission permission="dashboards.read">
              <OwnDashboardRedirect />
            </RequirePermission>
          ),
        },
        {
          path: 'reports',
          element: (
            <RequirePermission permission="dashboards.read">
              <ReportsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'screens',
          element: (
            <RequirePermission permission="screens.manage">
              <ScreensPage />
            </RequirePermission>
          ),
        },
        {
          path: 'dashboards/:placeId',
          element: (
            <RequirePermission permission="dashboards.read">
              <DashboardPage />
            </RequirePermission>
          ),
        },
        {
          path: 'dashboards/:placeId/rows/:indicator',
          element: (
            <RequirePermission permission="dashboards.read">
              <DrillRowsPage />
            </RequirePermission>
          ),
        },
        { path: 'places', element: <PlacesPage /> },
        { path: 'places/:placeId', element: <PlacesPage /> },
        { path: 'households/:householdId', element: <HouseholdPage /> },
        { path: 'residents', element: <SearchPage /> },
        { path: 'residents/:residentId', element: <ResidentDetailPage /> },
        {
          path: 'imports',
          element: (
            <RequirePermission permission="registry.import">
              <ImportPage />
            </RequirePermission>
          ),
        },
        {
          path: 'accounts',
          element: (
            <RequirePermission permission="accounts.manage">
              <AccountsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'audit',
          element: (
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          ),
        },
        {
          path: 'observation',
          element: (
            <RequirePermission permission="observation.read">
              <ObservationPage />
            </RequirePermission>
          ),
        },
        {
          path: 'requests',
          element: (
            <RequirePermission permission="requests.read">
              <RequestsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'requests/:id',
          element: (
            <RequirePermission permission="requests.read">
              <RequestPage />
            </RequirePermission>
          ),
        },
        {
          path: 'request-rates',
          element: (
            <RequirePermission permission="requests.read">
              <RequestRatesPage />
            </RequirePermission>
          ),
        },
        {
          path: 'jobs',
          element: (
            <RequirePermission permission="jobs.read">
              <JobsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'declarations',
          element: (
            <RequirePermission permission="declarations.read">
              <DeclarationsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'declaration-reviews',
          element: (
            <RequirePermission permission="declarations.review">
              <ReviewQueuePage />
            </RequirePermission>
          ),
        },
        {
          path: 'risk-areas',
          element: (
            <RequirePermission permission="declarations.read">
              <RiskAreasPage />
            </RequirePermission>
          ),
        },
        {
          path: 'status-rules',
          element: (
            <RequirePermission permission="declarations.read">
              <StatusRulesPage />
            </RequirePermission>
          ),
        },
        {
          path: 'form-questions',
          element: (
            <RequirePermission permission="rules.write">
              <FormVersionsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'posters',
          element: (
            <RequirePermission permission="declarations.read">
              <PostersPage />
            </RequirePermission>
          ),
        },
        {
          path: 'posters/:id/print',
          element: (
            <RequirePermission permission="declarations.read">
              <PosterPrintPage />
            </RequirePermission>
          ),
        },
        {
          path: 'campaigns',
          element: (
            <RequirePermission permission="campaigns.read">
              <CampaignsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'campaigns/:campaignId',
          element: (
            <RequirePermission permission="campaigns.read">
              <CampaignPage />
            </RequirePermission>
          ),
        },
        {
          path: 'visits',
          element: (
            <RequirePermission permission="campaigns.visit">
              <VisitsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'checks/:campaignId',
          element: (
            <RequirePermission permission="campaigns.visit">
              <ChecksPage />
            </RequirePermission>
          ),
        },
        {
          path: 'visits/:campaignId',
          element: (
            <RequirePermission permission="campaigns.visit">
              <VisitsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'helpers',
          element: (
            <RequirePermission permission="helpers.read">
              <HelpersPage />
            </RequirePermission>
          ),
        },
        {
          path: 'care',
          element: (
            <RequirePermission permission="care.tasks">
              <MyCarePage />
            </RequirePermission>
          ),
        },
        {
          path: 'buildings',
          element: (
            <RequirePermission permission="buildings.read">
              <BuildingsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'buildings/:buildingId',
          element: (
            <RequirePermission permission="buildings.read">
              <BuildingProfilePage />
            </RequirePermission>
          ),
        },
        {
          path: 'access',
          element: (
            <RequirePermission permission="access.read">
              <PassesPage />
            </RequirePermission>
          ),
        },
        {
          path: 'access/view',
          element: (
            <RequirePermission permission="access.read">
              <GateViewPage />
            </RequirePermission>
          ),
        },
        {
          path: 'access/duty',
          element: (
            <RequirePermission permission="access.read">
              <DutyPage />
            </RequirePermission>
          ),
        },
        {
          path: 'observation/notices',
          element: (
            <RequirePermission permission="observation.manage">
              <ObservationNoticesPage />
            </RequirePermission>
          ),
        },
        {
          path: 'access/print',
          element: (
            <RequirePermission permission="access.manage">
              <PassPrintPage />
            </RequirePermission>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/admin' },
);
