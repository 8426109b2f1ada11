import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConsultationDetail,
  ConsultationSummary,
  ListConsultationsQuery,
} from '../../../../src/modules/consultations/schemas';
import { useLocale } from '../../i18n';
import { api, apiFetch, withQuery } from '../api';

/** 相談支援 (consultations): queue, case, hand-offs, caseload board, figures, the public request form. */

export type {
  ActionKind,
  AskerKind,
  Channel,
  Outcome,
  Tier,
  Topic,
  Urgency,
} from '../../../../src/shared/vocab/consultations';
export {
  ACTION_KINDS,
  ASKER_KINDS,
  CHANNELS,
  MUNICIPAL_DIVISIONS,
  OUTCOMES,
  RECORDED_ACTION_KINDS,
  TIERS,
  TOPICS,
  URGENCIES,
} from '../../../../src/shared/vocab/consultations';
export type { ConsultationDetail, ConsultationSummary };

export type ConsultationView = ListConsultationsQuery['view'];
export type ConsultationListSearch = Partial<Omit<ListConsultationsQuery, 'view'>> & {
  view: ConsultationView;
};
export type ConsultationList = {
  items: ConsultationSummary[];
  total: number;
  page: number;
  pageSize: number;
};

export type TeamChoices = {
  mine: { id: string; tier: string; kind: string; name: string }[];
  municipalities: { code: string; name: string }[];
  regions: { id: string; name: string }[];
  branches: { id: string; name: string }[];
  superviseTeams: { id: string; name: string; tier: string }[];
};

export type SimilarCase = {
  id: string;
  score: number;
  topics: string[];
  narrative: string;
  municipalityName: string | null;
  openedOn: string;
  closedOn: string | null;
  outcome: string | null;
  resolvedTier: string | null;
  resolvedTeamName: string | null;
  resolvedByName: string | null;
  childVisible: boolean;
  childName: string | null;
};

export type CaseloadCounts = { open: number; overdue: number; newThisMonth: number; children: number };
export type CaseloadBoard = {
  today: string;
  people: (CaseloadCounts & { userId: string | null; name: string | null; keyChildren: number })[];
  teams: (CaseloadCounts & { teamId: string; name: string; tier: string })[];
  regions: {
    regionId: string;
    name: string;
    people: number;
    openCases: number;
    topCount: number;
    topCases: number;
    share: number;
    warn: boolean;
    skipped: string | null;
  }[];
  rule: {
    topShare: number;
    maxShare: number;
    minCases: number;
    escalateAfterWorkingDays: number;
    version: number;
    explanation: { ja: string; en: string };
  };
};

type Count = { key: string; count: number };
export type ConsultationFigures = {
  nendo: number;
  label: string;
  total: number;
  firstContact: {
    publicRequests: number;
    routedToRegion: number;
    routedToCentre: number;
    escalated: number;
  };
  byFirstTier: Count[];
  byResolvedTier: Count[];
  byAskerKind: Count[];
  byTopic: Count[];
  byMunicipality: (Count & { name: string | null })[];
  byMonth: Count[];
  handoffHours: { count: number; median: number | null; p90: number | null };
  municipalFirstContactShare: {
    nendo: number;
    label: string;
    total: number;
    municipal: number;
    share: number | null;
  }[];
};

export type TeamRef =
  | { teamId: string }
  | { tier: 'municipality'; municipalityCode: string }
  | { tier: 'region'; regionId: string }
  | { tier: 'region'; centreId: string }
  | { tier: 'centre' };

const base = '/api/consultations';
const idPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function useConsultations(search: ConsultationListSearch) {
  return useQuery({
    queryKey: ['consultations', 'list', search],
    queryFn: ({ signal }) => api.get<ConsultationList>(base, search, signal),
    placeholderData: keepPreviousData,
  });
}

export const CHILD_CASES_PAGE_SIZE = 20;

/** The consultations of one child that the reader may see with the child named (scope and consent). */
export function useChildConsultations(childId: string) {
  const search = {
    view: 'all',
    status: 'any',
    childId,
    sort: 'opened',
    dir: 'desc',
    pageSize: CHILD_CASES_PAGE_SIZE,
  } as const;
  return useQuery({
    queryKey: ['consultations', 'list', search],
    queryFn: ({ signal }) => api.get<ConsultationList>(base, search, signal),
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: ['consultations', 'detail', id],
    queryFn: ({ signal }) => api.get<ConsultationDetail>(idPath(id), undefined, signal),
  });
}

/** The case for its printout: the same read, audited as a printout (`purpose=print`). */
export function useConsultationForPrint(id: string) {
  return useQuery({
    queryKey: ['consultations', 'print', id],
    queryFn: ({ signal }) => api.get<ConsultationDetail>(idPath(id), { purpose: 'print' }, signal),
  });
}

