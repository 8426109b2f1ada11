import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** ?kind= of a new page (the list's "write" actions). */
export function parseNewPageSearch(raw: Record<string, unknown>): { kind?: string } {
  return { kind: typeof raw.kind === 'string' && /^[a-z]{1,20}$/.test(raw.kind) ? raw.kind : undefined };
}

/**
 * Editing the public site (docs/knowledge.md §3), for the centre's HQ: the pages, one page's form with its
 * preview and versions, and the first windows. Pages load lazily; the API refuses every other role (403).
 */
export function publicSiteStaffRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'public-site',
    component: lazyRouteComponent(() => import('./PagesPage'), 'PagesPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'public-site/pages/new',
    validateSearch: parseNewPageSearch,
    component: lazyRouteComponent(() => import('./PageEditPage'), 'NewPagePage'),
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: 'public-site/pages/$pageId',
    component: lazyRouteComponent(() => import('./PageEditPage'), 'EditPagePage'),
  });
  const windows = createRoute({
    getParentRoute: () => parent,
    path: 'public-site/first-windows',
    component: lazyRouteComponent(() => import('./FirstWindowsPage'), 'FirstWindowsPage'),
  });
  return [list, create, edit, windows] as const;
}
