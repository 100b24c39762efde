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
import { AREA_PAGES } from './areas';
import './styles.css';

// Staff areas load on demand, so the citizen's phone downloads only what citizen pages need.
// Every area's pages, each loaded when first opened.
const PAGES = AREA_PAGES.flatMap((a) => a.pages).map((p) => ({ ...p, Page: lazy(p.load) }));

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
        {PAGES.map(({ path, access, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              access === 'public' ? (
                <Suspense fallback={<Loading />}>
                  <Page />
                </Suspense>
              ) : (
                <RequireLogin can={access.can}>
                  <Page />
                </RequireLogin>
              )
            }
          />
        ))}
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
