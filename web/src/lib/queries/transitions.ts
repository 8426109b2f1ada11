import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

export type TransitionSearch = {
  nendo?: number;
  municipality?: string;
  region?: string;
  kind?: TransitionKind;
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
