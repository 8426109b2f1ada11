import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WatchLevel } from '../../../../src/shared/care-score';
import type {
  AffiliationKind,
  ConsentMethod,
  ConsentPurpose,
  DeviceKind,
} from '../../../../src/shared/vocab/registry';
import { ApiError, api, apiFetch, type QueryParams } from '../api';
import type { ChildStatus, ChildSummary, LifeStage, Sex } from './registry';

/**
 * The child record (GET /api/children/{id}) and every write to it. Each write sends the record's version;
 * a 409 answers with the saved record, so the screen can show what changed instead of overwriting it.
 */

export {
  AFFILIATION_KIND_LABELS,
  AFFILIATION_KINDS,
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  DEVICE_KIND_LABELS,
  DEVICE_KINDS,
  HANDBOOK_KIND_LABELS,
  HANDBOOK_KINDS,
} from '../../../../src/shared/vocab/registry';
export type { AffiliationKind, ConsentMethod, ConsentPurpose, DeviceKind };

export type Guardian = {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  relationship: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  isPrimary: boolean;
};
export type Diagnosis = { id: string; name: string; icd10: string | null; note: string | null };
export type Physician = {
  id: string;
  organisationId: string | null;
  hospitalName: string;
  department: string | null;
  physicianName: string | null;
  isPrimary: boolean;
};
/** A note the system wrote, as a code with parameters (src/shared/vocab/system-text.ts). */
export type SystemNote = { code: string; params?: Record<string, string | number> };
export type ChildCareItem = {
  id?: string;
  code: string;
  watch: WatchLevel;
  judgedOn: string | null;
  judgedBy: string | null;
  note: string | null;
  /** A note the system wrote (the registration the item came from). */
  systemNote?: SystemNote | null;
};
export type Device = {
  id: string;
  kind: DeviceKind;
  name: string | null;
  needsMains: boolean;
  batteryHours: number | null;
  note: string | null;
};
export type Handbook = { id: string; kind: string; grade: string | null; issuedOn: string | null };
export type Affiliation = {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: string;
  startedOn: string;
  endedOn: string | null;
  detail: string | null;
};
export type Consent = {
  id: string;
  purpose: ConsentPurpose;
  granted: boolean;
  decidedOn: string;
  method: ConsentMethod;
  withdrawnOn: string | null;
  note: string | null;
  /** A note the system wrote (the registration the decision came from). */
  systemNote?: SystemNote | null;
};
export type Residence = {
  municipalityCode: string;
  municipalityName: string;
  address: string | null;
  fromDate: string;
  toDate: string | null;
};

/** A member of the child's care team (NA-2): a person of the network, their part, key coordinator or not. */
export type CareTeamMember = {
  id: string;
  personId: string;
  name: string;
  role: string;
  isKeyCoordinator: boolean;
  profession: string | null;
  organisationName: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
};

export type ChildRecord = ChildSummary & {
  address: string | null;
  livingSituation: string | null;
  statusSince: string | null;
  careScore: number | null;
  careTier: number | null;
  careScoreBreakdown: { code: string; base: number; watch: number }[];
  lifeStage: LifeStage | null;
  guardians: Guardian[];
  diagnoses: Diagnosis[];
  physicians: Physician[];
  careItems: ChildCareItem[];
  devices: Device[];
  handbooks: Handbook[];
  affiliations: Affiliation[];
  careTeam: CareTeamMember[];
  consents: Consent[];
  residences: Residence[];
  access: 'full' | 'former_residence';
  allowedActions: { edit: boolean; manageConsents: boolean; move: boolean };
};

export type HistoryEntry = {
  id: string | number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  version: number;
};

/** Fills what an older server leaves out, so the screen never breaks on a missing list. */
export function normaliseRecord(raw: Partial<ChildRecord> & ChildSummary): ChildRecord {
  return {
    ...raw,
    address: raw.address ?? null,
    livingSituation: raw.livingSituation ?? null,
    statusSince: raw.statusSince ?? null,
    careScore: raw.careScore ?? null,
    careTier: raw.careTier ?? null,
    careScoreBreakdown: raw.careScoreBreakdown ?? [],
    lifeStage: raw.lifeStage ?? null,
    guardians: raw.guardians ?? [],
    diagnoses: raw.diagnoses ?? [],
    physicians: raw.physicians ?? [],
    careItems: raw.careItems ?? [],
    devices: raw.devices ?? [],
    handbooks: raw.handbooks ?? [],
    careTeam: raw.careTeam ?? [],
    affiliations: (raw.affiliations ?? []).map((a) => ({
      ...a,
      id: a.id ?? `${a.organisationId}-${a.startedOn}`,
      detail: a.detail ?? null,
    })),
    consents: raw.consents ?? [],
    residences: raw.residences ?? [],
    access: raw.access ?? 'full',
    allowedActions: raw.allowedActions ?? { edit: false, manageConsents: false, move: false },
  };
}

function isRecordLike(value: unknown, id: string): value is ChildRecord {
  return typeof value === 'object' && value !== null && (value as { id?: unknown }).id === id;
}

export const recordKey = (id: string) => ['children', 'record', id] as const;

export function useChildRecord(id: string) {
  return useQuery({
    queryKey: recordKey(id),
    queryFn: async ({ signal }) =>
      normaliseRecord(
        await api.get<ChildRecord>(`/api/children/${encodeURIComponent(id)}`, undefined, signal),
      ),
    // A 404 is an answer (out of scope or absent): only a network failure or 502–504 is retried (lib/retry.ts).
  });
}

export function useChildHistory(id: string) {
  return useQuery({
    queryKey: ['children', 'history', id],
    queryFn: ({ signal }) =>
      api.get<HistoryEntry[]>(`/api/children/${encodeURIComponent(id)}/history`, undefined, signal),
  });
}

export type RecordWrite = {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path below /api/children/{id}, e.g. '' (the record), '/devices', '/devices/<subId>'. */
  path: string;
  body?: Record<string, unknown>;
  query?: QueryParams;
};

/**
 * One write to the record. A reply holding the record replaces the cached one at once; whatever happens the
 * record, its history and the lists are reloaded (after a 409 the screen then holds the other person's version).
 */
export function useRecordWrite(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body, query }: RecordWrite) =>
      apiFetch<unknown>(method, `/api/children/${encodeURIComponent(id)}${path}`, { body, query }),
    onSuccess: (data) => {
      if (isRecordLike(data, id)) qc.setQueryData(recordKey(id), normaliseRecord(data));
    },
    onSettled: () => {
      // Not awaited: the caller's own callbacks run first.
      void qc.invalidateQueries({ queryKey: ['children'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** The facts of a 409 on a child record: the saved record and the fields that differ from what was read. */
export function conflictOf(
  error: unknown,
  id: string,
): { current: ChildRecord | null; changedFields: string[] } | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const detail = (error.detail ?? {}) as { current?: unknown; changedFields?: unknown };
  const current = isRecordLike(detail.current, id) ? normaliseRecord(detail.current) : null;
  const changedFields = Array.isArray(detail.changedFields)
    ? detail.changedFields.filter((f): f is string => typeof f === 'string')
    : [];
  return { current, changedFields };
}

export type NewChild = {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  birthDate: string;
  sex: Sex;
  municipalityCode: string;
  address?: string | null;
  livingSituation?: string | null;
  status?: ChildStatus;
};

export function useCreateChild() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewChild) => api.post<ChildRecord>('/api/children', body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['children'] });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
