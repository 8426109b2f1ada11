import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ServiceStatusBanner } from './components/ServiceStatusBanner';
import { type Dictionaries, LocaleProvider } from './i18n';
import { en } from './i18n/en';
import { ja } from './i18n/ja';
import { AdminPrefectureProvider } from './lib/admin-scope';
import { ApiError } from './lib/api';
import { SIGNED_OUT, sessionQuery } from './lib/queries/auth';
import { readRetryDelay, shouldRetryRead } from './lib/retry';
import { createAppRouter } from './router';
import './index.css';

/** When any call says the session is gone (expired, signed out elsewhere), the shell goes to sign-in. */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.code === 'unauthenticated') {
    queryClient.setQueryData(sessionQuery.queryKey, SIGNED_OUT);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
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

const router = createAppRouter(queryClient);
// The whole app speaks every area of the UI.
const dictionaries: Dictionaries = { ja, en };

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <LocaleProvider dictionaries={dictionaries}>
      <QueryClientProvider client={queryClient}>
        <ServiceStatusBanner />
        <AdminPrefectureProvider>
          <RouterProvider router={router} />
        </AdminPrefectureProvider>
      </QueryClientProvider>
    </LocaleProvider>
  </StrictMode>,
);
