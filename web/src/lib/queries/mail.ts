import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailKind, MailProblem, MailStatus } from '../../../../src/shared/vocab/mail';
import { api } from '../api';

export type OutboxMessage = {
  id: string;
  toAddress: string | null;
  toName: string;
  locale: 'ja' | 'en';
  kind: MailKind;
  subject: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  problem: MailProblem | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  canResend: boolean;
};

export type Outbox = { mailOn: boolean; counts: Record<MailStatus, number>; messages: OutboxMessage[] };

/** What became of the mail carrying a link an administrator issued. */
export type MailDelivery = { status: 'queued' | 'off' | 'failed'; problem: 'no_address' | null };

export function useOutbox(status: MailStatus | '') {
  return useQuery({
    queryKey: ['mail', 'outbox', status],
    queryFn: () => api.get<Outbox>('/api/mail/outbox', { status: status || undefined }),
    refetchInterval: 10_000,
  });
}

export function useResend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessage>(`/api/mail/outbox/${id}/resend`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mail', 'outbox'] }),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) =>
      api.post<{ accepted: true; mailOn: boolean }>('/api/auth/password-reset', { email }),
  });
}
