import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdminScope } from '../admin-scope';
import { api } from '../api';

/** The working-day calendar's extra closed days (`/api/calendar/closures`). */

export type Closure = { id: string; closedOn: string; label: string; createdAt: string };
export type ClosuresYear = {
  year: number;
  holidays: { date: string; ja: string; en: string }[];
  closures: Closure[];
  canManage: boolean;
};

const BASE = '/api/calendar/closures';

export function useClosures(year: number) {
  const scope = useAdminScope();
  return useQuery({
    queryKey: ['calendar', scope.prefecture ?? '-', year],
    queryFn: ({ signal }) => api.get<ClosuresYear>(BASE, { year, ...scope.params }, signal),
    enabled: scope.ready,
  });
}

export function useAddClosure() {
  const scope = useAdminScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { closedOn: string; label: string }) => api.post<Closure>(BASE, body, scope.params),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

export function useRemoveClosure() {
  const scope = useAdminScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (on: string) => api.delete<unknown>(BASE, { ...scope.params, on }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}
