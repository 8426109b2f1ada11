import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../db/client';
import type { JobHandler, JobWorker } from '../jobs/queue';
import type { Schedule } from '../jobs/schedule';
import type { Actor, RequestMeta } from '../modules/access/actor';
import type { Config } from './config';
import type { Logger } from './logger';

/** What every module receives: no globals, so tests build an app per database. */
export type Deps = {
  db: Database;
  config: Config;
  log: Logger;
  /** The clock, replaceable in tests (session expiry, lock-out, TOTP). */
  now: () => Date;
  /** The background job worker (src/jobs/queue.ts); routes call `jobs.kick()` after committing a job. */
  jobs: JobWorker;
};

export type SessionState = {
  id: string;
  csrfToken: string;
  userId: string;
  secondFactorDone: boolean;
  /** The user's role requires TOTP and none is enrolled yet: only enrolment endpoints are open. */
  mustEnrolTotp: boolean;
  /** The user must still enter a TOTP code. */
  mustVerifyTotp: boolean;
};

/** Typed request context (Hono variables). */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    meta: RequestMeta;
    session: SessionState | null;
    /** Set when the session is complete (password and, where required, second factor). */
    actor: Actor | null;
  };
};

/** A domain module: a Hono sub-app mounted at a base path. Registered in server/modules.ts. */
export type Module = {
  name: string;
  basePath: string;
  routes: (deps: Deps) => OpenAPIHono<AppEnv>;
  /** Background job handlers by kind (names prefixed with the module's name, e.g. 'census.import'). */
  jobs?: (deps: Deps) => Record<string, JobHandler>;
  /** Jobs of this module queued on a schedule, one per prefecture and period (src/jobs/schedule.ts). */
  schedules?: readonly Schedule[];
};
