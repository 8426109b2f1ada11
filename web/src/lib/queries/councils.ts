import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZActionItem,
  ZActionItemList,
  ZAssignees,
  ZBody,
  ZBodyList,
  ZBodyListQuery,
  ZCalendarFeed,
  ZCouncilOptions,
  ZCreateBodyRequest,
  ZMeeting,
  ZMeetingList,
  ZMeetingListQuery,
  ZPublicMinutesList,
} from '../../../../src/modules/councils/schemas';
import { api, apiFetch, apiPutBytes, type QueryParams } from '../api';

/**
 * Councils and meetings (協議の場; docs/municipal-support.md §3): the API under /api/councils, the public minutes
 * and the calendar feed's address. Types are the server's Zod contract, as types only.
 */
export type BodyList = z.infer<typeof ZBodyList>;
export type BodyRow = BodyList['items'][number];
export type BodyListQuery = z.input<typeof ZBodyListQuery>;
export type CouncilBody = z.infer<typeof ZBody>;
export type Member = CouncilBody['members'][number];
export type Meeting = z.infer<typeof ZMeeting>;
export type MeetingList = z.infer<typeof ZMeetingList>;
export type MeetingRow = MeetingList['items'][number];
export type MeetingListQuery = z.input<typeof ZMeetingListQuery>;
export type ActionItem = z.infer<typeof ZActionItem>;
export type ActionItemList = z.infer<typeof ZActionItemList>;
export type CouncilOptions = z.infer<typeof ZCouncilOptions>;
export type Assignees = z.infer<typeof ZAssignees>;
export type CalendarFeed = z.infer<typeof ZCalendarFeed>;
export type PublicMinutes = z.infer<typeof ZPublicMinutesList>;
export type CreateBodyBody = z.input<typeof ZCreateBodyRequest>;

const BASE = '/api/councils';
const KEY = ['councils'] as const;
const id = (v: string) => encodeURIComponent(v);

export function useBodies(query: BodyListQuery) {
  return useQuery({
    queryKey: [...KEY, 'bodies', query],
    queryFn: ({ signal }) => api.get<BodyList>(`${BASE}/bodies`, query as QueryParams, signal),
  });
}

export function useBody(bodyId: string) {
  return useQuery({
    queryKey: [...KEY, 'body', bodyId],
    queryFn: ({ signal }) => api.get<CouncilBody>(`${BASE}/bodies/${id(bodyId)}`, undefined, signal),
  });
}

export function useMeetings(query: MeetingListQuery) {
  return useQuery({
    queryKey: [...KEY, 'meetings', query],
    queryFn: ({ signal }) => api.get<MeetingList>(`${BASE}/meetings`, query as QueryParams, signal),
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: [...KEY, 'meeting', meetingId],
    queryFn: ({ signal }) => api.get<Meeting>(`${BASE}/meetings/${id(meetingId)}`, undefined, signal),
  });
}

export function useCouncilOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<CouncilOptions>(`${BASE}/options`, undefined, signal),
    staleTime: 5 * 60 * 1000,
  });
}

export function useAssignees(bodyId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'assignees', bodyId],
    queryFn: ({ signal }) => api.get<Assignees>(`${BASE}/bodies/${id(bodyId)}/assignees`, undefined, signal),
  });
}

export function useMyActionItems(status?: 'open' | 'done', enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'mine', status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<ActionItemList>(`${BASE}/action-items/mine`, status ? { status } : undefined, signal),
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: [...KEY, 'feed'],
    queryFn: ({ signal }) => api.get<CalendarFeed>(`${BASE}/calendar-feed`, undefined, signal),
  });
}

export function usePublicMinutes(prefecture: string, nendo?: number) {
  return useQuery({
    enabled: /^\d{2}$/.test(prefecture),
    queryKey: ['public-minutes', prefecture, nendo ?? null],
    queryFn: ({ signal }) =>
      api.get<PublicMinutes>('/api/public/councils/minutes', { prefecture, nendo }, signal),
  });
}

function useChange<V, R>(call: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  // Also after an error: a 409 means the record moved on, and the page should show it as it is now.
  return useMutation({ mutationFn: call, onSettled: () => qc.invalidateQueries({ queryKey: KEY }) });
}

/** Attaches a file to a meeting (its bytes as the body, checked by content on the server). */
export function useAddMaterial(meetingId: string) {
  return useChange((v: { title: string; file: File }) =>
    apiPutBytes<Meeting>(
      `${BASE}/meetings/${id(meetingId)}/materials`,
      v.file,
      { title: v.title, name: v.file.name },
      'POST',
    ),
  );
}

export function useRemoveMaterial(meetingId: string) {
  return useChange((materialId: string) =>
    api.delete<Meeting>(`${BASE}/meetings/${id(meetingId)}/materials/${id(materialId)}`),
  );
}

/** A material's file (downloaded by the browser with the session cookie; audited on the server). */
export function materialHref(meetingId: string, materialId: string): string {
  return `${BASE}/meetings/${id(meetingId)}/materials/${id(materialId)}`;
}

export function useCreateBody() {
  return useChange((body: CreateBodyBody) => api.post<CouncilBody>(`${BASE}/bodies`, body));
}

export function useUpdateBody(bodyId: string) {
  return useChange((body: Record<string, unknown>) =>
    api.patch<CouncilBody>(`${BASE}/bodies/${id(bodyId)}`, body),
  );
}

export function useAddMember(bodyId: string) {
  return useChange((body: Record<string, unknown>) =>
    api.post<CouncilBody>(`${BASE}/bodies/${id(bodyId)}/members`, body),
  );
}

export function useUpdateMember() {
  return useChange(({ memberId, ...body }: { memberId: string } & Record<string, unknown>) =>
    api.patch<CouncilBody>(`${BASE}/members/${id(memberId)}`, body),
  );
}

export function useGenerateMeetings(bodyId: string) {
  return useChange((body: { version: number; count: number }) =>
    api.post<{ created: string[] }>(`${BASE}/bodies/${id(bodyId)}/meetings/generate`, body),
  );
}

export function useCreateMeeting() {
  return useChange((body: Record<string, unknown>) => api.post<Meeting>(`${BASE}/meetings`, body));
}

/** A change of a meeting: its fields or status, attendance, minutes, a new action item. */
export type MeetingStep =
  | { step: 'edit'; body: Record<string, unknown> }
  | { step: 'attendance' | 'minutes'; body: Record<string, unknown> }
  | { step: 'action'; body: Record<string, unknown> };

export function useMeetingStep(meetingId: string) {
  const base = `${BASE}/meetings/${id(meetingId)}`;
  return useChange((s: MeetingStep) => {
    if (s.step === 'edit') return api.patch<Meeting>(base, s.body);
    if (s.step === 'action') return api.post<Meeting>(`${base}/action-items`, s.body);
    return apiFetch<Meeting>('PUT', `${base}/${s.step}`, { body: s.body });
  });
}

export function useUpdateActionItem() {
  return useChange(({ itemId, ...body }: { itemId: string } & Record<string, unknown>) =>
    api.patch<ActionItem>(`${BASE}/action-items/${id(itemId)}`, body),
  );
}

export function useIssueFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>(`${BASE}/calendar-feed`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'feed'] }),
  });
}

export function useRevokeFeed() {
  return useChange(() => api.delete<CalendarFeed>(`${BASE}/calendar-feed`));
}
