import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZCensusCount, ZCensusCounts } from '../../../../src/modules/surveys/schemas-census';
import { api } from '../api';

/**
 * ME-3: a municipal survey's count of children beside the census (/api/surveys/{id}/census-counts). Types are the
 * server's Zod contract, as types only.
 */
export type CensusCounts = z.infer<typeof ZCensusCounts>;
export type CensusCount = z.infer<typeof ZCensusCount>;

const one = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;

/** The municipalities' answers beside their census sources and the 年度's linked count. */
export function useCensusCounts(id: string, nendo: number) {
  return useQuery({
    queryKey: ['surveys', 'census', id, nendo],
    queryFn: ({ signal }) => api.get<CensusCounts>(`${one(id)}/census-counts`, { nendo }, signal),
  });
}

/** Applies one answer as a source's reported figure for the 年度 (its version as read, null when none). */
export function useApplyCensusCount(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { answerId: string; nendo: number; sourceId: string; version: number | null }) =>
      api.post<CensusCount>(`${one(id)}/census-counts/${encodeURIComponent(v.answerId)}/apply`, {
        nendo: v.nendo,
        sourceId: v.sourceId,
        version: v.version,
      }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['surveys', 'census', id] }),
        qc.invalidateQueries({ queryKey: ['census', 'results'] }),
      ]),
  });
}
