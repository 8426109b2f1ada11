import type { Module } from '../../server/context';
import { auditRoutes } from './routes';

/** The audit module: search, export and verification of the hash-chained audit log. */
export const auditModule: Module = { name: 'audit', basePath: '/api/audit', routes: auditRoutes };
