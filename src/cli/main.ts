import { loadConfig } from '../server/config';
import { openConfiguredDatabase } from './database';
import { processIO } from './io';
import { promptHidden } from './prompt';
import { runCli } from './run';

/**
 * Entry point of `tsunagu` (bin/tsunagu.mjs, `npm run tsunagu -- …`). Sets the exit code instead of calling
 * process.exit, so piped output is flushed before the process ends.
 */
process.exitCode = await runCli(process.argv.slice(2), {
  io: processIO,
  env: process.env,
  now: () => new Date(),
  loadConfig: () => loadConfig(),
  openDb: openConfiguredDatabase,
  promptHidden,
});
