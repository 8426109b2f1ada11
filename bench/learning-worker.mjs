// The worker thread's entry: registers tsx in the thread (a worker's entry is loaded before hooks inherited from
// the parent apply), then runs the TypeScript clients (bench/learning-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./learning-worker.ts');
