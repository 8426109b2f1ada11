/**
 * The server of `npm run bench:load`, in its own process: the production entry (src/server/main.ts) with one
 * addition — it answers the benchmark's IPC message 'memory' with its own memory use and CPU time, so the figures printed are
 * the server's, not the load generator's.
 */
if (process.send) {
  process.on('message', (m) => {
    if (m !== 'memory') return;
    const mem = process.memoryUsage();
    process.send?.({
      type: 'memory',
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      external: mem.external,
      maxRss: process.resourceUsage().maxRSS * 1024,
      cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
    });
  });
}
await import('../src/server/main');

export {};
