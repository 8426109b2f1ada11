import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { actionRoutes } from './routes-actions';
import { bodyRoutes } from './routes-bodies';
import { materialRoutes } from './routes-materials';
import { meetingRoutes } from './routes-meetings';
import { calendarFeedRoutes, publicMinutesRoutes } from './routes-public';

/**
 * 協議の場 (councils and meetings; docs/municipal-support.md §3): bodies at each tier with members, charter and
 * schedule; meetings with agenda, attendance, minutes, decisions and action items; calendars.
 */
export const councilsModule: Module = {
  name: 'councils',
  basePath: '/api/councils',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', actionRoutes(deps));
    r.route('/', bodyRoutes(deps));
    r.route('/', meetingRoutes(deps));
    r.route('/', materialRoutes(deps));
    return r;
  },
};

/** Public requests per client address and minute on each server, like the other public pages (decision 0015). */
export const PUBLIC_COUNCIL_RATE_LIMIT = { limit: 300, windowMs: 60_000 };

/** The public minutes (no sign-in). */
export const publicCouncilsModule: Module = {
  name: 'public-councils',
  basePath: '/api/public/councils',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', perServerLimit(deps, PUBLIC_COUNCIL_RATE_LIMIT));
    r.route('/', publicMinutesRoutes(deps));
    return r;
  },
};

/**
 * Personal calendar feeds by token (`/api/public/calendar/{token}.ics`): calendar apps cannot sign in, so the
 * feed lives with the other endpoints that take no session (no cookie, no CSRF header), limited like them.
 */
export const calendarFeedModule: Module = {
  name: 'calendar-feed',
  basePath: '/api/public/calendar',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', perServerLimit(deps, PUBLIC_COUNCIL_RATE_LIMIT));
    r.route('/', calendarFeedRoutes(deps));
    return r;
  },
};
