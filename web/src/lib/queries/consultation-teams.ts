import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZSuperviseTeam, ZTeamsOverview } from '../../../../src/modules/consultations/schemas-teams';
import { api } from '../api';
import { apiParams, type ChildList } from './children-list';

/** The teams screen (tier teams and supervise teams, ME-2) and the registry search of intake. */

export type TeamsOverview = z.infer<typeof ZTeamsOverview>;
export type SuperviseTeam = z.infer<typeof ZSuperviseTeam>;

const base = '/api/consultations';

export function useTeamsOverview() {
  return useQuery({
    queryKey: ['consultations', 'teams', 'overview'],
    queryFn: ({ signal }) => api.get<TeamsOverview>(`${base}/teams/overview`, undefined, signal),
  });
}

export type FormSuperviseTeamBody = { name: string; centreId: string | null; memberPersonIds: string[] };
export type UpdateSuperviseTeamBody = {
  version: number;
  name?: string;
  memberPersonIds?: string[];
  active?: boolean;
};

/** Saving a team refreshes every team query (the overview and the choices of the case page). */
function useTeamMutation<V>(fn: (v: V) => Promise<SuperviseTeam>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['consultations', 'teams'] });
    },
  });
}

export function useFormSuperviseTeam() {
  return useTeamMutation((body: FormSuperviseTeamBody) =>
    api.post<SuperviseTeam>(`${base}/supervise-teams`, body),
  );
}

export function useUpdateSuperviseTeam() {
  return useTeamMutation(({ id, ...body }: UpdateSuperviseTeamBody & { id: string }) =>
    api.patch<SuperviseTeam>(`${base}/supervise-teams/${encodeURIComponent(id)}`, body),
  );
}

export type NetworkPerson = {
  id: string;
  familyName: string;
  givenName: string;
  profession: string | null;
  organisationName: string | null;
};

export const PEOPLE_PICK_PAGE_SIZE = 20;

/** People of the network found by name (kanji or kana), queried only once a search was asked for. */
export function usePeopleSearch(q: string | null) {
  return useQuery({
    queryKey: ['network', 'people', 'supervise-pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: NetworkPerson[]; total: number }>(
        '/api/network/people',
        { q: q ?? undefined, pageSize: PEOPLE_PICK_PAGE_SIZE },
        signal,
      ),
    enabled: q !== null,
  });
}

/** What intake searches the registry by: a name in kanji or kana, a birth date as typed (西暦 or 和暦). */
export type ChildSearchFilter = { q?: string; birthDate?: string };

export const CHILD_PICK_PAGE_SIZE = 10;

/**
 * The registry list (already limited by the server to what the user may see, consent included), queried only
 * once a search was asked for.
 */
export function useChildSearch(filter: ChildSearchFilter | null) {
  return useQuery({
    queryKey: ['children', 'list', 'intake', filter],
    queryFn: ({ signal }) =>
      api.get<ChildList>(
        '/api/children',
        { ...apiParams(filter ?? {}), pageSize: CHILD_PICK_PAGE_SIZE },
        signal,
      ),
    enabled: filter !== null,
  });
}
