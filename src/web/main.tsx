import { StrictMode, Suspense, lazy, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Role } from '../platform/auth/roles';
import { ApiError } from './api';
import { initI18n } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { HomePage } from './HomePage';
import { AccessibilityPage, NotFoundPage } from './StaticPages';
import { useSession } from './session';
import { Loading } from './ui';
import './styles.css';

// Staff areas load on demand, so the citizen's phone downloads only what citizen pages need.
const CaseloadPage = lazy(() => import('../people/web/CaseloadPage'));
const CitizenPage = lazy(() => import('../people/web/CitizenPage'));
const CitizenCreatePage = lazy(() => import('../people/web/CitizenCreatePage'));
const MyDataPage = lazy(() => import('../people/web/MyDataPage'));
const UsersPage = lazy(() => import('../organisation/web/UsersPage'));
const UserFormPage = lazy(() => import('../organisation/web/UserFormPage'));
const SitesPage = lazy(() => import('../organisation/web/SitesPage'));
const TestCodesPage = lazy(() => import('../assessment/web/TestCodesPage'));
const PosterPage = lazy(() => import('../assessment/web/PosterPage'));
const CodeResultPage = lazy(() => import('../assessment/web/CodeResultPage'));
const QueuePage = lazy(() => import('../workshops/web/QueuePage'));
const WorkshopAdminPage = lazy(() => import('../workshops/web/WorkshopAdminPage'));
const DoorPosterPage = lazy(() => import('../workshops/web/DoorPosterPage'));
const StatsPage = lazy(() => import('../workshops/web/StatsPage'));
const TestAdminPage = lazy(() => import('../assessment/web/TestAdminPage'));
const ItemEditPage = lazy(() => import('../assessment/web/ItemEditPage'));
const ItemNewPage = lazy(() => import('../assessment/web/ItemNewPage'));
const PilotsPage = lazy(() => import('../pilots/web/PilotsPage'));
const PilotNewPage = lazy(() => import('../pilots/web/PilotNewPage'));
const PilotPage = lazy(() => import('../pilots/web/PilotPage'));
const OffersPage = lazy(() => import('../learning/web/OffersPage'));
const OfferNewPage = lazy(() => import('../learning/web/OfferNewPage'));
const OfferPage = lazy(() => import('../learning/web/OfferPage'));
const LearningStatsPage = lazy(() => import('../learning/web/LearningStatsPage'));
const MyPlanPage = lazy(() => import('../learning/web/MyPlanPage'));
const VerifyPage = lazy(() => import('../learning/web/VerifyPage'));

initI18n();

const STAFF: Role[] = ['caseworker', 'ementor', 'pilot_manager', 'admin', 'analyst'];

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (roles && !user.roles.some((r) => roles.includes(r))) return <NotFoundPage />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/tilgaengelighed" element={<AccessibilityPage />} />
        <Route
          path="/"
          element={
            <RequireRole>
              <HomePage />
            </RequireRole>
          }
        />
        <Route
          path="/badges/tjek"
          element={
            <Suspense fallback={<Loading />}>
              <VerifyPage />
            </Suspense>
          }
        />
        <Route
          path="/kurser"
          element={
            <RequireRole roles={STAFF}>
              <OffersPage />
            </RequireRole>
          }
        />
        <Route
          path="/kurser/nyt"
          element={
            <RequireRole roles={['admin', 'pilot_manager']}>
              <OfferNewPage />
            </RequireRole>
          }
        />
        <Route
          path="/kurser/statistik"
          element={
            <RequireRole roles={['analyst', 'admin', 'pilot_manager']}>
              <LearningStatsPage />
            </RequireRole>
          }
        />
        <Route
          path="/kurser/:id"
          element={
            <RequireRole roles={STAFF}>
              <OfferPage />
            </RequireRole>
          }
        />
        <Route
          path="/min-plan"
          element={
            <RequireRole roles={['citizen']}>
              <MyPlanPage />
            </RequireRole>
          }
        />
        <Route
          path="/pilotprojekter"
          element={
            <RequireRole roles={['pilot_manager', 'analyst', 'caseworker']}>
              <PilotsPage />
            </RequireRole>
          }
        />
        <Route
          path="/pilotprojekter/ny"
          element={
            <RequireRole roles={['pilot_manager']}>
              <PilotNewPage />
            </RequireRole>
          }
        />
        <Route
          path="/pilotprojekter/:id"
          element={
            <RequireRole roles={['pilot_manager', 'analyst', 'caseworker']}>
              <PilotPage />
            </RequireRole>
          }
        />
        <Route
          path="/borgere"
          element={
            <RequireRole roles={['caseworker']}>
              <CaseloadPage />
            </RequireRole>
          }
        />
        <Route
          path="/borgere/ny"
          element={
            <RequireRole roles={['caseworker']}>
              <CitizenCreatePage />
            </RequireRole>
          }
        />
        <Route
          path="/borgere/:id"
          element={
            <RequireRole roles={['caseworker']}>
              <CitizenPage />
            </RequireRole>
          }
        />
        <Route
          path="/mine-data"
          element={
            <RequireRole roles={['citizen']}>
              <MyDataPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/brugere"
          element={
            <RequireRole roles={['admin']}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/brugere/ny"
          element={
            <RequireRole roles={['admin']}>
              <UserFormPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/brugere/:id"
          element={
            <RequireRole roles={['admin']}>
              <UserFormPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/steder"
          element={
            <RequireRole roles={['admin']}>
              <SitesPage />
            </RequireRole>
          }
        />
        <Route
          path="/testkoder"
          element={
            <RequireRole roles={['ementor', 'caseworker']}>
              <TestCodesPage />
            </RequireRole>
          }
        />
        <Route
          path="/testkoder/plakat"
          element={
            <RequireRole roles={['ementor', 'caseworker']}>
              <PosterPage />
            </RequireRole>
          }
        />
        <Route
          path="/vaerksted/statistik"
          element={
            <RequireRole roles={['ementor', 'admin', 'analyst']}>
              <StatsPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/vaerksteder"
          element={
            <RequireRole roles={['admin']}>
              <WorkshopAdminPage />
            </RequireRole>
          }
        />
        <Route
          path="/vaerksted/:id/plakat"
          element={
            <RequireRole roles={['admin', 'ementor']}>
              <DoorPosterPage />
            </RequireRole>
          }
        />
        <Route
          path="/vaerksted"
          element={
            <RequireRole roles={['ementor']}>
              <QueuePage />
            </RequireRole>
          }
        />
        <Route
          path="/testkoder/:id"
          element={
            <RequireRole roles={['ementor', 'caseworker']}>
              <CodeResultPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/test"
          element={
            <RequireRole roles={['admin']}>
              <TestAdminPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/test/opgaver/ny"
          element={
            <RequireRole roles={['admin']}>
              <ItemNewPage />
            </RequireRole>
          }
        />
        <Route
          path="/admin/test/opgaver/:id"
          element={
            <RequireRole roles={['admin']}>
              <ItemEditPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
