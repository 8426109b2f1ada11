import type { Module } from '../../server/context';
import { publicCareScoreRoutes } from './routes';

/** The open care-score calculator API (no sign-in, nothing stored). */
export const publicCareScoreModule: Module = {
  name: 'public-care-score',
  basePath: '/api/public/care-score',
  routes: publicCareScoreRoutes,
};
