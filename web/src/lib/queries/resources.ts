import type { z } from '@hono/zod-openapi';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  ZBottleneck,
  ZCreateBottleneck,
  ZCreateRoundResponse,
  ZGapsResponse,
  ZHsdsImportPreview,
  ZImportPreview,
  ZImportResult,
  ZListServicesQuery,
  ZOrganization,
  ZOrganizationInput,
  ZOrganizationList,
  ZProviderLink,
  ZRemindersResponse,
  ZRound,
  ZRoundDetail,
  ZServiceInput,
  ZServiceList,
} from '../../../../src/modules/resources/schemas';
import { type Locale, translate } from '../../i18n';
import { ApiError, api, apiFetch, apiPostFile, type QueryParams, saveFile, withQuery } from '../api';
import { sessionQuery } from './auth';
import type { ProviderEdit, Service } from './resources-public';

/**
 * Resources (社会資源): the staff directory API (/api/resources). The public search and provider link
 * (/api/public/resources) live in ./resources-public.ts, re-exported here so staff screens import one module.
 * Types come from the server's Zod contract (type-only imports: no Zod in the bundle).
 */

export * from './resources-public';

export type ServiceInput = z.input<typeof ZServiceInput>;
export type ServiceList = z.infer<typeof ZServiceList>;
export type ServiceSummary = ServiceList['items'][number];
export type ServiceListQuery = Partial<z.input<typeof ZListServicesQuery>>;
export type Organization = z.infer<typeof ZOrganization>;
export type OrganizationInput = z.input<typeof ZOrganizationInput>;
export type OrganizationList = z.infer<typeof ZOrganizationList>;
export type ProviderLink = z.infer<typeof ZProviderLink>;
export type Round = z.infer<typeof ZRound>;
export type RoundDetail = z.infer<typeof ZRoundDetail>;
export type CreateRoundResponse = z.infer<typeof ZCreateRoundResponse>;
export type RemindersResponse = z.infer<typeof ZRemindersResponse>;
export type ImportPreview = z.infer<typeof ZImportPreview>;
export type ImportResult = z.infer<typeof ZImportResult>;
export type HsdsImportPreview = z.infer<typeof ZHsdsImportPreview>;
export type Gaps = z.infer<typeof ZGapsResponse>;
export type GapArea = Gaps['regions'][number];
export type GapCell = GapArea['cells'][number];
export type Bottleneck = z.infer<typeof ZBottleneck>;
export type BottleneckKind = Bottleneck['kind'];
export type CreateBottleneck = z.input<typeof ZCreateBottleneck>;

export { BOTTLENECK_KINDS as BOTTLENECK_KIND_CODES } from '../../../../src/shared/vocab/resources';

export const STAFF = '/api/resources';
const enc = encodeURIComponent;

// ───────────────────────────── staff: directory ─────────────────────────────

