import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZApplicantsResponse,
  ZApplyContext,
  ZApplyRequest,
  ZMyApplications,
} from '../../../../../src/modules/learning/schemas-applications';
import { apiFetch } from '../../../lib/api';

/**
 * Applications and the balanced selection (docs/learning.md §3). The types are the server's Zod contract
 * (src/modules/learning/schemas-applications.ts), imported as types only.
 */

export type Applicants = z.infer<typeof ZApplicantsResponse>;
export type Applicant = Applicants['items'][number];
export type Selection = NonNullable<Applicants['selection']>;
export type ApplyContext = z.infer<typeof ZApplyContext>;
export type ApplyBody = z.input<typeof ZApplyRequest>;
export type MyApplication = z.infer<typeof ZMyApplications>['items'][number];

type Done = { ok: true; movedUp?: string | null };

const applicantsKey = (sessionId: string) => ['learning', 'applicants', sessionId] as const;
const MY_KEY = ['learning', 'me', 'applications'] as const;

export function useApplicants(sessionId: string) {
  return useQuery({
    queryKey: applicantsKey(sessionId),
    queryFn: ({ signal }) =>
      apiFetch<Applicants>('GET', `/api/learning/sessions/${sessionId}/applicants`, { signal }),
  });
}

/** Every staff action on the applicants refreshes the list (also after a 409, to show the current state). */
function useStaffAction<V>(sessionId: string, call: (v: V) => Promise<Done>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => qc.invalidateQueries({ queryKey: applicantsKey(sessionId) }),
  });
}

export function useRunSelection(sessionId: string) {
  return useStaffAction(sessionId, (body: { selectionVersion: number; seed?: string }) =>
    apiFetch<Done>('POST', `/api/learning/sessions/${sessionId}/selection`, { body }),
  );
}

export function useAnnounce(sessionId: string) {
  return useStaffAction(sessionId, (version: number) =>
    apiFetch<Done>('POST', `/api/learning/sessions/${sessionId}/selection/announce`, { body: { version } }),
  );
}

export type SeatAction =
  | { kind: 'override'; id: string; outcome: 'selected' | 'not_selected'; reason: string; version: number }
  | { kind: 'cancel'; id: string; reason: string; version: number };

export function useSeatAction(sessionId: string) {
  return useStaffAction(sessionId, (a: SeatAction) =>
    a.kind === 'override'
      ? apiFetch<Done>('POST', `/api/learning/applications/${a.id}/override`, {
          body: { outcome: a.outcome, reason: a.reason, version: a.version },
        })
      : apiFetch<Done>('POST', `/api/learning/applications/${a.id}/cancel`, {
          body: { reason: a.reason, version: a.version },
        }),
  );
}

export function useApplyContext(sessionId: string) {
  return useQuery({
    queryKey: ['learning', 'apply', sessionId],
    queryFn: ({ signal }) =>
      apiFetch<ApplyContext>('GET', `/api/learning/sessions/${sessionId}/apply`, { signal }),
  });
}

export function useApply(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) =>
      apiFetch<{ id: string }>('POST', `/api/learning/sessions/${sessionId}/apply`, { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['learning'] });
    },
  });
}

export function useMyApplications() {
  return useQuery({
    queryKey: MY_KEY,
    queryFn: ({ signal }) =>
      apiFetch<{ items: MyApplication[] }>('GET', '/api/learning/me/applications', { signal }),
  });
}

export function useCancelMine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; version: number }) =>
      apiFetch<Done>('POST', `/api/learning/me/applications/${a.id}/cancel`, {
        body: { version: a.version },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['learning'] }),
  });
}