export function useSimilarConsultations(id: string) {
  return useQuery({
    queryKey: ['consultations', 'similar', id],
    queryFn: ({ signal }) => api.get<{ items: SimilarCase[] }>(`${idPath(id)}/similar`, undefined, signal),
  });
}

export function useConsultationTeams() {
  return useQuery({
    queryKey: ['consultations', 'teams'],
    queryFn: ({ signal }) => api.get<TeamChoices>(`${base}/teams`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useCaseload() {
  return useQuery({
    queryKey: ['consultations', 'caseload'],
    queryFn: ({ signal }) => api.get<CaseloadBoard>(`${base}/caseload`, undefined, signal),
  });
}

export function useConsultationFigures(nendo: number) {
  return useQuery({
    queryKey: ['consultations', 'figures', nendo],
    queryFn: ({ signal }) => api.get<ConsultationFigures>(`${base}/figures`, { nendo }, signal),
    placeholderData: keepPreviousData,
  });
}

export function figuresExportHref(nendo: number, lang: 'ja' | 'en'): string {
  return withQuery(`${base}/figures/export`, { nendo, lang });
}

/** Every write to a case refreshes all consultation queries (queue, case, board). */
function useCaseMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['consultations'] });
      await client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export type CreateConsultationBody = {
  municipalityCode: string;
  askerKind: string;
  /** Required when the asker is a municipality, absent otherwise. */
  askerDivision?: string | null;
  askerContact?: string;
  /** The organisation of the network that asked (hospital, provider, school, nursery, other). */
  askerOrganisationId?: string | null;
  channel: string;
  child:
    | { kind: 'registered'; childId: string }
    | { kind: 'unregistered'; description: string }
    | { kind: 'anonymous' };
  topics: string[];
  urgency: string;
  subject: string;
  narrative: string;
  nextAction?: string | null;
  nextActionOn?: string | null;
};

export function useCreateConsultation() {
  return useCaseMutation((body: CreateConsultationBody) => api.post<ConsultationDetail>(base, body));
}

export type AddActionBody = {
  kind: string;
  minutes?: number | null;
  note?: string;
  /** A service of the directory (GET /api/resources/services); its name is kept as the text too. */
  resourceId?: string;
  resourceText?: string;
  followUpOn?: string | null;
  followUpOf?: string;
  nextActionOn?: string | null;
};

export function useAddAction(id: string) {
  return useCaseMutation((body: AddActionBody) => api.post(`${idPath(id)}/actions`, body));
}

/** Mails staff's short text to the family that left an address on the public form (recorded on the timeline). */
export function useReplyToFamily(id: string) {
  return useCaseMutation((body: { subject: string; text: string }) => api.post(`${idPath(id)}/reply`, body));
}

export function useUpdateConsultation(id: string) {
  return useCaseMutation(
    (body: {
      version: number;
      subject?: string;
      nextAction?: string | null;
      nextActionOn?: string | null;
      assignedUserId?: string | null;
    }) => api.patch(idPath(id), body),
  );
}

export function useCloseConsultation(id: string) {
  return useCaseMutation((body: { version: number; outcome: string; note?: string }) =>
    api.post(`${idPath(id)}/close`, body),
  );
}

export function useRequestHandoff(id: string) {
  return useCaseMutation(
    (body: {
      kind: 'handoff' | 'backup' | 'supervise';
      to: TeamRef;
      reason?: string;
      keepAsBackup?: boolean;
    }) => api.post(`${idPath(id)}/handoffs`, body),
  );
}

export function useDecideHandoff(id: string) {
  return useCaseMutation(
    (v: { handoffId: string; decision: 'accept' | 'decline' | 'withdraw'; reason?: string }) =>
      api.post(`${idPath(id)}/handoffs/${encodeURIComponent(v.handoffId)}/${v.decision}`, {
        reason: v.reason || undefined,
      }),
  );
}

export function useSaveCaseloadRule() {
  return useCaseMutation(
    (body: { topShare: number; maxShare: number; minCases: number; escalateAfterWorkingDays: number }) =>
      apiFetch('PUT', `${base}/caseload/rule`, { body }),
  );
}

export type PublicConsultationBody = {
  municipalityCode: string;
  askerKind: string;
  name: string;
  phone?: string;
  email?: string;
  childDescription?: string;
  topics: string[];
  urgency: string;
  narrative: string;
  website: string;
};

export function useSubmitPublicConsultation() {
  // The page's language is the acknowledgement's and staff's replies' (mail on, with an address).
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: PublicConsultationBody) =>
      api.post<{ receiptNo: string }>('/api/public/consultations', { ...body, locale }),
  });
}
