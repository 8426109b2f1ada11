import type { Module } from '../../server/context';
import { calendarRoutes } from './routes';

/** The working-day calendar: a prefecture's extra closed days (`calendar.ts` reads the calendar for deadlines). */
export const calendarModule: Module = { name: 'calendar', basePath: '/api/calendar', routes: calendarRoutes };
