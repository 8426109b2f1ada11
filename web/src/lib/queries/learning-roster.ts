import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZPool,
  ZPoolAddRequest,
  ZProposal,
  ZRoster,
  ZRosterRow,
  ZRosterStatusRequest,
  ZTrainingFigures,
} from '../../../../src/modules/learning/roster/schemas';
import type { SuperviseExpertise } from '../../../../src/shared/vocab/learning-roster';
import { api, apiFetch, withQuery } from '../api';

/**
 * The coordinator roster, the supervise pools with the team proposal, and the training figures by 年度
 * (docs/learning.md §7–8). Types are the server's Zod contract (src/modules/learning/roster/schemas.ts).
 */

export type Roster = z.infer<typeof ZRoster>;
export type RosterRow = z.infer<typeof ZRosterRow>;
export type RosterStatusBody = z.input<typeof ZRosterStatusRequest>;
export type Pool = z.infer<typeof ZPool>;
export type PoolMember = Pool['members'][number];
export type PoolAddBody = z.input<typeof ZPoolAddRequest>;
export type Proposal = z.infer<typeof ZProposal>;
export type TrainingFigures = z.infer<typeof ZTrainingFigures>;

const BASE = '/api/learning';
const ROSTER = ['learning', 'roster'] as const;
const POOL = ['learning', 'supervise-pool'] as const;

export function useRoster() {
  return useQuery({
    queryKey: ROSTER,
    queryFn: ({ signal }) => api.get<Roster>(`${BASE}/roster`, undefined, signal),
  });
}

export function rosterExportHref(lang: 'ja' | 'en'): string {
  return withQuery(`${BASE}/roster/export`, { lang });
}

/** Confirms whether a coordinator is active (409 with the row as it is now on a stale version). */
export function useSetRosterStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ learnerUserId, body }: { learnerUserId: string; body: RosterStatusBody }) =>
      apiFetch<RosterRow>('PUT', `${BASE}/roster/${encodeURIComponent(learnerUserId)}/status`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: ROSTER }),
  });
}

export function usePool(centreId: string | undefined) {
  return useQuery({
    queryKey: [...POOL, centreId ?? 'all'],
    queryFn: ({ signal }) => api.get<Pool>(`${BASE}/supervise-pool`, { centreId }, signal),
  });
}

export function useProposal(centreId: string | undefined, tags: SuperviseExpertise[] | null) {
  return useQuery({
    enabled: !!tags && tags.length > 0,
    queryKey: [...POOL, 'proposal', centreId ?? 'all', tags],
    queryFn: ({ signal }) =>
      api.get<Proposal>(`${BASE}/supervise-pool/proposal`, { centreId, tags: tags!.join(',') }, signal),
  });
}

function usePoolMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: POOL }) });
}

export function useAddPoolMember() {
  return usePoolMutation((body: PoolAddBody) =>
    apiFetch<{ id: string }>('POST', `${BASE}/supervise-pool`, { body }),
  );
}

export function useUpdatePoolMember() {
  return usePoolMutation(
    ({ id, version, tags }: { id: string; version: number; tags: SuperviseExpertise[] }) =>
      apiFetch<{ ok: true }>('PUT', `${BASE}/supervise-pool/${encodeURIComponent(id)}`, {
        body: { version, tags },
      }),
  );
}

export function useRemovePoolMember() {
  return usePoolMutation((id: string) =>
    apiFetch<{ ok: true }>('DELETE', `${BASE}/supervise-pool/${encodeURIComponent(id)}`),
  );
}

export function useTrainingFigures(nendo: number) {
  return useQuery({
    queryKey: ['learning', 'figures', nendo],
    queryFn: ({ signal }) => api.get<TrainingFigures>(`${BASE}/figures`, { nendo }, signal),
  });
}

export function trainingFiguresExportHref(nendo: number, lang: 'ja' | 'en'): string {
  return withQuery(`${BASE}/figures/export`, { nendo, lang });
}
