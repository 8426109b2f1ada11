import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreatePublicPageRequest,
  ZFirstWindowList,
  ZPublicPage,
  ZPublicPageList,
  ZSetFirstWindowRequest,
  ZUpdatePublicPageRequest,
} from '../../../../src/modules/public-site/schemas';
import { api, apiFetch } from '../../lib/api';

/** The public site's editing API (/api/public-site), for the centre's HQ. */
export type PageList = z.infer<typeof ZPublicPageList>;
export type PublicPage = z.infer<typeof ZPublicPage>;
export type FirstWindowList = z.infer<typeof ZFirstWindowList>;
export type PageInput = z.input<typeof ZCreatePublicPageRequest>;

const KEY = ['public-site-staff'] as const;

export function usePages() {
  return useQuery({
    queryKey: [...KEY, 'pages'],
    queryFn: ({ signal }) => api.get<PageList>('/api/public-site/pages', undefined, signal),
  });
}

export function usePage(id: string | undefined) {
  return useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'page', id],
    queryFn: ({ signal }) => api.get<PublicPage>(`/api/public-site/pages/${id}`, undefined, signal),
  });
}

export function useSavePage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: PageInput | z.input<typeof ZUpdatePublicPageRequest> }) =>
      v.id
        ? apiFetch<PublicPage>('PUT', `/api/public-site/pages/${v.id}`, { body: v.body })
        : api.post<PublicPage>('/api/public-site/pages', v.body),
    onSuccess: (page) => {
      qc.setQueryData([...KEY, 'page', page.id], page);
      void qc.invalidateQueries({ queryKey: [...KEY, 'pages'] });
    },
  });
}

export function useFirstWindows() {
  return useQuery({
    queryKey: [...KEY, 'first-windows'],
    queryFn: ({ signal }) => api.get<FirstWindowList>('/api/public-site/first-windows', undefined, signal),
  });
}

export function useSetFirstWindow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { code: string; body: z.input<typeof ZSetFirstWindowRequest> }) =>
      apiFetch<{ version: number }>('PUT', `/api/public-site/first-windows/${v.code}`, { body: v.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...KEY, 'first-windows'] }),
  });
}
