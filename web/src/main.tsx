import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type Dictionaries, LocaleProvider } from './i18n';
import { en } from './i18n/en';
import { ja } from './i18n/ja';
import { AdminPrefectureProvider } from './lib/admin-scope';
import { ApiError } from './lib/api';
import { SIGNED_OUT, sessionQuery } from './lib/queries/auth';
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
      // 4xx answers are final (not found, forbidden, invalid); retry only network and server errors.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
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
        <AdminPrefectureProvider>
          <RouterProvider router={router} />
        </AdminPrefectureProvider>
      </QueryClientProvider>
    </LocaleProvider>
  </StrictMode>,
);
