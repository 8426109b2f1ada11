import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUpStatus } from '../../../../src/shared/vocab/transitions';
import { api, withQuery } from '../api';

/** 移行予定: children reaching a life-stage transition in a 年度 (GET /api/transitions). */

export const TRANSITION_KINDS = [
  'nursery_entry',
  'elementary_entry',
  'special_school_junior_entry',
  'special_school_high_entry',
  'school_leaving',
  'turning_18',
  'turning_20',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export type TransitionChild = {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  birthDate: string;
  municipalityCode: string;
  municipalityName: string;
  regionName: string | null;
  affiliation: string | null;
  /** Where the follow-up of this row's transition stands and who carries it (version 0: nothing kept yet). */
  followUp?: FollowUp;
};

export type FollowUp = {
  status: FollowUpStatus;
  ownerUserId: string | null;
  ownerName: string | null;
  updatedAt: string | null;
  version: number;
};

export type Transitions = {
  nendo: number;
  /** birthFrom/birthTo: the cohort the server counted (ISO dates). */
  groups: {
    kind: TransitionKind;
    count: number;
    birthFrom?: string;
    birthTo?: string;
    items: TransitionChild[];
  }[];
  byMunicipality: { code: string; name: string; counts: Partial<Record<TransitionKind, number>> }[];
};

/** Orders of the rows within each kind (the server's allow-list, transitions/follow-ups.ts). */
export const TRANSITION_SORTS = [
  'kana',
  'birthDate',
  'municipality',
  'region',
  'affiliation',
  'followUp',
  'owner',
] as const;
export type TransitionSort = (typeof TRANSITION_SORTS)[number];

export type TransitionSearch = {
  nendo?: number;
  municipality?: string;
  region?: string;
  kind?: TransitionKind;
  sort?: TransitionSort;
  dir?: 'asc' | 'desc';
};

export function useTransitions(search: TransitionSearch & { nendo: number }) {
  return useQuery({
    queryKey: ['transitions', search],
    queryFn: ({ signal }) => api.get<Transitions>('/api/transitions', { ...search }, signal),
    placeholderData: keepPreviousData,
  });
}

export function transitionsExportHref(
  search: TransitionSearch & { nendo: number },
  lang: 'ja' | 'en',
): string {
  return withQuery('/api/transitions', { ...search, format: 'xlsx', lang: lang === 'en' ? 'en' : undefined });
}

/** Who may carry a transition, and whether the reader may set follow-ups at all. */
export function useTransitionOwners() {
  return useQuery({
    queryKey: ['transitions', 'owners'],
    queryFn: ({ signal }) =>
      api.get<{ canEdit: boolean; people: { id: string; name: string; role: string }[] }>(
        '/api/transitions/owners',
        undefined,
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

export type SetFollowUpBody = {
  nendo: number;
  kind: TransitionKind;
  status: FollowUpStatus;
  ownerUserId: string | null;
  version: number;
};

/** Sets one row's status and owner; the lists are read again afterwards (also after a refusal). */
export function useSetFollowUp(childId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetFollowUpBody) =>
      api.patch<FollowUp>(`/api/transitions/follow-ups/${encodeURIComponent(childId)}`, body),
    // Pending until the lists are read again, so the next change carries the new version.
    onSettled: () => qc.invalidateQueries({ queryKey: ['transitions'] }),
  });
}
