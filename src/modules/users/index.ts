import type { Module } from '../../server/context';
import { usersRoutes } from './routes';

/** User administration: invitations, roles and scopes, disabling, TOTP and password resets. */
export const usersModule: Module = { name: 'users', basePath: '/api/admin/users', routes: usersRoutes };
