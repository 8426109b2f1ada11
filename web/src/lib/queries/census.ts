import type { z } from '@hono/zod-openapi';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { CENSUS_ACCESS, censusOwnListFor } from '../../../../src/modules/census/policy';
import type {
  ZCensusRow,
  ZCreateImportResponse,
  ZCreateSource,
  ZDecideResponse,
  ZDiscrepancy,
  ZDiscrepancyList,
  ZDiscrepancySummary,
  ZExplanation,
  ZImportDetail,
  ZImportPreview,
  ZImportSummary,
  ZJob,
  ZMapping,
  ZMember,
  ZPushResponse,
  ZReviewList,
  ZReviewPair,
  ZRowIssue,
  ZRunResults,
  ZRunSummary,
  ZSource,
} from '../../../../src/modules/census/schemas';
import { translate } from '../../i18n';
import { ApiError, api } from '../api';
import type { Role } from '../roles';
import { sessionQuery } from './auth';

/**
 * 実態把握 (census): sources, imports (multipart uploads), linkage runs, clerical review and results. The types
 * are the server's Zod contract (src/modules/census/schemas.ts), imported as types only so that Zod stays out of
 * the web bundle. Jobs live on the server: lists poll every second while something is queued or running.
 */

export type { CensusField, SourceType } from '../../../../src/shared/vocab/census';
export type Job = z.infer<typeof ZJob>;
export type Source = z.infer<typeof ZSource>;
export type CreateSource = z.infer<typeof ZCreateSource>;
export type Mapping = z.infer<typeof ZMapping>;
export type RowIssue = z.infer<typeof ZRowIssue>;
export type CensusRow = z.infer<typeof ZCensusRow>;
export type ImportPreview = z.infer<typeof ZImportPreview>;
export type ImportSummary = z.infer<typeof ZImportSummary>;
export type ImportDetail = z.infer<typeof ZImportDetail>;
export type CreateImportResponse = z.infer<typeof ZCreateImportResponse>;
export type Run = z.infer<typeof ZRunSummary>;
export type Member = z.infer<typeof ZMember>;
export type Explanation = z.infer<typeof ZExplanation>;
export type ReviewPair = z.infer<typeof ZReviewPair>;
export type ReviewList = z.infer<typeof ZReviewList>;
export type DecideResponse = z.infer<typeof ZDecideResponse>;
export type RunResults = z.infer<typeof ZRunResults>;
export type Discrepancy = z.infer<typeof ZDiscrepancy>;
export type DiscrepancyList = z.infer<typeof ZDiscrepancyList>;
export type DiscrepancySummary = z.infer<typeof ZDiscrepancySummary>;
export type PushResponse = z.infer<typeof ZPushResponse>;

/** The vocabularies (codes and their names): plain data shared with the server, no Zod. */
export {
  CENSUS_ENCODING_LABELS,
  CENSUS_FIELD_LABELS,
  CENSUS_FIELDS,
  SOURCE_TYPE_LABELS,
  SOURCE_TYPES,
} from '../../../../src/shared/vocab/census';

/** The role's census access (the API also refuses staff limited to a branch: the pages then show not-found). */
export function censusAccessOf(role: Role): 'none' | 'read' | 'write' {
  return CENSUS_ACCESS[role];
}

/** Municipal staff keep their own municipality's list (upload, imports, their discrepancies). */
export function censusOwnListOf(role: Role): boolean {
  return censusOwnListFor(role, 'municipality');
}

export function hasCensusAccess(role: Role): boolean {
  return CENSUS_ACCESS[role] !== 'none';
}

/** True while a job still moves (the screens poll until it settles). */
export function isActive(job: Pick<Job, 'status'> | null | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

const BASE = '/api/census';
const POLL_MS = 1000;
const enc = encodeURIComponent;

/**
 * POST of a multipart form (file uploads): same cookies, CSRF token and error shape as `api`, but the browser
 * writes the multipart Content-Type itself.
 */
async function postForm<T>(client: QueryClient, path: string, form: FormData): Promise<T> {
  const session = client.getQueryData(sessionQuery.queryKey);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'network', translate('ja', 'error.network'), translate('en', 'error.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; ja?: string; en?: string; issues?: [] } } | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.ja ?? translate('ja', 'error.unknown'),
      err?.en ?? translate('en', 'error.unknown'),
      err?.issues ?? [],
    );
  }
  return data as T;
}

// Sources.

export function useCensusSources() {
  return useQuery({
    queryKey: ['census', 'sources'],
    queryFn: ({ signal }) => api.get<{ items: Source[] }>(`${BASE}/sources`, undefined, signal),
  });
}

export function useCreateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSource) => api.post<Source>(`${BASE}/sources`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['census', 'sources'] }),
  });
}

// Imports.

export type ImportForm = { file: File; sourceId: string; nendo: number; mapping?: Mapping | null };

function importFormData(
  { file, sourceId, nendo, mapping }: ImportForm,
  saveMapping = false,
  goodRowsOnly = false,
): FormData {
  const form = new FormData();
  form.set('file', file, file.name);
  form.set('sourceId', sourceId);
  form.set('nendo', String(nendo));
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  if (saveMapping) form.set('saveMapping', 'true');
  if (goodRowsOnly) form.set('goodRowsOnly', 'true');
  return form;
}

/** The common sheet (共通様式) of the 年度. */
export function censusTemplateHref(nendo: number): string {
  return `${BASE}/template.xlsx?nendo=${nendo}`;
}

/**
 * The rows of a file that cannot be imported, with their reasons, as an .xlsx the browser saves (the file is
 * sent again: nothing of it is stored).
 */
