import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { storyRoutes } from './routes';

/**
 * The good-practice library (好事例, docs/knowledge.md §4; NA-2, MI-3, KU-4): anonymised stories written from a
 * consultation, an engagement or a council meeting, checked for personal data by a second person, published to
 * every staff user of the prefecture, searchable, and suggested from a consultation ("who solved this before").
 */
export const goodPracticesModule: Module = {
  name: 'good-practices',
  basePath: '/api/good-practices',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', storyRoutes(deps));
    return r;
  },
};
