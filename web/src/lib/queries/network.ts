import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdminScope } from '../admin-scope';
import { api, type QueryParams } from '../api';

const BASE = '/api/network';

export type Prefecture = { code: string; name: string; nameEn: string };
export type MunicipalityKind = 'city' | 'town' | 'village' | 'special_ward' | 'designated_city';
export type Municipality = {
  code: string;
  name: string;
  kana: string;
  kind: MunicipalityKind;
  regionId: string | null;
  regionName: string | null;
};
export type Region = {
  id: string;
  name: string;
  nameEn: string | null;
  sortOrder: number;
  note: string | null;
  version: number;
  municipalityCodes: string[];
};
export type Centre = {
  id: string;
  kind: 'hq' | 'branch';
  parentId: string | null;
  name: string;
  operator: string | null;
  address: string | null;
  phone: string | null;
  version: number;
  regionIds: string[];
};
export type { CoordinatorTier, Division, OrganisationKind } from '../../../../src/shared/vocab/network';
export {
  COORDINATOR_TIER_LABELS,
  COORDINATOR_TIERS,
  DIVISION_LABELS,
  DIVISIONS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
} from '../../../../src/shared/vocab/network';

import type { CoordinatorTier, Division, OrganisationKind } from '../../../../src/shared/vocab/network';
export type Organisation = {
  id: string;
  kind: OrganisationKind;
  division: Division | null;
  name: string;
  kana: string | null;
  municipalityCode: string | null;
  municipalityName?: string | null;
  address: string | null;
  phone: string | null;
  version: number;
};
export type Person = {
  id: string;
  organisationId: string | null;
  organisationName?: string | null;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  profession: string | null;
  coordinatorTier: CoordinatorTier | null;
  email: string | null;
  phone: string | null;
  version: number;
};
export type Paged<T> = { items: T[]; total: number };

/** A list from the network API, keyed by the prefecture acted on. */
function useNetworkQuery<T>(name: string, path: string, query: QueryParams = {}, keep = false) {
  const scope = useAdminScope();
  return useQuery({
    queryKey: ['network', scope.prefecture ?? '-', name, query],
    queryFn: ({ signal }) => api.get<T>(`${BASE}${path}`, { ...query, ...scope.params }, signal),
    enabled: scope.ready,
    placeholderData: keep ? keepPreviousData : undefined,
  });
}

export function usePrefectures(enabled: boolean) {
  return useQuery({
    queryKey: ['network', 'prefectures'],
    queryFn: ({ signal }) => api.get<Prefecture[]>(`${BASE}/prefectures`, undefined, signal),
    enabled,
  });
}

export function useAddPrefecture() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Prefecture>(`${BASE}/prefectures`, { code }),
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first, before the form re-keys on the new version.
      void qc.invalidateQueries({ queryKey: ['network', 'prefectures'] });
    },
  });
}

export const useMunicipalities = () => useNetworkQuery<Municipality[]>('municipalities', '/municipalities');
export const useRegions = () => useNetworkQuery<Region[]>('regions', '/regions');
export const useCentres = () => useNetworkQuery<Centre[]>('centres', '/centres');

export type OrganisationFilters = {
  kind?: string;
  municipality?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};
export const useOrganisations = (filters: OrganisationFilters = {}) =>
  useNetworkQuery<Paged<Organisation>>('organisations', '/organisations', filters, true);

export type PeopleFilters = { organisationId?: string; q?: string; page?: number; pageSize?: number };
export const usePeople = (filters: PeopleFilters = {}) =>
  useNetworkQuery<Paged<Person>>('people', '/people', filters, true);

/**
 * Creates (POST) or updates (PATCH with the version read) one network record. Whatever happens the
 * lists are reloaded, so after a 409 conflict the form shows the other person's change.
 */
export function useSaveNetwork<TBody, TResult = unknown>(
  path: '/regions' | '/centres' | '/organisations' | '/people',
) {
  const scope = useAdminScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TBody }) =>
      id
        ? api.patch<TResult>(`${BASE}${path}/${encodeURIComponent(id)}`, body, scope.params)
        : api.post<TResult>(`${BASE}${path}`, body, scope.params),
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first, before the form re-keys on the new version.
      void qc.invalidateQueries({ queryKey: ['network'] });
    },
  });
}

export function useDeleteRegion() {
  const scope = useAdminScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete<unknown>(`${BASE}/regions/${encodeURIComponent(id)}`, scope.params),
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first, before the form re-keys on the new version.
      void qc.invalidateQueries({ queryKey: ['network'] });
    },
  });
}
