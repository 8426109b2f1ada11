import type { z } from '@hono/zod-openapi';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZAttempt,
  ZLearnerLesson,
  ZMedia,
  ZMediaList,
  ZProgressOutcome,
  ZProgressReport,
  ZQuestion,
  ZQuestionInput,
  ZQuizSettings,
  ZStaffQuiz,
} from '../../../../src/modules/learning/elearning/schemas';
import type {
  ZCourseProgress,
  ZMyElearningCourses,
  ZStaffCourseLessons,
  ZStaffElearningCourses,
} from '../../../../src/modules/learning/elearning/schemas-overview';
import { api, apiFetch } from '../api';
import { sessionQuery } from './auth';

/**
 * E-learning (NA-7, /api/learning/elearning): the learner's lessons, player reports and quizzes, and the staff
 * side (media uploads, lessons' media, question banks, learners' progress). Types come from the server's Zod
 * contract (type-only imports).
 */

export type LearnerLesson = z.infer<typeof ZLearnerLesson>;
export type ProgressReport = z.infer<typeof ZProgressReport>;
export type ProgressOutcome = z.infer<typeof ZProgressOutcome>;
export type Attempt = z.infer<typeof ZAttempt>;
export type MyCourses = z.infer<typeof ZMyElearningCourses>;
export type StaffCourses = z.infer<typeof ZStaffElearningCourses>;
export type StaffCourseLessons = z.infer<typeof ZStaffCourseLessons>;
export type StaffLesson = StaffCourseLessons['lessons'][number];
export type CourseProgress = z.infer<typeof ZCourseProgress>;
export type Media = z.infer<typeof ZMedia>;
export type MediaList = z.infer<typeof ZMediaList>;
export type StaffQuiz = z.infer<typeof ZStaffQuiz>;
export type Question = z.infer<typeof ZQuestion>;
export type QuestionInput = z.input<typeof ZQuestionInput>;
export type QuizSettings = z.infer<typeof ZQuizSettings>;

export const ELEARNING = '/api/learning/elearning';
const enc = encodeURIComponent;

/** The stream of a lesson's media for the learner (<video>, <track>, document links), from our origin. */
export function learnerMediaUrl(mediaId: string): string {
  return `${ELEARNING}/me/media/${enc(mediaId)}`;
}

/** Staff preview of a media object. */
export function staffMediaUrl(mediaId: string): string {
  return `${ELEARNING}/media/${enc(mediaId)}/content`;
}

/** The session's CSRF token, for requests made outside `api` (keepalive reports, chunk uploads). */
export function csrfTokenOf(qc: QueryClient): string | null {
  return qc.getQueryData(sessionQuery.queryKey)?.csrfToken ?? null;
}

// ───────────────────────────── learner ─────────────────────────────

export function useMyElearningCourses() {
  return useQuery({
    queryKey: ['elearning', 'me', 'courses'],
    queryFn: ({ signal }) => api.get<MyCourses>(`${ELEARNING}/me/courses`, undefined, signal),
  });
}

export function useLearnerLesson(partId: string) {
  return useQuery({
    queryKey: ['elearning', 'me', 'lesson', partId],
    queryFn: ({ signal }) =>
      api.get<LearnerLesson>(`${ELEARNING}/me/lessons/${enc(partId)}`, undefined, signal),
  });
}

export function useAttempt(attemptId: string | null) {
  return useQuery({
    queryKey: ['elearning', 'me', 'attempt', attemptId],
    queryFn: ({ signal }) =>
      api.get<Attempt>(`${ELEARNING}/me/attempts/${enc(attemptId ?? '')}`, undefined, signal),
    enabled: !!attemptId,
  });
}

export function useStartAttempt(partId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Attempt>(`${ELEARNING}/me/lessons/${enc(partId)}/attempts`),
    onSuccess: (a) => {
      qc.setQueryData(['elearning', 'me', 'attempt', a.id], a);
      void qc.invalidateQueries({ queryKey: ['elearning', 'me', 'lesson', partId] });
    },
  });
}

