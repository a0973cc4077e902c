import { createBrowserRouter, Navigate } from 'react-router';
import { DutyPage } from '../features/access/duty-page';
import { GateViewPage } from '../features/access/gate-view-page';
import { PassPrintPage } from '../features/access/pass-print-page';
import { PassesPage } from '../features/access/passes-page';
import { AuditPage } from '../features/audit/audit-page';
import { LoginPage } from '../features/auth/login-page';
import { BuildingProfilePage } from '../features/buildings/building-profile-page';
import { BuildingsPage } from '../features/buildings/buildings-page';
import { CampaignPage } from '../features/campaigns/campaign-page';
import { CampaignsPage } from '../features/campaigns/campaigns-page';
import { ChecksPage } from '../features/campaigns/checks-page';
import { VisitsPage } from '../features/campaigns/visits-page';
import { DeclarationsPage } from '../features/declarations/declarations-page';
import { FormVersionsPage } from '../features/form-versions/form-versions-page';
import { ImportPage } from '../features/imports/import-page';
import { HouseholdPage } from '../features/people/household-page';
import { ResidentDetailPage } from '../features/people/resident-detail-page';
import { SearchPage } from '../features/people/search-page';
import { PlacesPage } from '../features/places/places-page';
import { PosterPrintPage } from '../features/posters/poster-print-page';
import { PostersPage } from '../features/posters/posters-page';
import { RiskAreasPage } from '../features/risk-areas/risk-areas-page';
import { StatusRulesPage } from '../features/status-rules/status-rules-page';
import { AdminLayout } from './admin-layout';
import { NotFoundPage } from './not-found-page';
import { RequirePermission } from './require-permission';

/** Paths are relative to /admin, where the server serves this console. */
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <AdminLayout />,
      children: [
        { index: true, element: <Navigate to="/places" replace /> },
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
          path: 'audit',
          element: (
            <RequirePermission permission="audit.read">
              <AuditPage />
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
