import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api';

export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityIds: string[];
  detail: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export type AuditFilters = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  page?: number;
};

/** What a verification found (the server's VerifyOutcome, decision 0012). */
export type AuditVerifyOutcome =
  | 'intact'
  | 'chain_broken'
  | 'checkpoint_signature_invalid'
  | 'chain_rewritten'
  | 'tail_cut'
  | 'checkpoint_stale';

export type AuditVerifyResult = {
  ok: boolean;
  result: AuditVerifyOutcome;
  entries: number;
  checkpoints: number;
  brokenAtId?: number;
  reason?: 'prev_hash_mismatch' | 'hash_mismatch' | 'seq_gap';
  checkpoint?: { seq: number; at: string };
  uncoveredSince?: string;
};

/** An object an entry names, as the server names it within the reader's scope (GET /api/audit `objects`). */
export type AuditObject = { type: string; name: string | null; on: string | null };

/** A user of the prefecture, for the picker of who acted. */
export type AuditActor = { id: string; name: string; email: string; role: string };

/** Entries a page, as the other long lists (consultations, people, organisations); the caption gives the total. */
export const AUDIT_PAGE_SIZE = 25;

export function useAuditActors() {
  return useQuery({
    queryKey: ['audit', 'actors'],
    queryFn: ({ signal }) => api.get<{ items: AuditActor[] }>('/api/audit/actors', undefined, signal),
    staleTime: 60_000,
  });
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[]; total: number; objects: Record<string, AuditObject> }>(
        '/api/audit',
        { ...filters, pageSize: AUDIT_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The download address of the export (a plain link: the browser saves the file). */
export function auditExportUrl(format: 'xlsx' | 'csv', filters: AuditFilters): string {
  const { page: _page, ...rest } = filters;
  return withQuery('/api/audit/export', { format, ...rest });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify') });
}
