import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRootRoute, createRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouteSettled } from './components/RouteSettled';
import { ServiceStatusBanner } from './components/ServiceStatusBanner';
import { LocaleProvider } from './i18n';
import { PUBLIC_RESOURCES_DICTIONARIES } from './i18n/public-dictionaries';
import { readRetryDelay, shouldRetryRead } from './lib/retry';
import { publicLibraryRoutes } from './pages/public/library/routes';
import { PublicSiteNotFound, PublicSiteShell } from './pages/public/resources/PublicSiteShell';
import { publicResourceRoutes } from './pages/public/resources/routes';
import { publicSiteRoutes } from './pages/public/site/routes';
import { publicSurveyRoutes } from './pages/public/surveys/routes';
import { publicTrainingRoutes } from './pages/public/trainings/routes';
import './index.css';

/**
 * The light entry of the public site (/public/resources…, served as public-resources.html; also the
 * public training page /public/trainings, a survey's answering page /public/surveys/{token} and the centre's site — /public, /public/pages/…, /public/first-window —
 * loaded lazily): its own
 * router with only the public resources routes, its own query client and only the strings its pages use, so
 * families on a phone download a fraction of the app (decision 0009, "Public page weight"). Links to the rest of
 * the site are plain links that load the app's page.
 */

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Only a network failure or a brief unavailability (502–504) is tried again, twice (lib/retry.ts).
      retry: shouldRetryRead,
      retryDelay: readRetryDelay,
    },
  },
});

const rootRoute = createRootRoute({ component: RouteSettled, notFoundComponent: PublicSiteNotFound });
const siteLayout = createRoute({ getParentRoute: () => rootRoute, id: 'site', component: PublicSiteShell });
const routeTree = rootRoute.addChildren([
  siteLayout.addChildren([
    ...publicSiteRoutes(siteLayout),
    ...publicResourceRoutes(siteLayout),
    ...publicTrainingRoutes(siteLayout),
    ...publicLibraryRoutes(siteLayout),
    ...publicSurveyRoutes(siteLayout),
  ]),
]);
const router = createRouter({ routeTree, scrollRestoration: true, defaultPreload: false });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from public-resources.html');

createRoot(root).render(
  <StrictMode>
    <LocaleProvider dictionaries={PUBLIC_RESOURCES_DICTIONARIES}>
      <QueryClientProvider client={queryClient}>
        <ServiceStatusBanner />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </LocaleProvider>
  </StrictMode>,
);
