import { createBrowserRouter, Navigate } from 'react-router';
import { GateViewPage } from '../features/access/gate-view-page';
import { PassPrintPage } from '../features/access/pass-print-page';
import { PassesPage } from '../features/access/passes-page';
import { AuditPage } from '../features/audit/audit-page';
import { LoginPage } from '../features/auth/login-page';
import { DeclarationsPage } from '../features/declarations/declarations-page';
import { ImportPage } from '../features/imports/import-page';
import { HouseholdPage } from '../features/people/household-page';
import { ResidentDetailPage } from '../features/people/resident-detail-page';
import { SearchPage } from '../features/people/search-page';
import { PlacesPage } from '../features/places/places-page';
import { PosterPrintPage } from '../features/posters/poster-print-page';
import { PostersPage } from '../features/posters/posters-page';
import { RiskAreasPage } from '../features/risk-areas/risk-areas-page';
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
