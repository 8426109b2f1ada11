import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api';

export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
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

export type AuditVerifyResult = { ok: boolean; entries: number; brokenAtId?: number; reason?: string };

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[]; total: number }>(
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
