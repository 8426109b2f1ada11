import type { Module } from '../../server/context';
import { mailRoutes } from './routes';

/** Outgoing mail's administration: the outbox (decision 0028). Queuing is `queueMail` in outbox.ts. */
export const mailModule: Module = { name: 'mail', basePath: '/api/mail', routes: mailRoutes };
