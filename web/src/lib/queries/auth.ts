import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScopeKind } from '../../../../src/modules/access/actor';
import type { Locale } from '../../i18n';
import { ApiError, api, setCsrfToken } from '../api';
import type { Role } from '../roles';

export type { ScopeKind };

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  prefectureCode: string | null;
  /** The kind of the resolved scope ('regions' for centre staff of a branch): some menus need 'prefecture'. */
  scopeKind: ScopeKind;
  locale: Locale;
};

export type Session = {
  authenticated: boolean;
  csrfToken: string | null;
  mustEnrolTotp: boolean;
  mustVerifyTotp: boolean;
  totpEnabled: boolean;
  user: SessionUser | null;
};

export const SIGNED_OUT: Session = {
  authenticated: false,
  csrfToken: null,
  mustEnrolTotp: false,
  mustVerifyTotp: false,
  totpEnabled: false,
  user: null,
};

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const session = await api.get<Session>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Every auth step answers with the session shape: remember it and its CSRF token. */
function useSessionMutation<TVars>(request: (vars: TVars) => Promise<Session>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.setQueryData(sessionQuery.queryKey, session);
    },
  });
}

export function useSignIn() {
  return useSessionMutation((body: { email: string; password: string }) =>
    api.post<Session>('/api/auth/sign-in', body),
  );
}

export function useVerifyTotp() {
  return useSessionMutation((body: { code: string }) => api.post<Session>('/api/auth/totp', body));
}

export function useConfirmTotp() {
  return useSessionMutation((body: { code: string }) => api.post<Session>('/api/auth/totp/confirm', body));
}

export function useEnrolTotp() {
  return useMutation({
    mutationFn: () => api.post<{ secret: string; otpauthUri: string }>('/api/auth/totp/enrol'),
  });
}

/**
 * Signs out and reloads the sign-in page: a full load drops every cached record from memory, which
 * matters on shared office computers.
 */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/sign-out'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      window.location.replace('/signin');
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/api/auth/password', body),
  });
}

export function useSaveLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.post<{ ok: true }>('/api/auth/locale', { locale }),
    onSuccess: (_ok, locale) => {
      qc.setQueryData<Session>(sessionQuery.queryKey, (s) =>
        s?.user ? { ...s, user: { ...s.user, locale } } : s,
      );
    },
  });
}

export type TokenPurpose = 'invitation' | 'password_reset';

export function useCompleteToken(purpose: TokenPurpose) {
  const path =
    purpose === 'invitation' ? '/api/auth/invitations/accept' : '/api/auth/password-reset/complete';
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post<{ ok: true }>(path, body),
  });
}

/** One account of the demo's role switch (GET /api/auth/demo/accounts): never a credential. */
export type DemoAccount = {
  userId: string;
  role: Role;
  displayName: string;
  scope: { ja: string; en: string };
};

/**
 * The demo's role switch: its accounts on the seeded demo database, null everywhere else (the endpoint
 * answers 404 there, as for an unknown route, and nothing of the switch is shown).
 */
export const demoAccountsQuery = queryOptions({
  queryKey: ['demo-accounts'],
  queryFn: async (): Promise<DemoAccount[] | null> => {
    try {
      return (await api.get<{ items: DemoAccount[] }>('/api/auth/demo/accounts')).items;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

export function useDemoAccounts() {
  return useQuery(demoAccountsQuery);
}

/**
 * Signs in as a demo account in one step, then loads the home page afresh: a full load drops every record the
 * previous role had cached.
 */
export function useDemoSignIn() {
  return useMutation({
    mutationFn: (userId: string) => api.post<Session>('/api/auth/demo/sign-in', { userId }),
    onSuccess: () => window.location.replace('/'),
  });
}
