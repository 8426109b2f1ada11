import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChildStatus, LifeStage, Sex } from '../../../../src/shared/vocab/registry';
import { api } from '../api';

export {
  CHILD_STATUS_LABELS,
  CHILD_STATUSES,
  LIFE_STAGE_LABELS,
  LIFE_STAGES,
  SEX_LABELS,
  SEXES,
} from '../../../../src/shared/vocab/registry';
export type { ChildStatus, LifeStage, Sex };

export type HomeFigures = {
  nendo: number;
  /** When the server computed these figures (it keeps each scope's figures for a minute). */
  asOf: string;
  scope: {
    kind: 'none' | 'prefecture' | 'regions' | 'municipality' | 'organisation';
    prefectureName: string | null;
    regionNames: string[];
    municipalityName: string | null;
    organisationName: string | null;
  };
  children: {
    total: number;
    byStatus: { status: ChildStatus; count: number }[];
    byLifeStage: { stage: LifeStage; count: number }[];
    byMunicipality: { code: string; name: string; count: number }[];
    newThisNendo: number;
    turning18ThisNendo: number;
    enteringSchoolNextNendo: number;
  } | null;
  network: {
    regions: number;
    municipalities: number;
    centres: number;
    organisations: number;
    users: number;
    prefectures: number;
    /** The system administrator's home: each prefecture's network (empty for everyone else). */
    byPrefecture: {
      code: string;
      name: string;
      regions: number;
      municipalities: number;
      centres: number;
      organisations: number;
      users: number;
    }[];
  };
};

export function useHomeFigures(enabled = true) {
  return useQuery({
    queryKey: ['home', 'figures'],
    queryFn: ({ signal }) => api.get<HomeFigures>('/api/home/figures', undefined, signal),
    enabled,
  });
}

export type ChildSummary = {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  birthDate: string;
  sex: Sex;
  municipalityCode: string;
  municipalityName: string;
  status: ChildStatus;
  version: number;
};

export type ChildDetail = ChildSummary & {
  affiliations: {
    organisationId: string;
    organisationName: string;
    kind: string;
    startedOn: string;
    endedOn: string | null;
  }[];
};

export type ChildSearch = { q?: string; municipality?: string; status?: ChildStatus; page?: number };

export const CHILDREN_PAGE_SIZE = 20;

export function useChildren(search: ChildSearch) {
  return useQuery({
    queryKey: ['children', 'list', search],
    queryFn: ({ signal }) =>
      api.get<{ items: ChildSummary[]; total: number; page: number; pageSize: number }>(
        '/api/children',
        { ...search, pageSize: CHILDREN_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useChild(id: string) {
  return useQuery({
    queryKey: ['children', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<ChildDetail>(`/api/children/${encodeURIComponent(id)}`, undefined, signal),
    // A 404 is an answer (out of scope or absent), not a glitch worth retrying.
    retry: false,
  });
}
