import type { Module } from '../../server/context';
import { municipalityRoutes } from './routes';

/**
 * The page per municipality (市町村カルテ, docs/municipal-support.md §1): maturity items and four-division
 * contacts with their history and sources, what the product knows of the municipality within the reader's
 * scope, and the prefecture view of every municipality's maturity year on year.
 */
export const municipalitiesModule: Module = {
  name: 'municipalities',
  basePath: '/api/municipalities',
  routes: (deps) => municipalityRoutes(deps),
};
