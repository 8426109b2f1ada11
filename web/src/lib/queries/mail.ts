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

/** An address that bounces: no mail goes to it until an administrator clears it (decision 0028). */
export type BouncingAddress = {
  address: string;
  since: string;
  lastError: string | null;
  messages: number;
  userIds: string[];
};

export function useBounces() {
  return useQuery({
    queryKey: ['mail', 'bounces'],
    queryFn: () => api.get<{ addresses: BouncingAddress[] }>('/api/mail/bounces'),
  });
}

/** Records the bounce that came back to MAIL_FROM after the relay took a message. */
export function useRecordBounce() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; note: string }) =>
      api.post<OutboxMessage>(`/api/mail/outbox/${v.id}/bounced`, { note: v.note || undefined }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mail'] }),
  });
}

/**
 * `onCleared` runs in the mutation itself, before the lists are read again: the cleared address leaves them and
 * unmounts its button, and a callback given to `mutate` would then never run.
 */
export function useClearBounce(onCleared: (address: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (address: string) =>
      api.post<{ addresses: BouncingAddress[] }>('/api/mail/bounces/clear', { address }),
    onSuccess: (_r, address) => {
      onCleared(address);
      return qc.invalidateQueries({ queryKey: ['mail'] });
    },
  });
}