export function useServices(query: ServiceListQuery) {
  return useQuery({
    queryKey: ['resources', 'services', query],
    queryFn: ({ signal }) => api.get<ServiceList>(`${STAFF}/services`, { ...query } as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

export function useService(id: string | null) {
  return useQuery({
    queryKey: ['resources', 'service', id],
    queryFn: ({ signal }) => api.get<Service>(`${STAFF}/services/${enc(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

function invalidateDirectory(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: ['resources'] });
}

export function useSaveService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ServiceInput & { version?: number } }) =>
      id
        ? apiFetch<Service>('PUT', `${STAFF}/services/${enc(id)}`, { body })
        : api.post<Service>(`${STAFF}/services`, body),
    onSuccess: (saved) => {
      qc.setQueryData(['resources', 'service', saved.id], saved);
      // Not awaited: the form remounts on the new version, and the caller's own onSuccess must run first.
      void invalidateDirectory(qc);
    },
  });
}

/** PATCH: a provider signed in (or staff) corrects the provider fields; this also confirms the listing. */
export function useCorrectService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: ProviderEdit }) =>
      api.patch<Service>(`${STAFF}/services/${enc(id)}`, { ...changes, version }),
    onSuccess: (saved) => {
      qc.setQueryData(['resources', 'service', saved.id], saved);
      void invalidateDirectory(qc);
    },
  });
}

export function useConfirmService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<Service>(`${STAFF}/services/${enc(id)}/confirm`, { version }),
    onSuccess: () => invalidateDirectory(qc),
  });
}

export function useIssueLink() {
  return useMutation({
    mutationFn: (id: string) => api.post<ProviderLink>(`${STAFF}/services/${enc(id)}/link`, {}),
  });
}

export function useOrganizations(q: string) {
  return useQuery({
    queryKey: ['resources', 'organizations', q],
    queryFn: ({ signal }) =>
      api.get<OrganizationList>(`${STAFF}/organizations`, { q: q || undefined, pageSize: 200 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationInput) => api.post<Organization>(`${STAFF}/organizations`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources', 'organizations'] }),
  });
}

export function exportHref(
  kind: 'json' | 'xlsx',
  params: { municipalityCode?: string; type?: string; lang?: 'ja' | 'en' } = {},
) {
  return withQuery(`${STAFF}/export.${kind}`, params);
}

// ───────────────────────────── staff: rounds ─────────────────────────────

export function useRounds() {
  return useQuery({
    queryKey: ['resources', 'rounds'],
    queryFn: ({ signal }) => api.get<{ items: Round[] }>(`${STAFF}/rounds`, undefined, signal),
  });
}

/** Orders of a round's listings (the server's allow-list, ROUND_ITEM_SORTS). */
export type RoundItemSort =
  | 'name'
  | 'organization'
  | 'type'
  | 'municipality'
  | 'confirmed'
  | 'linkExpires'
  | 'lastConfirmed';

export function useRound(id: string | null, order: { sort?: RoundItemSort; dir?: 'asc' | 'desc' } = {}) {
  return useQuery({
    queryKey: ['resources', 'round', id, order],
    queryFn: ({ signal }) => api.get<RoundDetail>(`${STAFF}/rounds/${enc(id ?? '')}`, { ...order }, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** How issued links come back: on screen (JSON), or as a file for mail merge. */
export type LinkFormat = 'json' | 'xlsx' | 'csv';

/** The outcome of issuing links: shown on screen, or saved as a file (the links are in it, not here). */
export type IssuedLinks =
  | { kind: 'links'; response: CreateRoundResponse | RemindersResponse }
  | { kind: 'file'; fileName: string; issued: number };

async function issueLinks(
  path: string,
  body: unknown,
  format: LinkFormat,
  lang: Locale,
): Promise<IssuedLinks> {
  if (format === 'json') return { kind: 'links', response: await api.post<CreateRoundResponse>(path, body) };
  const file = await apiPostFile(path, body, { format, lang });
  saveFile(file);
  return { kind: 'file', fileName: file.fileName, issued: Number(file.headers.get('x-links-issued') ?? 0) };
}

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { nendo: number; format: LinkFormat; lang: Locale }) =>
      issueLinks(`${STAFF}/rounds`, { nendo: v.nendo }, v.format, v.lang),
    onSuccess: () => invalidateDirectory(qc),
  });
}

export function useSendReminders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { roundId: string; format: LinkFormat; lang: Locale }) =>
      issueLinks(`${STAFF}/rounds/${enc(v.roundId)}/reminders`, {}, v.format, v.lang),
    onSuccess: () => invalidateDirectory(qc),
  });
}

// ───────────────────────────── staff: import ─────────────────────────────

/** POST of the file itself as the body (the import endpoints read raw bytes: CSV in any encoding, or JSON). */
export async function postFile<T>(
  qc: QueryClient,
  path: string,
  file: File,
  contentType: 'text/csv' | 'application/json' | 'application/gzip' = 'text/csv',
): Promise<T> {
  const session = qc.getQueryData(sessionQuery.queryKey);
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': contentType };
  if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, { fileName: file.name }), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
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
    const err = (data as { error?: { code?: string; ja?: string; en?: string; detail?: unknown } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.ja ?? translate('ja', 'error.unknown'),
      err?.en ?? translate('en', 'error.unknown'),
      [],
      err?.detail,
    );
  }
  return data as T;
}

export function useImportPreview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postFile<ImportPreview>(qc, `${STAFF}/import/preview`, file),
  });
}

export function useImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postFile<ImportResult>(qc, `${STAFF}/import`, file),
    onSuccess: () => invalidateDirectory(qc),
  });
}

const hsdsType = (file: File) => (/\.gz$/i.test(file.name) ? 'application/gzip' : 'application/json');

/** HSDS 3.0 JSON (our export or another Open Referral directory's), gzipped or not: preview, then import. */
export function useHsdsImportPreview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      postFile<HsdsImportPreview>(qc, `${STAFF}/import/hsds/preview`, file, hsdsType(file)),
  });
}

export function useHsdsImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postFile<ImportResult>(qc, `${STAFF}/import/hsds`, file, hsdsType(file)),
    onSuccess: () => invalidateDirectory(qc),
  });
}

// ───────────────────────────── staff: gaps ─────────────────────────────

export function useGaps(regionId?: string) {
  return useQuery({
    queryKey: ['resources', 'gaps', regionId ?? null],
    queryFn: ({ signal }) => api.get<Gaps>(`${STAFF}/gaps`, { regionId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function gapsExportHref(regionId?: string, lang?: 'ja' | 'en') {
  return withQuery(`${STAFF}/gaps.xlsx`, { regionId, lang });
}

export function useCreateBottleneck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBottleneck) => api.post<Bottleneck>(`${STAFF}/bottlenecks`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources', 'gaps'] }),
  });
}

export function useDeleteBottleneck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${STAFF}/bottlenecks/${enc(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources', 'gaps'] }),
  });
}
