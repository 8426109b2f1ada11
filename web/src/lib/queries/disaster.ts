import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCoverage,
  ZList,
  ZPlanUpdate,
  ZProfile,
  ZProfileUpdate,
  ZSheet,
  ZSheetConfirm,
  ZSheetUpdate,
} from '../../../../src/modules/disaster/schemas';
import { api, apiFetch } from '../api';

/** Disaster readiness (docs/disaster.md §1–3, §7). Types are the server's Zod contract. */
export type DisasterProfile = z.infer<typeof ZProfile>;
export type DisasterProfileBody = z.input<typeof ZProfileUpdate>;
export type EmergencySheetView = z.infer<typeof ZSheet>;
export type EmergencySheetBody = z.input<typeof ZSheetUpdate>;
export type SheetConfirmBody = z.input<typeof ZSheetConfirm>;
export type DisasterList = z.infer<typeof ZList>;
export type PlanBody = z.input<typeof ZPlanUpdate>;
export type DisasterCoverage = z.infer<typeof ZCoverage>;

const BASE = '/api/disaster';
const KEY = ['disaster'] as const;
const child = (id: string) => `${BASE}/children/${encodeURIComponent(id)}`;

export function useDisasterProfile(childId: string) {
  return useQuery({
    queryKey: [...KEY, 'child', childId],
    queryFn: ({ signal }) => api.get<DisasterProfile>(child(childId), undefined, signal),
  });
}

export function useSaveDisasterProfile(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DisasterProfileBody) => apiFetch<DisasterProfile>('PUT', child(childId), { body }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEmergencySheet(childId: string) {
  return useQuery({
    queryKey: [...KEY, 'sheet', childId],
    queryFn: ({ signal }) => api.get<EmergencySheetView>(`${child(childId)}/sheet`, undefined, signal),
  });
}

export function useSaveEmergencySheet(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EmergencySheetBody) =>
      apiFetch<EmergencySheetView>('PUT', `${child(childId)}/sheet`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useConfirmEmergencySheet(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SheetConfirmBody) =>
      apiFetch<EmergencySheetView>('POST', `${child(childId)}/sheet/confirm`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDisasterList(municipality: string | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...KEY, 'list', municipality ?? 'own'],
    queryFn: ({ signal }) => api.get<DisasterList>(`${BASE}/list`, { municipality }, signal),
  });
}

/** The list as .xlsx or CP932 CSV in the order of the 名簿, in the screen's language. */
export function disasterExportHref(municipality: string, format: 'xlsx' | 'csv', lang: 'ja' | 'en'): string {
  return `${BASE}/list/export?municipality=${municipality}&format=${format}&lang=${lang}`;
}

export function useRecordPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ childId, body }: { childId: string; body: PlanBody }) =>
      apiFetch<unknown>('PUT', `${BASE}/list/${encodeURIComponent(childId)}/plan`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDisasterCoverage() {
  return useQuery({
    queryKey: [...KEY, 'coverage'],
    queryFn: ({ signal }) => api.get<DisasterCoverage>(`${BASE}/coverage`, undefined, signal),
  });
}
