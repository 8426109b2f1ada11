import type { Module } from '../../server/context';
import { registryRoutes } from './routes';

export const registryModule: Module = { name: 'registry', basePath: '/api/children', routes: registryRoutes };
