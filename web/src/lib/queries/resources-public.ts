import type { z } from '@hono/zod-openapi';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  ZConfirmByLink,
  ZConfirmByLinkResponse,
  ZConfirmView,
  ZPublicOptions,
  ZPublicSearchResponse,
  ZPublicService,
  ZService,
  ZServiceProviderEdit,
} from '../../../../src/modules/resources/schemas';
import { api, apiFetch, type QueryParams } from '../api';

/**
 * Resources (社会資源), the open part: the public search and the provider's one-time link
 * (/api/public/resources), and the vocabularies their pages show. The light public entry (public-main.tsx)
 * imports only this module; staff screens use ./resources.ts, which re-exports it. Types come from the
 * server's Zod contract (type-only imports: no Zod in the bundle).
 */

export type Service = z.infer<typeof ZService>;
export type ServiceType = Service['type'];
export type ServiceStatus = Service['status'];
export type CareAcceptance = Service['careItems'][number];
export type Acceptance = CareAcceptance['acceptance'];
export type Schedule = Service['schedules'][number];
export type Weekday = Schedule['byday'][number];
/** The fields a provider corrects, by its link or signed in. */
export type ProviderEdit = z.input<typeof ZServiceProviderEdit>;
export type ConfirmView = z.infer<typeof ZConfirmView>;
export type ConfirmByLink = z.input<typeof ZConfirmByLink>;
export type ConfirmByLinkResponse = z.infer<typeof ZConfirmByLinkResponse>;
export type PublicSearchResult = z.infer<typeof ZPublicSearchResponse>;
export type PublicServiceSummary = PublicSearchResult['items'][number];
export type PublicService = z.infer<typeof ZPublicService>;
export type PublicOptions = z.infer<typeof ZPublicOptions>;

/** Vocabularies: the server's own constants (`vocab.ts` holds no Zod, so nothing heavy enters the bundle). */
export {
  ACCEPTANCES as ACCEPTANCE_CODES,
  SERVICE_STATUSES as SERVICE_STATUS_CODES,
  SERVICE_TYPES as SERVICE_TYPE_CODES,
  WEEKDAYS as WEEKDAY_CODES,
} from '../../../../src/shared/vocab/resources';

export const PUBLIC = '/api/public/resources';
const enc = encodeURIComponent;

// ───────────────────────────── public ─────────────────────────────

export function usePublicOptions() {
  return useQuery({
    queryKey: ['public-resources', 'options'],
    queryFn: ({ signal }) => api.get<PublicOptions>(`${PUBLIC}/options`, undefined, signal),
    staleTime: 60 * 60 * 1000,
  });
}

export type PublicSearchParams = {
  municipalityCode?: string;
  address?: string;
  /** One of the places a previous answer offered to choose from. */
  placeId?: string;
  type?: ServiceType;
  careItem?: string[];
  age?: number;
  q?: string;
  /** "latitude,longitude" of a near-me search, with its radius in km. */
  near?: string;
  radiusKm?: number;
  page?: number;
  pageSize?: number;
};

export function usePublicSearch(params: PublicSearchParams) {
  const query: QueryParams = {
    municipalityCode: params.municipalityCode,
    address: params.address,
    placeId: params.placeId,
    type: params.type,
    careItem: params.careItem?.length ? params.careItem.join(',') : undefined,
    age: params.age,
    q: params.q,
    near: params.near,
    radiusKm: params.near ? params.radiusKm : undefined,
    page: params.page,
    pageSize: params.pageSize,
  };
  return useQuery({
    queryKey: ['public-resources', 'search', query],
    queryFn: ({ signal }) => api.get<PublicSearchResult>(PUBLIC, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublicService(id: string) {
  return useQuery({
    queryKey: ['public-resources', 'service', id],
    queryFn: ({ signal }) => api.get<PublicService>(`${PUBLIC}/${enc(id)}`, undefined, signal),
  });
}

export function useConfirmView(token: string) {
  return useQuery({
    queryKey: ['public-resources', 'confirm', token],
    queryFn: ({ signal }) => api.get<ConfirmView>(`${PUBLIC}/confirm/${enc(token)}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useConfirmByLink(token: string) {
  return useMutation({
    mutationFn: (body: ConfirmByLink) =>
      apiFetch<ConfirmByLinkResponse>('PUT', `${PUBLIC}/confirm/${enc(token)}`, { body }),
  });
}
