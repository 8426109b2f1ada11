import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateItemRequest,
  ZHandout,
  ZHandoutList,
  ZLibraryItem,
  ZLibraryList,
  ZLibraryQuery,
  ZUpdateItemRequest,
} from '../../../../src/modules/library/schemas';
import { api, apiPutBytes, type QueryParams } from '../api';

/**
 * The library (資料ライブラリ; docs/knowledge.md §2): the API under /api/library. Types are the server's Zod
 * contract, as types only.
 */
export type LibraryList = z.infer<typeof ZLibraryList>;
export type LibraryRow = LibraryList['items'][number];
export type LibraryItem = z.infer<typeof ZLibraryItem>;
export type LibraryQuery = z.input<typeof ZLibraryQuery>;
export type CreateItemBody = z.input<typeof ZCreateItemRequest>;
export type UpdateItemBody = z.input<typeof ZUpdateItemRequest>;
export type Handout = z.infer<typeof ZHandout>;

const BASE = '/api/library';
const KEY = ['library'] as const;

export function useLibrary(query: LibraryQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<LibraryList>(`${BASE}/items`, query as QueryParams, signal),
  });
}

export function useLibraryItem(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) =>
      api.get<LibraryItem>(`${BASE}/items/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useCreateItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateItemBody) => api.post<LibraryItem>(`${BASE}/items`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateItem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateItemBody) =>
      api.patch<LibraryItem>(`${BASE}/items/${encodeURIComponent(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Archives an item (it leaves the lists; staff and old hand-out links still reach it) or restores it. */
export function useArchiveItem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; archived: boolean }) =>
      api.post<LibraryItem>(`${BASE}/items/${encodeURIComponent(id)}/archive`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Sends a file as the item's next version: raw bytes, checked by content on the server. */
export function uploadVersion(id: string, version: number, file: File, note: string): Promise<LibraryItem> {
  return apiPutBytes<LibraryItem>(`${BASE}/items/${encodeURIComponent(id)}/file`, file, {
    version,
    name: file.name,
    note: note || undefined,
  });
}

export function useHandOut(itemId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { consultationId: string; recipient: 'family' | 'other' }) =>
      api.post<Handout>(`${BASE}/items/${encodeURIComponent(itemId)}/handouts`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: ['consultations'] });
    },
  });
}

export function useCaseHandouts(consultationId: string) {
  return useQuery({
    queryKey: [...KEY, 'handouts', consultationId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ZHandoutList>>(
        `${BASE}/consultations/${encodeURIComponent(consultationId)}/handouts`,
        undefined,
        signal,
      ),
  });
}

/** Adds or replaces the current video's caption track in `language`: the WebVTT file's bytes, checked on the server. */
export function uploadCaptions(
  id: string,
  version: number,
  language: string,
  file: File,
): Promise<LibraryItem> {
  return apiPutBytes<LibraryItem>(
    `${BASE}/items/${encodeURIComponent(id)}/captions/${encodeURIComponent(language)}`,
    file,
    { version, name: file.name },
  );
}

/** Removes the current video's caption track in `language`. */
export function useRemoveCaptions(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { language: string; version: number }) =>
      api.delete<LibraryItem>(
        `${BASE}/items/${encodeURIComponent(id)}/captions/${encodeURIComponent(v.language)}`,
        { version: v.version },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
