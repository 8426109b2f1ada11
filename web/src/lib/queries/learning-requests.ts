import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateRequestRequest,
  ZNewProviders,
  ZRequest,
  ZRequestList,
  ZRequestListQuery,
  ZRequestOptions,
  ZTransitionRequests,
} from '../../../../src/modules/learning/requests-schemas';
import { api, type QueryParams } from '../api';

/**
 * Training requests (研修の依頼, MI-6; docs/learning.md §6): the API under /api/learning/requests. Types are the
 * server's Zod contract (src/modules/learning/requests-schemas.ts), imported as types only.
 */

export type RequestList = z.infer<typeof ZRequestList>;
export type RequestRow = RequestList['items'][number];
export type RequestListQuery = z.input<typeof ZRequestListQuery>;
export type TrainingRequest = z.infer<typeof ZRequest>;
export type RequestOptions = z.infer<typeof ZRequestOptions>;
export type NewProviders = z.infer<typeof ZNewProviders>;
export type CreateRequestBody = z.input<typeof ZCreateRequestRequest>;
export type TransitionRequests = z.infer<typeof ZTransitionRequests>;

const BASE = '/api/learning/requests';
const KEY = ['learning', 'requests'] as const;

export function useRequests(query: RequestListQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<RequestList>(BASE, query as QueryParams, signal),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<TrainingRequest>(`${BASE}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useRequestOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<RequestOptions>(`${BASE}/options`, undefined, signal),
    staleTime: 5 * 60 * 1000,
  });
}

export function useNewProviders(days: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'new-providers', days],
    queryFn: ({ signal }) => api.get<NewProviders>(`${BASE}/new-providers`, { days }, signal),
  });
}

/** First-entry requests per child of a 年度 (the transitions screen); staff who handle requests only. */
export function useTransitionRequests(nendo: number, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'transitions', nendo],
    queryFn: ({ signal }) => api.get<TransitionRequests>(`${BASE}/transitions`, { nendo }, signal),
  });
}

function useChange<V>(call: (v: V) => Promise<TrainingRequest>, onDone?: () => void) {
  const qc = useQueryClient();
  // Also after an error: a 409 means the request moved on, and the page should show it as it is now.
  return useMutation({
    mutationFn: call,
    onSuccess: onDone,
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCreateRequest() {
  return useChange((body: CreateRequestBody) => api.post<TrainingRequest>(BASE, body));
}

export type RequestStep =
  | { step: 'entries'; body: string }
  | { step: 'need'; version: number; need: string }
  | { step: 'session'; version: number; sessionId: string }
  | { step: 'close'; version: number; outcome: 'done' | 'declined'; reason?: string }
  | { step: 'assign'; version: number };

/**
 * `onDone` runs in the mutation itself, before the request is read again: its form is keyed on the version and
 * remounts on the new one, and a callback given to `mutate` would then never run.
 */
export function useRequestStep(id: string, onDone: () => void) {
  return useChange(
    ({ step, ...body }: RequestStep) =>
      api.post<TrainingRequest>(`${BASE}/${encodeURIComponent(id)}/${step}`, body),
    onDone,
  );
}
