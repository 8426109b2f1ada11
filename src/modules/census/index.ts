import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { importJobHandler } from './import-job';
import { importRoutes } from './routes-imports';
import { runRoutes } from './routes-runs';
import { sheetRoutes } from './routes-sheets';
import { runJobHandler } from './run-job';

/**
 * 実態把握 (census): sources and imports (`routes-imports.ts`), the common sheet and rejected rows
 * (`routes-sheets.ts`), linkage runs, review and results (`routes-runs.ts`).
 */
export const censusModule: Module = {
  name: 'census',
  basePath: '/api/census',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', sheetRoutes(deps));
    r.route('/', importRoutes(deps));
    r.route('/', runRoutes(deps));
    return r;
  },
  jobs: (deps) => ({
    'census.import': importJobHandler(deps),
    'census.link': runJobHandler(deps),
  }),
};
