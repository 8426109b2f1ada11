import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseLibrarySearch } from './search';

/** The library (資料ライブラリ; docs/knowledge.md §2). Pages load lazily; the API decides every request. */
export function libraryRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'library',
    validateSearch: parseLibrarySearch,
    component: lazyRouteComponent(() => import('./LibraryPage'), 'LibraryPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'library/new',
    component: lazyRouteComponent(() => import('./NewItemPage'), 'NewItemPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'library/$itemId',
    component: lazyRouteComponent(() => import('./ItemPage'), 'ItemPage'),
  });
  const sheet = createRoute({
    getParentRoute: () => parent,
    path: 'library/$itemId/sheet',
    component: lazyRouteComponent(() => import('./SheetPage'), 'SheetPage'),
  });
  return [list, create, one, sheet] as const;
}
