import type { z } from '@hono/zod-openapi';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type {
  ZPublicFirstWindows,
  ZPublicPageView,
  ZPublicSite,
} from '../../../../../src/modules/public-site/schemas';
import type { ContentLang } from '../../../../../src/shared/vocab/public-site';
import { useLocale } from '../../../i18n';
import { api } from '../../../lib/api';

/**
 * The public site's reads (GET /api/public/site…): the frame (centre contact, notices, pages), one page and the
 * first windows. Types are the server's Zod contract, imported as types only (no Zod in the bundle).
 */
export type PublicSite = z.infer<typeof ZPublicSite>;
export type PublicPageView = z.infer<typeof ZPublicPageView>;
export type PublicFirstWindows = z.infer<typeof ZPublicFirstWindows>;

const KEY = 'tsunagu.publicPrefecture';
const listeners = new Set<() => void>();

function readStored(): string | undefined {
  try {
    const fromUrl = new URLSearchParams(window.location.search).get('prefecture');
    if (fromUrl && /^\d{2}$/.test(fromUrl)) return fromUrl;
    const v = window.localStorage.getItem(KEY);
    return v && /^\d{2}$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The prefecture whose site is on show: ?prefecture= in the address, else the one chosen before on this device
 * (a deployment serving one prefecture needs no choice: the server answers with its only one).
 */
export function usePublicPrefecture(): [string | undefined, (code: string) => void] {
  const code = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readStored,
    () => undefined,
  );
  const set = useCallback((c: string) => {
    try {
      window.localStorage.setItem(KEY, c);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    for (const l of listeners) l();
  }, []);
  return [code, set];
}

/** The content language: ?lang= (ja, en, easy) when given, else the screen's language. */
export function useContentLang(): ContentLang {
  const { locale } = useLocale();
  const raw = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('lang');
  return raw === 'ja' || raw === 'en' || raw === 'easy' ? raw : locale;
}

export function usePublicSite(lang: ContentLang) {
  const [prefecture] = usePublicPrefecture();
  return useQuery({
    queryKey: ['public-site', prefecture ?? '', lang],
    queryFn: ({ signal }) => api.get<PublicSite>('/api/public/site', { prefecture, lang }, signal),
    staleTime: 30_000,
  });
}

export function usePublicPage(prefecture: string | undefined, slug: string, lang: ContentLang) {
  return useQuery({
    enabled: !!prefecture,
    queryKey: ['public-site', 'page', prefecture, slug, lang],
    queryFn: ({ signal }) =>
      api.get<PublicPageView>(
        `/api/public/site/pages/${encodeURIComponent(slug)}`,
        { prefecture, lang },
        signal,
      ),
    retry: false,
  });
}

export function usePublicFirstWindows(prefecture: string | undefined) {
  return useQuery({
    enabled: !!prefecture,
    queryKey: ['public-site', 'first-windows', prefecture],
    queryFn: ({ signal }) =>
      api.get<PublicFirstWindows>('/api/public/site/first-windows', { prefecture }, signal),
  });
}
