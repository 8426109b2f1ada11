import type { Module } from '../../server/context';
import { notificationRoutes } from './routes';

/** In-app notifications (e.g. a child moved into the user's municipality). Others write them with notify(). */
export const notificationsModule: Module = {
  name: 'notifications',
  basePath: '/api/notifications',
  routes: notificationRoutes,
};
