import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdminScope } from '../admin-scope';
import { api } from '../api';
import type { Role } from '../roles';
import type { MailDelivery } from './mail';
import type { Division } from './network';

const BASE = '/api/admin/users';

export type UserScope = {
  centreId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  division: Division | null;
  organisationId: string | null;
};

export type AdminUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  prefectureCode: string | null;
  scope: UserScope;
  totpEnabled: boolean;
  disabled: boolean;
  locked: boolean;
  lastSignInAt: string | null;
  invitationPending: boolean;
  version: number;
};

export type InviteUserBody = {
  email: string;
  displayName: string;
  role: Role;
  prefectureCode?: string;
  scope: UserScope;
};

export type UpdateUserBody = {
  version: number;
  displayName?: string;
  role?: Role;
  scope?: UserScope;
};

export const USER_ACTIONS = [
  'disable',
  'enable',
  'reset-totp',
  'reset-password',
  'unlock',
  'resend-invitation',
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** The users the administrator manages; `role` narrows the list to one role (learners can be thousands). */
export function useUsers(role?: Role) {
  const scope = useAdminScope();
  return useQuery({
    queryKey: ['users', scope.prefecture ?? '-', role ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<AdminUser[]>(BASE, { ...scope.params, ...(role ? { role } : {}) }, signal),
    // Keep the list on screen while another role's list loads (the filter sits above it).
    placeholderData: (previous) => previous,
    enabled: scope.ready,
  });
}

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody) =>
      api.post<{ user: AdminUser; invitationUrl: string; mail?: MailDelivery }>(BASE, body),
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first, before the form re-keys on the new version.
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      // invitationUrl: only when a learner was given a staff role (their password was cleared).
      api.patch<AdminUser & { invitationUrl?: string }>(`${BASE}/${encodeURIComponent(id)}`, body),
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first, before the form re-keys on the new version.
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useUserAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: UserAction }) =>
      api.post<{ resetUrl?: string; invitationUrl?: string; mail?: MailDelivery }>(
        `${BASE}/${encodeURIComponent(id)}/${action}`,
      ),
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first, before the form re-keys on the new version.
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
