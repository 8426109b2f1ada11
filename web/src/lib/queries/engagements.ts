import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCadenceRequest,
  ZCreateEngagementRequest,
  ZCrossTab,
  ZEngagement,
  ZEngagementList,
  ZEngagementOptions,
  ZFourDivisionList,
  ZFourDivisionRow,
  ZGoodExampleRequest,
  ZMunicipalityEngagements,
  ZUpdateEngagementRequest,
} from '../../../../src/modules/engagements/schemas';
import type { CrossTabField, EngagementKind } from '../../../../src/shared/vocab/engagements';
import { api, apiFetch, withQuery } from '../api';

/**
 * Engagements with municipalities (docs/municipal-support.md §2): hearing visits, four-division meetings and
 * the support log. Types are the server's Zod contract (src/modules/engagements/schemas.ts).
 */

export type Engagement = z.infer<typeof ZEngagement>;
export type EngagementList = z.infer<typeof ZEngagementList>;
export type EngagementRow = EngagementList['items'][number];
export type EngagementOptions = z.infer<typeof ZEngagementOptions>;
export type CreateEngagementBody = z.input<typeof ZCreateEngagementRequest>;
export type UpdateEngagementBody = z.input<typeof ZUpdateEngagementRequest>;
export type GoodExampleBody = z.input<typeof ZGoodExampleRequest>;
export type FourDivisionList = z.infer<typeof ZFourDivisionList>;
export type FourDivisionRow = z.infer<typeof ZFourDivisionRow>;
export type CadenceBody = z.input<typeof ZCadenceRequest>;
export type CrossTab = z.infer<typeof ZCrossTab>;
export type MunicipalityEngagements = z.infer<typeof ZMunicipalityEngagements>;

export type EngagementFilter = {
  kind?: EngagementKind;
  municipalityCode?: string;
  nendo?: number;
  goodExample?: 'true';
  q?: string;
  page?: number;
};

const BASE = '/api/engagements';
const KEY = ['engagements'] as const;

export function useEngagementOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<EngagementOptions>(`${BASE}/options`, undefined, signal),
    staleTime: 60_000,
  });
}

export function useEngagements(filter: EngagementFilter) {
  return useQuery({
    queryKey: [...KEY, 'list', filter],
    queryFn: ({ signal }) => api.get<EngagementList>(BASE, { ...filter }, signal),
  });
}

export function useEngagement(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<Engagement>(`${BASE}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

function useEngagementMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: KEY }) });
}

export function useCreateEngagement() {
  return useEngagementMutation((body: CreateEngagementBody) => apiFetch<Engagement>('POST', BASE, { body }));
}

/** Changes an engagement with the version read (409 with the current record when it changed meanwhile). */
export function useUpdateEngagement() {
  return useEngagementMutation(({ id, body }: { id: string; body: UpdateEngagementBody }) =>
    apiFetch<Engagement>('PUT', `${BASE}/${encodeURIComponent(id)}`, { body }),
  );
}

export function useSetGoodExample() {
  return useEngagementMutation(({ id, body }: { id: string; body: GoodExampleBody }) =>
    apiFetch<Engagement>('PUT', `${BASE}/${encodeURIComponent(id)}/good-example`, { body }),
  );
}

export function useFourDivision(state?: 'overdue') {
  return useQuery({
    queryKey: [...KEY, 'four-division', state ?? 'all'],
    queryFn: ({ signal }) => api.get<FourDivisionList>(`${BASE}/four-division`, { state }, signal),
  });
}

export function useSetCadence() {
  return useEngagementMutation(({ code, body }: { code: string; body: CadenceBody }) =>
    apiFetch<FourDivisionRow>('PUT', `${BASE}/cadences/${encodeURIComponent(code)}`, { body }),
  );
}

export type CrossTabParams = { nendo: number; row: CrossTabField; col: CrossTabField; goodExample?: 'true' };

export function useCrossTab(p: CrossTabParams) {
  return useQuery({
    queryKey: [...KEY, 'cross-tab', p],
    queryFn: ({ signal }) => api.get<CrossTab>(`${BASE}/cross-tab`, { ...p }, signal),
  });
}

export function crossTabExportHref(p: CrossTabParams, lang: 'ja' | 'en'): string {
  return withQuery(`${BASE}/cross-tab/export`, { ...p, lang });
}

export function useMunicipalityEngagements(code: string) {
  return useQuery({
    queryKey: [...KEY, 'municipality', code],
    queryFn: ({ signal }) =>
      api.get<MunicipalityEngagements>(
        `${BASE}/municipalities/${encodeURIComponent(code)}`,
        undefined,
        signal,
      ),
  });
}
