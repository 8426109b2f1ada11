import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateStoryRequest,
  ZPrefill,
  ZStory,
  ZStoryList,
  ZStoryListQuery,
  ZStoryOptions,
  ZSuggestions,
  ZUpdateStoryRequest,
} from '../../../../src/modules/good-practices/schemas';
import { api, apiFetch, type QueryParams } from '../api';

/**
 * The good-practice library (好事例, docs/knowledge.md §4): the API under /api/good-practices. Types are the
 * server's Zod contract, as types only.
 */
export type StoryList = z.infer<typeof ZStoryList>;
export type StoryRow = StoryList['items'][number];
export type StoryListQuery = z.input<typeof ZStoryListQuery>;
export type Story = z.infer<typeof ZStory>;
export type StoryOptions = z.infer<typeof ZStoryOptions>;
export type StoryPrefill = z.infer<typeof ZPrefill>;
export type Suggestions = z.infer<typeof ZSuggestions>;
export type CreateStoryBody = z.input<typeof ZCreateStoryRequest>;
export type UpdateStoryBody = z.input<typeof ZUpdateStoryRequest>;

const BASE = '/api/good-practices';
const KEY = ['good-practices'] as const;

export function useStories(query: StoryListQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<StoryList>(BASE, query as QueryParams, signal),
  });
}

export function useStory(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<Story>(`${BASE}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useStoryOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<StoryOptions>(`${BASE}/options`, undefined, signal),
    staleTime: 5 * 60 * 1000,
  });
}

export function usePrefill(kind: string | undefined, id: string | undefined) {
  return useQuery({
    enabled: !!kind && !!id,
    queryKey: [...KEY, 'prefill', kind, id],
    queryFn: ({ signal }) =>
      api.get<StoryPrefill>(
        `${BASE}/prefill/${encodeURIComponent(kind!)}/${encodeURIComponent(id!)}`,
        undefined,
        signal,
      ),
  });
}

export function useSuggestions(consultationId: string) {
  return useQuery({
    queryKey: [...KEY, 'suggestions', consultationId],
    queryFn: ({ signal }) =>
      api.get<Suggestions>(
        `${BASE}/for-consultation/${encodeURIComponent(consultationId)}`,
        undefined,
        signal,
      ),
  });
}

function useChange<V, R>(call: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  // Also after an error: a 409 means the story moved on, and the page should show it as it is now.
  return useMutation({ mutationFn: call, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useCreateStory() {
  return useChange((body: CreateStoryBody) => api.post<Story>(BASE, body));
}

export function useUpdateStory(id: string) {
  return useChange((body: UpdateStoryBody) =>
    apiFetch<Story>('PUT', `${BASE}/${encodeURIComponent(id)}`, { body }),
  );
}

export type StoryStep =
  | { step: 'check'; body: { version: number; confirmations: string[]; acknowledgedFlags: string[] } }
  | { step: 'publish' | 'withdraw'; body: { version: number } };

export function useStoryStep(id: string) {
  return useChange((s: StoryStep) => api.post<Story>(`${BASE}/${encodeURIComponent(id)}/${s.step}`, s.body));
}

/** Records the consent to publication on the public site (null withdraws it). */
export function usePublicConsent(id: string) {
  return useChange((body: { version: number; consent: { by: string; on: string; method: string } | null }) =>
    apiFetch<Story>('PUT', `${BASE}/${encodeURIComponent(id)}/public-consent`, { body }),
  );
}

/** Puts a published story with consent on the public site, or takes it off. */
export function usePublicOffer(id: string) {
  return useChange((body: { version: number; offered: boolean }) =>
    api.post<Story>(`${BASE}/${encodeURIComponent(id)}/public-offer`, body),
  );
}
