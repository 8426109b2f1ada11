// Load generator for the benchmarks, in its own thread so the client's work does not share the server's
// event loop (as real browsers would not). Receives {base, paths, cookie, concurrency}; replies with the
// duration of each request in ms and the wall time.
import { parentPort, workerData } from 'node:worker_threads';

const { base, paths, cookie, concurrency } = workerData;
const durations = [];
let next = 0;
const started = performance.now();
async function worker() {
  for (;;) {
    const i = next++;
    if (i >= paths.length) return;
    const t0 = performance.now();
    const res = await fetch(base + paths[i], { headers: cookie ? { cookie } : {} });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`status ${res.status} for ${paths[i]}`);
    durations.push(performance.now() - t0);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
parentPort.postMessage({ durations, wallMs: performance.now() - started });