export function useSubmitAttempt(partId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answers }: { id: string; answers: Record<string, string[]> }) =>
      api.post<Attempt>(`${ELEARNING}/me/attempts/${enc(id)}/submit`, { answers }),
    onSuccess: (a) => {
      qc.setQueryData(['elearning', 'me', 'attempt', a.id], a);
      void qc.invalidateQueries({ queryKey: ['elearning', 'me'] });
      void qc.invalidateQueries({ queryKey: ['elearning', 'me', 'lesson', partId] });
    },
  });
}

// ───────────────────────────── staff ─────────────────────────────

export function useStaffElearningCourses() {
  return useQuery({
    queryKey: ['elearning', 'staff', 'courses'],
    queryFn: ({ signal }) => api.get<StaffCourses>(`${ELEARNING}/courses`, undefined, signal),
  });
}

export function useStaffCourseLessons(courseId: string) {
  return useQuery({
    queryKey: ['elearning', 'staff', 'lessons', courseId],
    queryFn: ({ signal }) =>
      api.get<StaffCourseLessons>(`${ELEARNING}/courses/${enc(courseId)}/lessons`, undefined, signal),
  });
}

export function useCourseMedia(courseId: string) {
  return useQuery({
    queryKey: ['elearning', 'staff', 'media', courseId],
    queryFn: ({ signal }) =>
      api.get<MediaList>(`${ELEARNING}/courses/${enc(courseId)}/media`, undefined, signal),
  });
}

export function useCourseProgress(courseId: string) {
  return useQuery({
    queryKey: ['elearning', 'staff', 'progress', courseId],
    queryFn: ({ signal }) =>
      api.get<CourseProgress>(`${ELEARNING}/courses/${enc(courseId)}/progress`, undefined, signal),
  });
}

function invalidateStaff(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: ['elearning', 'staff'] });
}

/**
 * `onSaved` runs in the mutation itself: saving re-keys the lesson's form (its key names the attached media), so a
 * callback given to `mutate` would be lost with the form it came from.
 */
export function useSetLessonMedia(onSaved?: (partId: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      partId,
      body,
    }: {
      partId: string;
      body: { videoMediaId: string | null; captionMediaIds: string[]; documentMediaIds: string[] };
    }) => apiFetch<{ ok: true }>('PUT', `${ELEARNING}/parts/${enc(partId)}/media`, { body }),
    onSuccess: (_r, { partId }) => {
      onSaved?.(partId);
      return invalidateStaff(qc);
    },
  });
}

export function useDeleteMedia() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) => api.delete<{ ok: true }>(`${ELEARNING}/media/${enc(mediaId)}`),
    onSuccess: () => invalidateStaff(qc),
  });
}

export function useStaffQuiz(partId: string) {
  return useQuery({
    queryKey: ['elearning', 'staff', 'quiz', partId],
    queryFn: ({ signal }) => api.get<StaffQuiz>(`${ELEARNING}/parts/${enc(partId)}/quiz`, undefined, signal),
  });
}

/**
 * `onSaved` runs in the mutation itself: the settings form is keyed on the saved settings and remounts when they
 * change, so a callback given to `mutate` would be lost with the form that called it.
 */
export function useSaveQuizSettings(partId: string, onSaved?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QuizSettings) =>
      apiFetch<StaffQuiz>('PUT', `${ELEARNING}/parts/${enc(partId)}/quiz`, { body }),
    onSuccess: (quiz) => {
      onSaved?.();
      qc.setQueryData(['elearning', 'staff', 'quiz', partId], quiz);
      void invalidateStaff(qc);
    },
  });
}

/**
 * `onSaved` runs in the mutation itself, before the quiz is read again: a question's item is keyed on its version
 * and remounts once the edit is saved, so a callback given to `mutate` by its form would never run.
 */
export function useSaveQuestion(partId: string, onSaved?: (question: Question) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string | null; version?: number; body: QuestionInput }) =>
      id
        ? apiFetch<Question>('PUT', `${ELEARNING}/questions/${enc(id)}`, { body: { ...body, version } })
        : api.post<Question>(`${ELEARNING}/parts/${enc(partId)}/questions`, body),
    onSuccess: (question) => {
      onSaved?.(question);
      return invalidateStaff(qc);
    },
  });
}

export function useRetireQuestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${ELEARNING}/questions/${enc(id)}`),
    onSuccess: () => invalidateStaff(qc),
  });
}