export function useRejectedRowsDownload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ImportForm) => {
      const session = client.getQueryData(sessionQuery.queryKey);
      const headers: Record<string, string> = {};
      if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
      const res = await fetch(`${BASE}/imports/rejected`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: importFormData(input),
      });
      if (!res.ok) {
        const err = (
          (await res.json().catch(() => null)) as {
            error?: { code?: string; ja?: string; en?: string };
          } | null
        )?.error;
        throw new ApiError(
          res.status,
          err?.code ?? `http_${res.status}`,
          err?.ja ?? translate('ja', 'error.unknown'),
          err?.en ?? translate('en', 'error.unknown'),
        );
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `census-rejected-${input.nendo}.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

/** Reads the file on the server and answers what it would import; nothing is stored. */
export function usePreviewImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportForm) =>
      postForm<ImportPreview>(client, `${BASE}/imports/preview`, importFormData(input)),
  });
}

/** Starts the import job (202); `created: false` when the same file was imported before. */
export function useCreateImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      saveMapping,
      goodRowsOnly,
      ...input
    }: ImportForm & { saveMapping: boolean; goodRowsOnly?: boolean }) =>
      postForm<CreateImportResponse>(
        client,
        `${BASE}/imports`,
        importFormData(input, saveMapping, goodRowsOnly ?? false),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['census', 'imports'] });
      await client.invalidateQueries({ queryKey: ['census', 'sources'] });
    },
  });
}

export function useCensusImports(nendo: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['census', 'imports', nendo],
    queryFn: ({ signal }) => api.get<{ items: ImportSummary[] }>(`${BASE}/imports`, { nendo }, signal),
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => isActive(i.job) || i.status === 'queued' || i.status === 'running')
        ? POLL_MS
        : false,
  });
}

export function useCensusImport(id: string | null) {
  return useQuery({
    queryKey: ['census', 'import', id],
    queryFn: ({ signal }) => api.get<ImportDetail>(`${BASE}/imports/${enc(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

// Runs.

function runActive(run: Run): boolean {
  return run.status === 'queued' || run.status === 'running' || isActive(run.job);
}

export function useCensusRuns(nendo: number) {
  return useQuery({
    queryKey: ['census', 'runs', nendo],
    queryFn: ({ signal }) => api.get<{ items: Run[] }>(`${BASE}/runs`, { nendo }, signal),
    refetchInterval: (query) => (query.state.data?.items.some(runActive) ? POLL_MS : false),
  });
}

export function useCensusRun(id: string) {
  return useQuery({
    queryKey: ['census', 'run', id],
    queryFn: ({ signal }) => api.get<Run>(`${BASE}/runs/${enc(id)}`, undefined, signal),
    refetchInterval: (query) => (query.state.data && runActive(query.state.data) ? POLL_MS : false),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (nendo: number) => api.post<Run>(`${BASE}/runs`, { nendo }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['census', 'runs'] }),
  });
}

// Clerical review.

export const REVIEW_PAGE_SIZE = 20;

export function useReviewPairs(runId: string, status: 'pending' | 'decided', page: number) {
  return useQuery({
    queryKey: ['census', 'review', runId, status, page],
    queryFn: ({ signal }) =>
      api.get<ReviewList>(
        `${BASE}/runs/${enc(runId)}/review`,
        { status, page, pageSize: REVIEW_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDecidePair(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pairId, decision }: { pairId: string; decision: 'same' | 'different' }) =>
      api.post<DecideResponse>(`${BASE}/review/${enc(pairId)}`, { decision }),
    onSuccess: async (res) => {
      client.setQueryData(['census', 'run', runId], res.run);
      await client.invalidateQueries({ queryKey: ['census', 'review', runId] });
      await client.invalidateQueries({ queryKey: ['census', 'runs'] });
    },
  });
}

// Results.

export function useRunResults(runId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['census', 'results', runId],
    queryFn: ({ signal }) => api.get<RunResults>(`${BASE}/runs/${enc(runId)}/results`, undefined, signal),
    enabled,
  });
}

export function useDiscrepancySummary(runId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['census', 'discrepancies', runId],
    queryFn: ({ signal }) =>
      api.get<DiscrepancySummary>(`${BASE}/runs/${enc(runId)}/discrepancies`, undefined, signal),
    enabled,
  });
}

export function useDiscrepancies(runId: string, code: string | null) {
  return useQuery({
    queryKey: ['census', 'discrepancies', runId, code],
    queryFn: ({ signal }) =>
      api.get<DiscrepancyList>(
        `${BASE}/runs/${enc(runId)}/discrepancies/${enc(code ?? '')}`,
        undefined,
        signal,
      ),
    enabled: code !== null,
  });
}

/** The workbook to send back to a municipality (a plain link: the browser downloads it with the session cookie). */
export function discrepancyWorkbookHref(runId: string, code: string): string {
  return `${BASE}/runs/${enc(runId)}/discrepancies/${enc(code)}/xlsx`;
}

export function usePublishRun(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Run>(`${BASE}/runs/${enc(runId)}/publish`),
    onSuccess: async (run) => {
      client.setQueryData(['census', 'run', runId], run);
      await client.invalidateQueries({ queryKey: ['census', 'runs'] });
    },
  });
}

export function usePushRun(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PushResponse>(`${BASE}/runs/${enc(runId)}/push`),
    onSuccess: async (res) => {
      client.setQueryData(['census', 'run', runId], res.run);
      await client.invalidateQueries({ queryKey: ['census', 'runs'] });
      await client.invalidateQueries({ queryKey: ['children'] });
    },
  });
}
