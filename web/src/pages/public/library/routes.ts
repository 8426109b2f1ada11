import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The public library's address: ?prefecture=14&situation=… (bookmarkable). */
export type PublicLibrarySearch = { prefecture?: string; situation?: string };

export function parsePublicLibrarySearch(raw: Record<string, unknown>): PublicLibrarySearch {
  const prefecture =
    typeof raw.prefecture === 'string' || typeof raw.prefecture === 'number' ? String(raw.prefecture) : '';
  return {
    prefecture: /^\d{2}$/.test(prefecture) ? prefecture : undefined,
    situation:
      typeof raw.situation === 'string' && /^[a-z_]{1,40}$/.test(raw.situation) ? raw.situation : undefined,
  };
}

/**
 * The public library (/public/library, /public/library/{id}; no sign-in) in the light public entry
 * (public-main.tsx). The pages load lazily so the entry stays small; a family opens an item from the printed
 * sheet's address or QR code.
 */
export function publicLibraryRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'public/library',
    validateSearch: parsePublicLibrarySearch,
    component: lazyRouteComponent(() => import('./PublicLibraryPage'), 'PublicLibraryPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'public/library/$itemId',
    component: lazyRouteComponent(() => import('./PublicLibraryPage'), 'PublicLibraryItemPage'),
  });
  return [list, one] as const;
}
