import type { Module } from '../../server/context';
import { disasterEventRoutes } from './routes';

/**
 * Outage lists with safety checks, declared events (break-glass) with their access review, and the directory's
 * shelters and admissions (docs/disaster.md §4–6, decision 0031).
 */
export const disasterEventsModule: Module = {
  name: 'disaster-events',
  basePath: '/api/disaster-events',
  routes: (deps) => disasterEventRoutes(deps),
};
