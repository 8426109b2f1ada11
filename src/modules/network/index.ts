import type { Module } from '../../server/context';
import { networkRoutes } from './routes';

/** Network configuration: tenants, regions, centres, organisations and people (no personal data of children). */
export const networkModule: Module = { name: 'network', basePath: '/api/network', routes: networkRoutes };
