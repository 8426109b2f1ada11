import type { Database } from '../db/client';
import { createJobWorker } from '../jobs/queue';
import { withMailHandlers } from '../modules/notifications/mail-context';
import type { Config } from './config';
import type { Deps } from './context';
import type { Logger } from './logger';
import { moduleJobHandlers } from './modules';

/** Builds the dependencies of one app: the job worker's handlers come from the modules and close over them. */
export function createDeps(base: { db: Database; config: Config; log: Logger; now: () => Date }): Deps {
  const deps: Deps = {
    ...base,
    jobs: createJobWorker({
      db: base.db,
      log: base.log,
      now: base.now,
      handlers: () => withMailHandlers(moduleJobHandlers(deps), base.config.mail),
    }),
  };
  return deps;
}
