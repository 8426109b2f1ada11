import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZAnswerPage,
  ZAnswersQuery,
  ZCareProposal,
  ZCareProposals,
  ZCreateSurveyRequest,
  ZInvitationList,
  ZInviteRequest,
  ZIssuedLinks,
  ZResultsQuery,
  ZSheetAnswer,
  ZSurvey,
  ZSurveyList,
  ZSurveyListQuery,
  ZSurveyResults,
  ZUpdateSurveyRequest,
} from '../../../../src/modules/surveys/schemas';
import { translate } from '../../i18n';
import { ApiError, api, apiPostFile, type QueryParams, withQuery } from '../api';

/**
 * Surveys (アンケート, docs/knowledge.md §5): the staff API under /api/surveys. Types are the server's Zod
 * contract, as types only.
 */
export type SurveyList = z.infer<typeof ZSurveyList>;
export type SurveyRow = SurveyList['items'][number];
export type SurveyListQuery = z.input<typeof ZSurveyListQuery>;
export type Survey = z.infer<typeof ZSurvey>;
export type CreateSurveyBody = z.input<typeof ZCreateSurveyRequest>;
export type UpdateSurveyBody = z.input<typeof ZUpdateSurveyRequest>;
export type InvitationList = z.infer<typeof ZInvitationList>;
export type Recipient = z.input<typeof ZInviteRequest>['recipients'][number];
export type IssuedLinks = z.infer<typeof ZIssuedLinks>;
export type SurveyResults = z.infer<typeof ZSurveyResults>;
export type ResultsQuery = z.input<typeof ZResultsQuery>;
export type AnswerPage = z.infer<typeof ZAnswerPage>;
export type AnswersQuery = z.input<typeof ZAnswersQuery>;
export type SheetAnswer = z.infer<typeof ZSheetAnswer>;
export type LinksFormat = 'json' | 'xlsx' | 'csv';

const BASE = '/api/surveys';
const KEY = ['surveys'] as const;
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export function useSurveys(query: SurveyListQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<SurveyList>(BASE, query as QueryParams, signal),
  });
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<Survey>(one(id), undefined, signal),
  });
}

export function useCreateSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSurveyBody) => api.post<Survey>(BASE, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSurveyBody) => api.patch<Survey>(one(id), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMoveSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; status: 'open' | 'closed' | 'draft' }) =>
      api.post<Survey>(`${one(id)}/status`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useInvitations(id: string) {
  return useQuery({
    queryKey: [...KEY, 'invitations', id],
    queryFn: ({ signal }) => api.get<InvitationList>(`${one(id)}/invitations`, undefined, signal),
  });
}

/**
 * Issues personal links (or, with `remind`, fresh links to those who have not answered). The links exist only
 * in this answer: as JSON to show, or as an .xlsx / CP932 CSV file for a mail merge.
 */
export async function issueLinks(
  id: string,
  what: { recipients: Recipient[] } | 'remind',
  format: LinksFormat,
  lang: 'ja' | 'en',
): Promise<IssuedLinks | { file: { blob: Blob; fileName: string } }> {
  const path = what === 'remind' ? `${one(id)}/reminders` : `${one(id)}/invitations`;
  const body = what === 'remind' ? {} : what;
  if (format === 'json') return api.post<IssuedLinks>(path, body);
  return { file: await apiPostFile(path, body, { format, lang }) };
}

export function useResults(id: string, query: ResultsQuery) {
  return useQuery({
    queryKey: [...KEY, 'results', id, query],
    queryFn: ({ signal }) => api.get<SurveyResults>(`${one(id)}/results`, query as QueryParams, signal),
  });
}

/** The answers one by one (each read audited on the server). */
export function useAnswers(id: string, query: AnswersQuery) {
  return useQuery({
    queryKey: [...KEY, 'answers', id, query],
    queryFn: ({ signal }) => api.get<AnswerPage>(`${one(id)}/answers`, query as QueryParams, signal),
  });
}

/** The answers' export (a GET the browser downloads itself). */
export function exportHref(id: string, format: 'xlsx' | 'csv', lang: 'ja' | 'en'): string {
  return withQuery(`${one(id)}/export`, { format, lang });
}

/** Reads questions from an XLSForm-style .xlsx; nothing is kept on the server. */
export async function readDefinitionSheet(file: File, csrf: string | null): Promise<SheetAnswer> {
  const form = new FormData();
  form.append('file', file);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${BASE}/definition-sheet`, {
      method: 'POST',
      body: form,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', translate('ja', 'error.network'), translate('en', 'error.network'));
  }
  const data = (await res.json().catch(() => null)) as
    | (SheetAnswer & { error?: { code?: string; ja?: string; en?: string; issues?: [] } })
    | null;
  if (!res.ok) {
    const err = data?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.ja ?? translate('ja', 'error.unknown'),
      err?.en ?? translate('en', 'error.unknown'),
      err?.issues ?? [],
    );
  }
  return data as SheetAnswer;
}

export type CareProposals = z.infer<typeof ZCareProposals>;
export type CareProposal = z.infer<typeof ZCareProposal>;

/** NA-4: the providers' answers about accepted care against their listings. */
export function useCareProposals(id: string) {
  return useQuery({
    queryKey: [...KEY, 'care', id],
    queryFn: ({ signal }) => api.get<CareProposals>(`${one(id)}/care-proposals`, undefined, signal),
  });
}

export function useApplyCare(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { answerId: string; serviceVersion: number; codes: string[] }) =>
      api.post<CareProposal>(`${one(id)}/care-proposals/${encodeURIComponent(v.answerId)}/apply`, {
        serviceVersion: v.serviceVersion,
        codes: v.codes,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: [...KEY, 'care', id] }),
  });
}

/** A provider survey's links for the directory's active listings (those not sent one yet). */
export async function issueDirectoryLinks(id: string): Promise<IssuedLinks> {
  return api.post<IssuedLinks>(`${one(id)}/invitations/directory`, {});
}
