import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseIssueSearch, parseNewIssueSearch, parseNewProjectSearch, parseProjectSearch } from './search';

/**
 * Regional issues (地域課題) and development projects (社会資源の開発; docs/municipal-support.md §4–5). Pages load
 * lazily; each checks the role itself (./access.ts) and the API decides every request (404 outside the caller's
 * area). Fixed paths first.
 */
export function regionalIssueRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'regional-issues',
    validateSearch: parseIssueSearch,
    component: lazyRouteComponent(() => import('./IssuesPage'), 'IssuesPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'regional-issues/new',
    validateSearch: parseNewIssueSearch,
    component: lazyRouteComponent(() => import('./NewIssuePage'), 'NewIssuePage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'regional-issues/$issueId',
    component: lazyRouteComponent(() => import('./IssuePage'), 'IssuePage'),
  });
  const projects = createRoute({
    getParentRoute: () => parent,
    path: 'development-projects',
    validateSearch: parseProjectSearch,
    component: lazyRouteComponent(() => import('./ProjectsPage'), 'ProjectsPage'),
  });
  const newProject = createRoute({
    getParentRoute: () => parent,
    path: 'development-projects/new',
    validateSearch: parseNewProjectSearch,
    component: lazyRouteComponent(() => import('./NewProjectPage'), 'NewProjectPage'),
  });
  const project = createRoute({
    getParentRoute: () => parent,
    path: 'development-projects/$projectId',
    component: lazyRouteComponent(() => import('./ProjectPage'), 'ProjectPage'),
  });
  return [list, create, one, projects, newProject, project] as const;
}
