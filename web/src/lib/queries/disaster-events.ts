import type { z } from '@hono/zod-openapi';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZDeclareEvent,
  ZEvent,
  ZEventList,
  ZOpenedRecord,
  ZOutageList,
  ZRecordCheck,
  ZResponderCandidates,
  ZReview,
  ZSafetyCheck,
} from '../../../../src/modules/disaster-events/schemas';
import { api } from '../api';

/** Outage lists and declared events (docs/disaster.md §4–6). Types are the server's Zod contract. */
export type OutageList = z.infer<typeof ZOutageList>;
export type OutageRow = OutageList['rows'][number];
export type DisasterEvent = z.infer<typeof ZEvent>;
export type DisasterEventList = z.infer<typeof ZEventList>;
export type DeclareBody = z.input<typeof ZDeclareEvent>;
export type OpenedRecord = z.infer<typeof ZOpenedRecord>;
export type AccessReview = z.infer<typeof ZReview>;
export type CheckBody = z.input<typeof ZRecordCheck>;
export type SafetyCheck = z.infer<typeof ZSafetyCheck>;
export type Responders = z.infer<typeof ZResponderCandidates>;

const BASE = '/api/disaster-events';
const KEY = ['disaster-events'] as const;
const ev = (id: string) => `${BASE}/events/${encodeURIComponent(id)}`;

export type OutageSearch = { municipalities: string; since: string };

/** Rows a list shows at first and adds on 「さらに表示」 (the server's OUTAGE_PAGE). */
export const OUTAGE_STEP = 100;

/** `limit`: the most urgent rows to show (grows by OUTAGE_STEP); the rows shown stay while more load. */
export function useOutageList(s: OutageSearch | null, limit = OUTAGE_STEP) {
  return useQuery({
    queryKey: [...KEY, 'outage', s, limit],
    enabled: !!s,
    // Recomputed every minute: the hours left fall as time passes.
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<OutageList>(
        `${BASE}/outage`,
        { municipalities: s!.municipalities, since: s!.since, limit: String(limit) },
        signal,
      ),
  });
}

export function useEventOutage(id: string, limit = OUTAGE_STEP) {
  return useQuery({
    queryKey: [...KEY, 'event-outage', id, limit],
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<OutageList>(`${ev(id)}/outage`, { limit: String(limit) }, signal),
  });
}

/** The printable list: read again as an export (audited), then printed. */
export function fetchForPrint(path: string, query: Record<string, string>) {
  return api.get<OutageList>(path, { ...query, purpose: 'print', limit: 2000 });
}

export function useEvents() {
  return useQuery({
    queryKey: [...KEY, 'events'],
    queryFn: ({ signal }) => api.get<DisasterEventList>(`${BASE}/events`, undefined, signal),
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: [...KEY, 'event', id],
    queryFn: ({ signal }) => api.get<DisasterEvent>(ev(id), undefined, signal),
  });
}

export function useResponders(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'responders'],
    enabled,
    queryFn: ({ signal }) => api.get<Responders>(`${BASE}/responders`, undefined, signal),
  });
}

export function useReview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'review', id],
    enabled,
    queryFn: ({ signal }) => api.get<AccessReview>(`${ev(id)}/review`, undefined, signal),
  });
}

function useInvalidating<B, R>(fn: (body: B) => Promise<R>, onSuccess?: (r: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess,
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useDeclare = () =>
  useInvalidating((b: DeclareBody) => api.post<DisasterEvent>(`${BASE}/events`, b));
export const useEndEvent = (id: string) =>
  useInvalidating((b: { version: number }) => api.post<DisasterEvent>(`${ev(id)}/end`, b));
export const useSignOff = (id: string) =>
  useInvalidating((b: { version: number; comment: string }) =>
    api.post<DisasterEvent>(`${ev(id)}/review/sign-off`, b),
  );
/**
 * Opening a row under an event. `onOpened` runs in the mutation itself, before the list is refetched: the refetch
 * names the row and unmounts its form, and a callback given to `mutate` would then never run.
 */
export const useOpenRecord = (id: string, onOpened: (r: OpenedRecord) => void) =>
  useInvalidating(
    (b: { childId: string; reason: string }) => api.post<OpenedRecord>(`${ev(id)}/openings`, b),
    onOpened,
  );
export const useRecordCheck = () =>
  useInvalidating((b: CheckBody) => api.post<SafetyCheck>(`${BASE}/safety-checks`, b));
