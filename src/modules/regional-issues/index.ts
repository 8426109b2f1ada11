import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { issueRoutes } from './routes-issues';
import { projectRoutes } from './routes-projects';

/**
 * 地域課題 (regional issues, NA-1, KA-4; decision 0023, docs/municipal-support.md §4): raised in a region, carried
 * up to the prefectural council, proposed to the prefecture and answered, with evidence and history.
 */
export const regionalIssuesModule: Module = {
  name: 'regional-issues',
  basePath: '/api/regional-issues',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', issueRoutes(deps));
    return r;
  },
};

/** 社会資源の開発 (resource-development projects, KA-3, KA-4; docs/municipal-support.md §5). */
export const developmentProjectsModule: Module = {
  name: 'development-projects',
  basePath: '/api/development-projects',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', projectRoutes(deps));
    return r;
  },
};
