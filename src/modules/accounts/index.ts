import type { Module } from '../../server/context';
import { accountsRoutes } from './routes';

export const accountsModule: Module = { name: 'accounts', basePath: '/api/auth', routes: accountsRoutes };
