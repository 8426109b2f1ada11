import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../../i18n';
import { api } from '../api';

/** Registration (KA-2): the public form's options and submission, and the staff review queue. */

export type WatchLevel = 'high' | 'mid' | 'low';
export type SubmitterKind = 'family' | 'hospital';
export type { ConsentPurpose, RegistrationStatus, Sex } from '../../../../src/shared/vocab/registry';
export {
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
} from '../../../../src/shared/vocab/registry';

import type { ConsentPurpose, RegistrationStatus, Sex } from '../../../../src/shared/vocab/registry';

export type RegistrationOptions = {
  prefectures: { code: string; name: string }[];
  municipalities: { code: string; name: string; kana: string; prefectureCode: string }[];
  careItems: { code: string; ja: string; en: string; watchLevels: WatchLevel[] }[];
  deviceKinds: { code: string; ja: string; en: string }[];
};

/** The form as sent (and as stored, with the birth date in ISO and kana in katakana). */
export type RegistrationPayload = {
  submitterKind: SubmitterKind;
  submitter: { name: string; organisation?: string; phone: string; email?: string };
  child: {
    familyName: string;
    givenName: string;
    familyKana: string;
    givenKana: string;
    birthDate: string;
    sex: Sex;
    municipalityCode: string;
    address: string;
    diagnoses: { name: string; icd10?: string }[];
    careItems: { code: string; watch?: WatchLevel }[];
    devices: { kind: string; needsMains: boolean; batteryHours?: number }[];
    livingSituation?: string;
  };
  guardians: {
    familyName: string;
    givenName: string;
    familyKana?: string;
    givenKana?: string;
    relationship: string;
    phone: string;
    email?: string;
  }[];
  consents: Record<ConsentPurpose, boolean>;
};

export type RegistrationSummary = {
  id: string;
  receiptNo: string;
  status: RegistrationStatus;
  submittedAt: string;
  submitterKind: SubmitterKind;
  municipalityCode: string;
  municipalityName: string;
  /** The kanji name as sent (the queue and the registration's page). */
  familyName?: string;
  givenName?: string;
  familyKana: string;
  givenKana: string;
  birthDate: string;
  /** Queue only: the strongest suggested existing record of a pending registration, null when none. */
  bestMatch?: { score: number; candidates: number } | null;
};

/** Orders of the review queue (the server's allow-list). */
export const REGISTRATION_SORTS = [
  'submitted',
  'name',
  'kana',
  'birthDate',
  'municipality',
  'source',
] as const;
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];

export type MatchReason = { code: string; points: number; ja: string; en: string };

export type Suggestion = {
  child: {
    id: string;
    familyName: string;
    givenName: string;
    familyKana: string;
    givenKana: string;
    birthDate: string;
    sex: Sex;
    municipalityCode: string;
    municipalityName: string;
    address: string | null;
    version: number;
  };
  score: number;
  reasons: MatchReason[];
};

export type RegistrationDetail = {
  registration: RegistrationSummary & {
    prefectureCode: string;
    reviewedAt: string | null;
    childId: string | null;
    reviewNote: string | null;
    payload: RegistrationPayload;
  };
  suggestions: Suggestion[];
  can: { decide: boolean };
};

export type Decision = { status: RegistrationStatus; childId: string | null };

export const REVIEW_PAGE_SIZE = 20;

/** The form's choices (public, no sign-in). */
export function useRegistrationOptions() {
  return useQuery({
    queryKey: ['registrations', 'options'],
    queryFn: ({ signal }) =>
      api.get<RegistrationOptions>('/api/public/registrations/options', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Sends the form; the answer is always a receipt number. `website` is the honeypot and stays empty. */
export function useSubmitRegistration() {
  // The page's language is the acknowledgement mail's (sent when an address is given and mail is on).
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: RegistrationPayload & { website: string }) =>
      api.post<{ receiptNo: string }>('/api/public/registrations', { ...body, locale }),
  });
}

export function useRegistrations(search: {
  status: RegistrationStatus;
  sort?: RegistrationSort;
  dir?: 'asc' | 'desc';
  page: number;
}) {
  return useQuery({
    queryKey: ['registrations', 'list', search],
    queryFn: ({ signal }) =>
      api.get<{ items: RegistrationSummary[]; total: number; page: number; pageSize: number }>(
        '/api/registrations',
        { ...search, pageSize: REVIEW_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: string) {
  return useQuery({
    queryKey: ['registrations', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<RegistrationDetail>(`/api/registrations/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export type DecisionRequest =
  | { action: 'accept'; note?: string }
  | { action: 'merge'; childId: string; version: number; note?: string }
  | { action: 'reject'; reason: string };

/** Accept, merge or reject; refreshes the queue and the registry afterwards. */
export function useDecideRegistration(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: DecisionRequest) =>
      api.post<Decision>(`/api/registrations/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['registrations'] });
      await client.invalidateQueries({ queryKey: ['children'] });
    },
  });
}
