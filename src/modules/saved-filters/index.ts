import type { Module } from '../../server/context';
import { savedFilterRoutes } from './routes';

/** Saved filters: each user's named filters of a list (the registry for now), replayed as query strings. */
export const savedFiltersModule: Module = {
  name: 'saved-filters',
  basePath: '/api/saved-filters',
  routes: savedFilterRoutes,
};
