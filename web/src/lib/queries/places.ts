import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlaceKind, PlaceSource } from '../../../../src/db/schema/places';
import { api } from '../api';
import { postFile, STAFF } from './resources';

export type PlacesSummary = {
  counts: { kind: PlaceKind; bySource: Record<PlaceSource, number> }[];
  updatedAt: string | null;
};
export type PlaceCounts = { inserted: number; updated: number; unchanged: number };
export type PlacesPreview = {
  fileName: string | null;
  encoding: 'utf8' | 'utf8-bom' | 'cp932';
  rows: number;
  byKind: Record<PlaceKind, number>;
  issues: { line: number; ja: string; en: string }[];
  counts: PlaceCounts | null;
};

const KEY = ['resources', 'places'] as const;

/** The place names of the public search, by kind and source (resources/routes-places.ts). */
export function usePlacesSummary() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<PlacesSummary>(`${STAFF}/places`, undefined, signal),
  });
}

export function usePlacesPreview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postFile<PlacesPreview>(qc, `${STAFF}/places/import/preview`, file),
  });
}

export function usePlacesImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postFile<PlaceCounts & { rows: number }>(qc, `${STAFF}/places/import`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePlacesRefresh() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PlaceCounts & { towns: number }>(`${STAFF}/places/refresh`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
