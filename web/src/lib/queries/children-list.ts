import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { api, type QueryParams, withQuery } from '../api';
import { CHILD_STATUSES, type ChildStatus, type ChildSummary, LIFE_STAGES, type LifeStage } from './registry';

/**
 * The registry list: its filters live in the URL (shareable, the back button works), the list, its export
 * link and the user's saved filters.
 */

/** The list's orders (the server's allow-list, src/modules/registry/schemas.ts). */
export const CHILD_SORTS = [
  'kana',
  'birthDate',
  'sex',
  'municipality',
  'status',
  'careScore',
  'updated',
] as const;
export type ChildSort = (typeof CHILD_SORTS)[number];
export type SortDir = 'asc' | 'desc';

export type ChildFilter = {
  q?: string;
  /** As typed: 西暦 or 和暦 (H31.4.5); sent to the API as an ISO date. */
  birthDate?: string;
  birthFrom?: string;
  birthTo?: string;
  municipality?: string;
  region?: string;
  careItem?: string;
  device?: string;
  lifeStage?: LifeStage;
  status?: ChildStatus;
  sort?: ChildSort;
  dir?: SortDir;
};
export type ChildListSearch = ChildFilter & { page?: number };

export const FILTER_KEYS = [
  'q',
  'birthDate',
  'birthFrom',
  'birthTo',
  'municipality',
  'region',
  'careItem',
  'device',
  'lifeStage',
  'status',
  'sort',
  'dir',
] as const satisfies readonly (keyof ChildFilter)[];

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the URL (or a saved filter) into a filter, dropping what is not a known value. */
export function parseChildListSearch(raw: Record<string, unknown>): ChildListSearch {
  const str = (v: unknown) => {
    const s = typeof v === 'number' ? String(v) : v;
    return typeof s === 'string' && s.trim() ? s.trim() : undefined;
  };
  const page = Number(raw.page);
  const out: ChildListSearch = {
    q: str(raw.q),
    birthDate: str(raw.birthDate),
    birthFrom: str(raw.birthFrom),
    birthTo: str(raw.birthTo),
    municipality: str(raw.municipality),
    region: str(raw.region),
    careItem: str(raw.careItem),
    device: str(raw.device),
    lifeStage: oneOf(LIFE_STAGES, str(raw.lifeStage)),
    status: oneOf(CHILD_STATUSES, str(raw.status)),
    sort: oneOf(CHILD_SORTS, str(raw.sort)),
    dir: oneOf(['asc', 'desc'] as const, str(raw.dir)),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
  for (const key of Object.keys(out) as (keyof ChildListSearch)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

/** The filter without the page (what is saved and exported). */
export function filterOf(search: ChildListSearch): ChildFilter {
  const { page: _page, ...filter } = search;
  return filter;
}

/** Query parameters for the API: dates typed in 和暦 become ISO dates (an unreadable one is sent as typed). */
export function apiParams(filter: ChildFilter): QueryParams {
  const date = (v: string | undefined) => (v ? (parseJapaneseDate(v) ?? v) : undefined);
  return {
    ...filter,
    birthDate: date(filter.birthDate),
    birthFrom: date(filter.birthFrom),
    birthTo: date(filter.birthTo),
  };
}

export type ChildListItem = ChildSummary & {
  careScore?: number | null;
  careTier?: number | null;
  updatedAt?: string;
};
export type ChildList = {
  items: ChildListItem[];
  total: number;
  page: number;
  pageSize: number;
  withheld?: number;
};

export const LIST_PAGE_SIZE = 20;

export function useChildList(search: ChildListSearch) {
  return useQuery({
    queryKey: ['children', 'list', search],
    queryFn: ({ signal }) =>
      api.get<ChildList>(
        '/api/children',
        { ...apiParams(filterOf(search)), page: search.page, pageSize: LIST_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx download of the list with the current filters. */
export function exportHref(filter: ChildFilter, lang: 'ja' | 'en'): string {
  return withQuery('/api/children/export', {
    ...apiParams(filter),
    format: 'xlsx',
    lang: lang === 'en' ? 'en' : undefined,
  });
}

export type SavedFilter = { id: string; name: string; filter: Record<string, unknown>; createdAt: string };

const SAVED_KEY = ['saved-filters', 'registry'] as const;

export function useSavedFilters() {
  return useQuery({
    queryKey: SAVED_KEY,
    queryFn: ({ signal }) => api.get<SavedFilter[]>('/api/saved-filters', { scope: 'registry' }, signal),
  });
}

export function useSaveFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; filter: ChildFilter }) =>
      api.post<SavedFilter>('/api/saved-filters', { scope: 'registry', ...body }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: SAVED_KEY });
    },
  });
}

export function useDeleteFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/saved-filters/${encodeURIComponent(id)}`),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: SAVED_KEY });
    },
  });
}
