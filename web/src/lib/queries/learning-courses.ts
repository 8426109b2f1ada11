import type { z } from '@hono/zod-openapi';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCourse,
  ZCourseList,
  ZCourseListQuery,
  ZCreateCourseRequest,
  ZCreateSessionRequest,
  ZLearningOptions,
  ZOwner,
  ZPartInput,
  ZSession,
  ZSessionList,
  ZSessionListQuery,
  ZSessionStatusRequest,
  ZUpdateCourseRequest,
  ZUpdateSessionRequest,
} from '../../../../src/modules/learning/schemas-courses';
import { api, apiFetch, type QueryParams } from '../api';

/**
 * Training courses and sessions (研修と研修の回, docs/learning.md §1): the staff API under /api/learning. Types are
 * the server's Zod contract (src/modules/learning/schemas-courses.ts), imported as types only.
 */

export type Owner = z.infer<typeof ZOwner>;
export type LearningOptions = z.infer<typeof ZLearningOptions>;
export type CourseList = z.infer<typeof ZCourseList>;
export type CourseRow = CourseList['items'][number];
export type CourseListQuery = z.input<typeof ZCourseListQuery>;
export type Course = z.infer<typeof ZCourse>;
export type CoursePart = Course['parts'][number];
export type PartInput = z.input<typeof ZPartInput>;
export type CreateCourseBody = z.input<typeof ZCreateCourseRequest>;
export type UpdateCourseBody = z.input<typeof ZUpdateCourseRequest>;
export type SessionList = z.infer<typeof ZSessionList>;
export type SessionRow = SessionList['items'][number];
export type SessionListQuery = z.input<typeof ZSessionListQuery>;
export type Session = z.infer<typeof ZSession>;
export type SessionDay = Session['days'][number];
export type CreateSessionBody = z.input<typeof ZCreateSessionRequest>;
export type UpdateSessionBody = z.input<typeof ZUpdateSessionRequest>;
export type SessionStatusBody = z.input<typeof ZSessionStatusRequest>;

const BASE = '/api/learning';
const KEY = ['learning', 'courses-sessions'] as const;

export function useLearningOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<LearningOptions>(`${BASE}/options`, undefined, signal),
    staleTime: 5 * 60 * 1000,
  });
}

export function useCourses(query: CourseListQuery) {
  return useQuery({
    queryKey: [...KEY, 'courses', query],
    queryFn: ({ signal }) => api.get<CourseList>(`${BASE}/courses`, query as QueryParams, signal),
  });
}

export function useCourse(id: string, enabled = true) {
  return useQuery({
    enabled: enabled && !!id,
    queryKey: [...KEY, 'course', id],
    queryFn: ({ signal }) => api.get<Course>(`${BASE}/courses/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useSessions(query: SessionListQuery) {
  return useQuery({
    queryKey: [...KEY, 'sessions', query],
    queryFn: ({ signal }) => api.get<SessionList>(`${BASE}/sessions`, query as QueryParams, signal),
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: [...KEY, 'session', id],
    queryFn: ({ signal }) =>
      api.get<Session>(`${BASE}/sessions/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** After any change the lists and pages of courses and sessions are read again (counts and states move together). */
function refresh(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: KEY });
}

function useChange<V, R>(call: (v: V) => Promise<R>, onDone?: () => void) {
  const qc = useQueryClient();
  // Also after an error: a 409 means the record moved on, and the page should show it as it is now.
  return useMutation({ mutationFn: call, onSuccess: onDone, onSettled: () => refresh(qc) });
}

export function useCreateCourse() {
  return useChange((body: CreateCourseBody) => api.post<Course>(`${BASE}/courses`, body));
}

export function useUpdateCourse(id: string) {
  return useChange((body: UpdateCourseBody) => api.patch<Course>(`${BASE}/courses/${id}`, body));
}

export function useReplaceParts(id: string) {
  return useChange((body: { version: number; parts: PartInput[] }) =>
    apiFetch<Course>('PUT', `${BASE}/courses/${id}/parts`, { body }),
  );
}

export function useArchiveCourse(id: string) {
  return useChange((v: { version: number; archived: boolean }) =>
    api.post<Course>(`${BASE}/courses/${id}/${v.archived ? 'archive' : 'restore'}`, { version: v.version }),
  );
}

export function useCreateSession() {
  return useChange((body: CreateSessionBody) => api.post<Session>(`${BASE}/sessions`, body));
}

export function useUpdateSession(id: string) {
  return useChange((body: UpdateSessionBody) => api.patch<Session>(`${BASE}/sessions/${id}`, body));
}

/**
 * `onDone` runs in the mutation itself, before the session is read again: the new status no longer offers the
 * form that moved it, which unmounts, and a callback given to `mutate` would then never run.
 */
export function useSessionStatus(id: string, onDone: () => void) {
  return useChange(
    (body: SessionStatusBody) => api.post<Session>(`${BASE}/sessions/${id}/status`, body),
    onDone,
  );
}
