import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseNewStorySearch, parseStorySearch } from './search';

/**
 * The good-practice library (好事例; docs/knowledge.md §4). Pages load lazily; each checks the role itself
 * (./access.ts) and the API decides every request (404 for a draft outside the caller's area). Fixed paths first.
 */
export function goodPracticeRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'good-practices',
    validateSearch: parseStorySearch,
    component: lazyRouteComponent(() => import('./GoodPracticesPage'), 'GoodPracticesPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'good-practices/new',
    validateSearch: parseNewStorySearch,
    component: lazyRouteComponent(() => import('./NewStoryPage'), 'NewStoryPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'good-practices/$storyId',
    component: lazyRouteComponent(() => import('./StoryPage'), 'StoryPage'),
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: 'good-practices/$storyId/edit',
    component: lazyRouteComponent(() => import('./EditStoryPage'), 'EditStoryPage'),
  });
  return [list, create, one, edit] as const;
}
