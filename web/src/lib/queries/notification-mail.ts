import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailDelivery, NotificationMailKind } from '../../../../src/shared/vocab/notification-mail';
import { api } from '../api';

/** The signed-in user's notification mail preferences (decision 0030). */
export type MailPreferences = {
  mailOn: boolean;
  version: number;
  kinds: { kind: NotificationMailKind; delivery: MailDelivery; deliveries: MailDelivery[] }[];
};

const KEY = ['notification-mail-preferences'] as const;

export function useMailPreferences() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api.get<MailPreferences>('/api/notifications/mail-preferences', undefined, signal),
  });
}

export function useSaveMailPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; choices: Partial<Record<NotificationMailKind, MailDelivery>> }) =>
      api.patch<MailPreferences>('/api/notifications/mail-preferences', body),
    onSuccess: (data) => qc.setQueryData(KEY, data),
    onError: () => {
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
}
