/**
 * Entry of the census list reader's worker thread (parse-off-thread.ts). On Node 20 a worker thread does not
 * take the server's TypeScript loader (`node --import tsx`), not even from its execArgv, and could not load
 * parse-worker.ts: every large list was read on the server's own thread. The loader is registered here first.
 */
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
