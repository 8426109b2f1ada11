// Probes for the import-interleave benchmark, in their own thread so that a blocked server event loop shows
// up in the timings (as it would for a load balancer or a user). Receives {base, cookie, searches, healthEveryMs,
// searchEveryMs}; probes until the parent posts 'stop'; replies with the durations of each kind in ms.

import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { base, cookie, searches, healthEveryMs, searchEveryMs } = workerData;
let stopped = false;
parentPort.on('message', (m) => {
  if (m === 'stop') stopped = true;
});
const health = [];
const search = [];
const failures = [];

async function timed(path, headers, into) {
  const t0 = performance.now();
  const res = await fetch(base + path, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) failures.push(`${res.status} ${path}`);
  into.push(performance.now() - t0);
}

async function loop(everyMs, probe) {
  for (let i = 0; !stopped; i++) {
    const t0 = performance.now();
    await probe(i);
    await sleep(Math.max(0, everyMs - (performance.now() - t0)));
  }
}

await Promise.all([
  loop(healthEveryMs, () => timed('/healthz', {}, health)),
  loop(searchEveryMs, (i) => timed(searches[i % searches.length], { cookie }, search)),
]);
parentPort.postMessage({ health, search, failures });
