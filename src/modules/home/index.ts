import type { Module } from '../../server/context';
import { homeRoutes } from './routes';

export const homeModule: Module = { name: 'home', basePath: '/api/home', routes: homeRoutes };
