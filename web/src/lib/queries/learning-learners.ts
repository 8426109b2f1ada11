import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Profession, ProfessionGroup } from '../../../../src/shared/vocab/learning';
import type { InviteRowOutcome, SignUpStatus } from '../../../../src/shared/vocab/learning-learners';
import { translate } from '../../i18n';
import { ApiError, api, apiFetch, withQuery } from '../api';
import { sessionQuery } from './auth';

/** Learner accounts: sign-up, the learner's profile and home, the centre's sign-up queue and bulk invitation. */

export type Workplace = {
  organisationId: string | null;
  organisationName: string | null;
  name: string | null;
};
export type WorkplaceInput = { organisationId?: string | null; name?: string | null };

export type SignUpOptions = {
  prefectures: { code: string; name: string; nameEn: string }[];
  municipalities: { code: string; name: string; prefectureCode: string }[];
};
export type SignUpBody = {
  displayName: string;
  email: string;
  password: string;
  profession: Profession;
  workplace: WorkplaceInput;
  municipalityCode: string;
  /** The language of the form: the confirmation mail's. */
  locale: 'ja' | 'en';
  website: string;
};

export type LearnerProfile = {
  displayName: string;
  email: string;
  profile: {
    profession: Profession;
    professionGroup: ProfessionGroup;
    workplace: Workplace;
    municipalityCode: string | null;
    municipalityName: string | null;
    version: number;
    updatedAt: string;
  } | null;
};
export type ProfileBody = {
  version?: number;
  displayName: string;
  profession: Profession;
  workplace: WorkplaceInput;
  municipalityCode: string;
};

export type MyLearning = {
  applications: {
    id: string;
    sessionId: string;
    sessionTitle: string;
    courseTitle: string;
    courseKind: string;
    sessionStatus: string;
    status: string;
    waitRank: number | null;
    firstDay: string | null;
    appliedAt: string;
  }[];
  upcoming: {
    sessionId: string;
    sessionTitle: string;
    courseTitle: string;
    delivery: string;
    place: string;
    seq: number;
    heldOn: string;
    startsAt: string | null;
    endsAt: string | null;
  }[];
  completions: { count: number; latestOn: string | null };
};

export type SignUpRow = {
  id: string;
  displayName: string;
  email: string;
  profession: Profession;
  professionGroup: ProfessionGroup;
  workplace: Workplace;
  municipalityCode: string;
  municipalityName: string | null;
  status: SignUpStatus;
  emailTaken: boolean;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  version: number;
};

export type InviteRow = {
  line: number;
  name: string;
  email: string;
  profession: Profession | null;
  workplace: Workplace;
  municipalityCode: string | null;
  outcome: InviteRowOutcome;
  issues: { field: string; code: string }[];
  invitationUrl: string | null;
};
export type InvitePlan = { rows: InviteRow[]; counts: Record<InviteRowOutcome, number> };

const PUBLIC = '/api/public/learning';
const ME = '/api/learning/me';
const STAFF = '/api/learning/learners';

export function useSignUpOptions() {
  return useQuery({
    queryKey: ['learner-sign-up-options'],
    queryFn: () => api.get<SignUpOptions>(`${PUBLIC}/sign-up/options`),
    staleTime: 300_000,
  });
}

export function useWorkplaceSearch(prefecture: string, q: string) {
  return useQuery({
    queryKey: ['learner-workplaces', prefecture, q],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; municipalityName: string | null }[] }>(
        `${PUBLIC}/sign-up/workplaces`,
        { prefecture, q },
        signal,
      ),
    enabled: Boolean(prefecture) && q.trim().length >= 2,
    staleTime: 60_000,
  });
}

export function useSignUp() {
  return useMutation({
    mutationFn: (body: SignUpBody) =>
      api.post<{ received: true; confirmation: 'centre' | 'email' }>(`${PUBLIC}/sign-up`, body),
  });
}

/** Completes a sign-up from its mailed link (`/learning/sign-up/confirm#token=…`). */
export function useConfirmSignUp() {
  return useMutation({
    mutationFn: (token: string) => api.post<{ confirmed: true }>(`${PUBLIC}/sign-up/confirm`, { token }),
  });
}

export function useMyLearning() {
  return useQuery({ queryKey: ['my-learning'], queryFn: () => api.get<MyLearning>(ME) });
}

export function useMyProfile() {
  return useQuery({
    queryKey: ['my-learner-profile'],
    queryFn: () => api.get<LearnerProfile>(`${ME}/profile`),
  });
}

export function useSaveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileBody) => apiFetch<LearnerProfile>('PUT', `${ME}/profile`, { body }),
    onSuccess: (data) => {
      qc.setQueryData(['my-learner-profile'], data);
      void qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export function useSignUps(status: SignUpStatus) {
  return useQuery({
    queryKey: ['learner-sign-ups', status],
    queryFn: () => api.get<{ items: SignUpRow[]; pendingCount: number }>(`${STAFF}/sign-ups`, { status }),
  });
}

export function useDecideSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      decision,
      version,
    }: {
      id: string;
      decision: 'approve' | 'reject';
      version: number;
    }) => api.post(`${STAFF}/sign-ups/${encodeURIComponent(id)}/${decision}`, { version }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['learner-sign-ups'] }),
  });
}

/** Sends the list file's bytes as they are (.xlsx or CSV; the server reads either). */
async function postList(qc: QueryClient, path: string, file: File): Promise<InvitePlan> {
  const session = qc.getQueryData(sessionQuery.queryKey);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/octet-stream',
  };
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
  const data = (await res.json().catch(() => null)) as
    | (InvitePlan & { error?: { code?: string; ja?: string; en?: string; issues?: [] } })
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
  return data as InvitePlan;
}

export function useInvitePreview() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (file: File) => postList(qc, `${STAFF}/invitations/preview`, file) });
}

export function useInvite() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (file: File) => postList(qc, `${STAFF}/invitations`, file) });
}
