import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZContact,
  ZContactUpdate,
  ZFigures,
  ZHistory,
  ZMaturityUpdate,
  ZMaturityValue,
  ZOverview,
  ZPage,
} from '../../../../src/modules/municipalities/schemas';
import { api, apiFetch } from '../api';

/**
 * The page per municipality and the prefecture view (docs/municipal-support.md §1). Types are the server's Zod
 * contract (src/modules/municipalities/schemas.ts).
 */
export type MunicipalOverview = z.infer<typeof ZOverview>;
export type MunicipalPage = z.infer<typeof ZPage>;
export type MunicipalFigures = z.infer<typeof ZFigures>;
export type MunicipalHistory = z.infer<typeof ZHistory>;
export type MaturityValue = z.infer<typeof ZMaturityValue>;
export type ContactValue = z.infer<typeof ZContact>;
export type MaturityBody = z.input<typeof ZMaturityUpdate>;
export type ContactBody = z.input<typeof ZContactUpdate>;

const BASE = '/api/municipalities';
const KEY = ['municipalities'] as const;
const path = (code: string) => `${BASE}/${encodeURIComponent(code)}`;

export function useMunicipalOverview(nendo: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'overview', nendo ?? 'current'],
    queryFn: ({ signal }) => api.get<MunicipalOverview>(BASE, { nendo }, signal),
  });
}

/** The prefecture view of a 年度 as .xlsx, in the screen's language. */
export function overviewExportHref(nendo: number, lang: 'ja' | 'en'): string {
  return `${BASE}/export?nendo=${nendo}&lang=${lang}`;
}

export function useMunicipalPage(code: string) {
  return useQuery({
    queryKey: [...KEY, code, 'page'],
    queryFn: ({ signal }) => api.get<MunicipalPage>(path(code), undefined, signal),
  });
}

export function useMunicipalFigures(code: string) {
  return useQuery({
    queryKey: [...KEY, code, 'figures'],
    queryFn: ({ signal }) => api.get<MunicipalFigures>(`${path(code)}/figures`, undefined, signal),
  });
}

export function useMunicipalHistory(
  code: string,
  filter: { subject: 'maturity' | 'contact'; item: string } | null,
) {
  return useQuery({
    enabled: filter !== null,
    queryKey: [...KEY, code, 'history', filter],
    queryFn: ({ signal }) => api.get<MunicipalHistory>(`${path(code)}/history`, filter ?? undefined, signal),
  });
}

/** Records a maturity item (409 with the value as it is now on a stale version). */
export function useSetMaturity(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, body }: { item: string; body: MaturityBody }) =>
      apiFetch<MaturityValue>('PUT', `${path(code)}/maturity/${encodeURIComponent(item)}`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Records a division's contact (409 with the contact as it is now on a stale version). */
export function useSetContact(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ division, body }: { division: string; body: ContactBody }) =>
      apiFetch<ContactValue>('PUT', `${path(code)}/contacts/${encodeURIComponent(division)}`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
