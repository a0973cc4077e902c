import { createBrowserRouter } from 'react-router';
import { DutyPage } from '../features/access/duty-page';
import { GateViewPage } from '../features/access/gate-view-page';
import { PassPrintPage } from '../features/access/pass-print-page';
import { PassesPage } from '../features/access/passes-page';
import { AccountsPage } from '../features/accounts/accounts-page';
import { AuditPage } from '../features/audit/audit-page';
import { LoginPage } from '../features/auth/login-page';
import { BuildingProfilePage } from '../features/buildings/building-profile-page';
import { BuildingsPage } from '../features/buildings/buildings-page';
import { CampaignPage } from '../features/campaigns/campaign-page';
import { CampaignsPage } from '../features/campaigns/campaigns-page';
import { ChecksPage } from '../features/campaigns/checks-page';
import { VisitsPage } from '../features/campaigns/visits-page';
import { BigScreenPage } from '../features/dashboards/big-screen-page';
import { DashboardPage } from '../features/dashboards/dashboard-page';
import { HomeRedirect, OwnDashboardRedirect } from '../features/dashboards/home-redirect';
import { ReportsPage } from '../features/dashboards/reports-page';
import { DrillRowsPage } from '../features/dashboards/rows-page';
import { ScreensPage } from '../features/dashboards/screens-page';
import { DeclarationsPage } from '../features/declarations/declarations-page';
import { ReviewQueuePage } from '../features/declarations/review-queue-page';
import { FormVersionsPage } from '../features/form-versions/form-versions-page';
import { HelpersPage } from '../features/helpers/helpers-page';
import { MyCarePage } from '../features/helpers/my-care-page';
import { ImportPage } from '../features/imports/import-page';
import { JobsPage } from '../features/jobs/jobs-page';
import { ObservationNoticesPage } from '../features/observation/observation-notices-page';
import { ObservationPage } from '../features/observation/observation-page';
import { HouseholdPage } from '../features/people/household-page';
import { ResidentDetailPage } from '../features/people/resident-detail-page';
import { SearchPage } from '../features/people/search-page';
import { PlacesPage } from '../features/places/places-page';
import { PosterPrintPage } from '../features/posters/poster-print-page';
import { PostersPage } from '../features/posters/posters-page';
import { RequestPage } from '../features/requests/request-page';
import { RequestRatesPage } from '../features/requests/request-rates-page';
import { RequestsPage } from '../features/requests/requests-page';
import { RiskAreasPage } from '../features/risk-areas/risk-areas-page';
import { StatusRulesPage } from '../features/status-rules/status-rules-page';
import { AdminLayout } from './admin-layout';
import { NotFoundPage } from './not-found-page';
import { RequirePermission } from './require-permission';

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
