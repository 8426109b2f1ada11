import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCandidates,
  ZCreateIssueRequest,
  ZIssue,
  ZIssueList,
  ZIssueListQuery,
  ZIssueOptions,
} from '../../../../src/modules/regional-issues/schemas';
import type {
  ZCreateProjectRequest,
  ZProject,
  ZProjectFigures,
  ZProjectList,
  ZProjectListQuery,
  ZUpdateProjectRequest,
} from '../../../../src/modules/regional-issues/schemas-projects';
import { api, type QueryParams } from '../api';
import type { ConsultationDetail } from './consultations';
import type { Engagement } from './engagements';

/**
 * Regional issues (地域課題) and development projects (社会資源の開発; docs/municipal-support.md §4–5): the API
 * under /api/regional-issues and /api/development-projects. Types are the server's Zod contract, as types only.
 */

export type IssueList = z.infer<typeof ZIssueList>;
export type IssueRow = IssueList['items'][number];
export type IssueListQuery = z.input<typeof ZIssueListQuery>;
export type RegionalIssue = z.infer<typeof ZIssue>;
export type IssueOptions = z.infer<typeof ZIssueOptions>;
export type CreateIssueBody = z.input<typeof ZCreateIssueRequest>;
export type Candidates = z.infer<typeof ZCandidates>;
export type ProjectList = z.infer<typeof ZProjectList>;
export type ProjectListQuery = z.input<typeof ZProjectListQuery>;
export type DevelopmentProject = z.infer<typeof ZProject>;
export type ProjectFigures = z.infer<typeof ZProjectFigures>;
export type CreateProjectBody = z.input<typeof ZCreateProjectRequest>;
export type UpdateProjectBody = z.input<typeof ZUpdateProjectRequest>;

const ISSUES = '/api/regional-issues';
const PROJECTS = '/api/development-projects';
const KEY = ['regional-issues'] as const;

export function useIssues(query: IssueListQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<IssueList>(ISSUES, query as QueryParams, signal),
  });
}

export function useIssue(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<RegionalIssue>(`${ISSUES}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useIssueOptions() {
  return useQuery({
    queryKey: [...KEY, 'options'],
    queryFn: ({ signal }) => api.get<IssueOptions>(`${ISSUES}/options`, undefined, signal),
    staleTime: 5 * 60 * 1000,
  });
}

export function useCandidates(id: string, q: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'candidates', id, q],
    queryFn: ({ signal }) =>
      api.get<Candidates>(`${ISSUES}/${encodeURIComponent(id)}/candidates`, q ? { q } : undefined, signal),
  });
}

/**
 * `onDone` runs in the mutation itself, before the pages are read again: the forms are keyed on the version and
 * remount on the new one, and a callback given to `mutate` would then never run.
 */
function useChange<V, R>(call: (v: V) => Promise<R>, onDone?: () => void) {
  const qc = useQueryClient();
  // Also after an error: a 409 means the record moved on, and the page should show it as it is now.
  return useMutation({
    mutationFn: call,
    onSuccess: onDone,
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCreateIssue() {
  return useChange((body: CreateIssueBody) => api.post<RegionalIssue>(ISSUES, body));
}

/** A change of an issue: its details, a move, the answer, the end, reopening, evidence. */
export type IssueStep =
  | { step: 'edit'; body: Record<string, unknown> }
  | { step: 'move' | 'answer' | 'close' | 'reopen'; body: Record<string, unknown> }
  | { step: 'link'; consultationId: string }
  | { step: 'unlink'; consultationId: string };

export function useIssueStep(id: string, onDone: () => void) {
  const base = `${ISSUES}/${encodeURIComponent(id)}`;
  return useChange((s: IssueStep) => {
    if (s.step === 'edit') return api.patch<RegionalIssue>(base, s.body);
    if (s.step === 'link')
      return api.post<RegionalIssue>(`${base}/consultations`, { consultationId: s.consultationId });
    if (s.step === 'unlink') {
      return api.delete<RegionalIssue>(`${base}/consultations/${encodeURIComponent(s.consultationId)}`);
    }
    return api.post<RegionalIssue>(`${base}/${s.step}`, s.body);
  }, onDone);
}

export function useProjects(query: ProjectListQuery) {
  return useQuery({
    queryKey: [...KEY, 'projects', query],
    queryFn: ({ signal }) => api.get<ProjectList>(PROJECTS, query as QueryParams, signal),
  });
}

export function useProjectFigures() {
  return useQuery({
    queryKey: [...KEY, 'project-figures'],
    queryFn: ({ signal }) => api.get<ProjectFigures>(`${PROJECTS}/figures`, undefined, signal),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...KEY, 'project', id],
    queryFn: ({ signal }) =>
      api.get<DevelopmentProject>(`${PROJECTS}/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useCreateProject() {
  return useChange((body: CreateProjectBody) => api.post<DevelopmentProject>(PROJECTS, body));
}

export function useUpdateProject(id: string, onDone: () => void) {
  return useChange(
    (body: UpdateProjectBody) => api.patch<DevelopmentProject>(`${PROJECTS}/${encodeURIComponent(id)}`, body),
    onDone,
  );
}

export function useStopProject(id: string, onDone: () => void) {
  return useChange(
    (body: { version: number; stop: boolean; note?: string }) =>
      api.post<DevelopmentProject>(`${PROJECTS}/${encodeURIComponent(id)}/status`, body),
    onDone,
  );
}

/** The consultation a new issue is raised from (its number, subject and municipality), when there is one. */
export function useSourceConsultation(id: string | undefined) {
  return useQuery({
    enabled: !!id,
    queryKey: ['consultations', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<ConsultationDetail>(`/api/consultations/${encodeURIComponent(id!)}`, undefined, signal),
  });
}

/** The engagement a new issue is raised from (its kind, subject, day and municipality), when there is one. */
export function useSourceEngagement(id: string | undefined) {
  return useQuery({
    enabled: !!id,
    queryKey: ['engagements', 'one', id],
    queryFn: ({ signal }) =>
      api.get<Engagement>(`/api/engagements/${encodeURIComponent(id!)}`, undefined, signal),
  });
}
