import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

/** In-app notifications (e.g. a child moved into the user's municipality). */

export type Notification = {
  id: string;
  kind: string;
  titleJa: string;
  titleEn: string;
  /** The message as a code with parameters, rendered in the reader's language (null for old rows). */
  text: { code: string; params?: Record<string, string | number> } | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  /** When this user read it. */
  readAt: string | null;
  /** To the user's municipality, shared by its staff (each reads it for themselves). */
  shared: boolean;
};

export type NotificationList = { items: Notification[]; unread: number };

const KEY = ['notifications'] as const;

/** Polled when the window regains focus, so the count is fresh when the user comes back to the tab. */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', undefined, signal),
    enabled,
    staleTime: 0,
    refetchOnWindowFocus: 'always',
    refetchInterval: 5 * 60_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
}
