import { StrictMode, Suspense, lazy, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Capability } from '../platform/auth/capabilities';
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

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** A page for logged-in users; with `can`, only for those the server gives that capability. */
function RequireLogin({ can, children }: { can?: Capability; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (can && !user.capabilities.includes(can)) return <NotFoundPage />;
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
            <RequireLogin>
              <HomePage />
            </RequireLogin>
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
            <RequireLogin can="courses">
              <OffersPage />
            </RequireLogin>
          }
        />
        <Route
          path="/kurser/nyt"
          element={
            <RequireLogin can="courses.manage">
              <OfferNewPage />
            </RequireLogin>
          }
        />
        <Route
          path="/kurser/statistik"
          element={
            <RequireLogin can="courseStats">
              <LearningStatsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/kurser/:id"
          element={
            <RequireLogin can="courses">
              <OfferPage />
            </RequireLogin>
          }
        />
        <Route
          path="/min-plan"
          element={
            <RequireLogin can="myPlan">
              <MyPlanPage />
            </RequireLogin>
          }
        />
        <Route
          path="/pilotprojekter"
          element={
            <RequireLogin can="pilots">
              <PilotsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/pilotprojekter/ny"
          element={
            <RequireLogin can="pilots.manage">
              <PilotNewPage />
            </RequireLogin>
          }
        />
        <Route
          path="/pilotprojekter/:id"
          element={
            <RequireLogin can="pilots">
              <PilotPage />
            </RequireLogin>
          }
        />
        <Route
          path="/borgere"
          element={
            <RequireLogin can="caseload">
              <CaseloadPage />
            </RequireLogin>
          }
        />
        <Route
          path="/borgere/ny"
          element={
            <RequireLogin can="citizens.create">
              <CitizenCreatePage />
            </RequireLogin>
          }
        />
        <Route
          path="/borgere/:id"
          element={
            <RequireLogin can="caseload">
              <CitizenPage />
            </RequireLogin>
          }
        />
        <Route
          path="/mine-data"
          element={
            <RequireLogin can="myData">
              <MyDataPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/brugere"
          element={
            <RequireLogin can="users.manage">
              <UsersPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/brugere/ny"
          element={
            <RequireLogin can="users.manage">
              <UserFormPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/brugere/:id"
          element={
            <RequireLogin can="users.manage">
              <UserFormPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/steder"
          element={
            <RequireLogin can="sites.manage">
              <SitesPage />
            </RequireLogin>
          }
        />
        <Route
          path="/testkoder"
          element={
            <RequireLogin can="testCodes">
              <TestCodesPage />
            </RequireLogin>
          }
        />
        <Route
          path="/testkoder/plakat"
          element={
            <RequireLogin can="testCodes">
              <PosterPage />
            </RequireLogin>
          }
        />
        <Route
          path="/vaerksted/statistik"
          element={
            <RequireLogin can="workshopStats">
              <StatsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/vaerksteder"
          element={
            <RequireLogin can="workshopAdmin">
              <WorkshopAdminPage />
            </RequireLogin>
          }
        />
        <Route
          path="/vaerksted/:id/plakat"
          element={
            <RequireLogin can="doorPoster">
              <DoorPosterPage />
            </RequireLogin>
          }
        />
        <Route
          path="/vaerksted"
          element={
            <RequireLogin can="workshopQueue">
              <QueuePage />
            </RequireLogin>
          }
        />
        <Route
          path="/testkoder/:id"
          element={
            <RequireLogin can="testCodes">
              <CodeResultPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/test"
          element={
            <RequireLogin can="testAdmin">
              <TestAdminPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/test/opgaver/ny"
          element={
            <RequireLogin can="testAdmin">
              <ItemNewPage />
            </RequireLogin>
          }
        />
        <Route
          path="/admin/test/opgaver/:id"
          element={
            <RequireLogin can="testAdmin">
              <ItemEditPage />
            </RequireLogin>
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
