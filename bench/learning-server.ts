/**
 * The server of `npm run bench:learning` in its own process (bench/load-server.ts: the production entry, which
 * answers the IPC message 'memory' with its own memory use and CPU time), its request log (route → times) and
 * how to wait for it and stop it.
 */
import { fork } from 'node:child_process';
import { createInterface } from 'node:readline';

export type ServerMemory = {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  maxRss: number;
  cpuMicros: number;
};

export function startServer(
  env: Record<string, string>,
  port: number,
  secretKey: string,
  /** A directory for the server's V8 CPU profile, written when it stops (open it in Chrome DevTools). */
  cpuProfDir?: string,
) {
  const child = fork(new URL('./load-server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [])],
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TSUNAGU_SECRET: secretKey,
      TRUST_PROXY: 'true',
      DEMO_SEED: 'never',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const routes = new Map<string, number[]>();
  let recording = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!recording || !line.includes('"route"')) return;
    try {
      const r = JSON.parse(line) as { method?: string; route?: string; ms?: number };
      if (r.route && typeof r.ms === 'number') {
        const key = `${r.method} ${r.route}`;
        const times = routes.get(key);
        if (times) times.push(r.ms);
        else routes.set(key, [r.ms]);
      }
    } catch {
      // not a request line
    }
  });
  // Answers come back in order; a queue lets samples overlap other requests for the memory.
  const waiting: ((m: ServerMemory) => void)[] = [];
  child.on('message', (m) => waiting.shift()?.(m as ServerMemory));
  return {
    child,
    routes,
    memory: () =>
      new Promise<ServerMemory>((resolve) => {
        waiting.push(resolve);
        child.send('memory');
      }),
    record(on: boolean) {
      recording = on;
      if (on) routes.clear();
    },
    /** Waits until the app answers (a signed-out request is refused with 401; 503 while starting). */
    async ready(base: string) {
      for (let i = 0; i < 900; i++) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
        try {
          if ((await fetch(`${base}/api/home/figures`)).status === 401) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('server did not start');
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Several app servers over one database, as production scales out behind a load balancer (the servers keep no
 * state of their own): clients spread their requests over `bases`; memory and CPU are summed over the servers
 * and the request logs merged.
 */
export function startServers(
  count: number,
  env: Record<string, string>,
  ports: number[],
  secretKey: string,
  cpuProfDir?: string,
) {
  const servers = ports.slice(0, count).map((port) => startServer(env, port, secretKey, cpuProfDir));
  const bases = ports.slice(0, count).map((port) => `http://127.0.0.1:${port}`);
  return {
    bases,
    get routes() {
      const merged = new Map<string, number[]>();
      for (const s of servers) for (const [k, v] of s.routes) merged.set(k, [...(merged.get(k) ?? []), ...v]);
      return merged;
    },
    /** The first server's memory for the streaming phase; `all` sums over the servers. */
    memory: () => servers[0]!.memory(),
    async memoryAll(): Promise<ServerMemory> {
      const ms = await Promise.all(servers.map((s) => s.memory()));
      return ms.reduce((a, m) => ({
        rss: a.rss + m.rss,
        heapUsed: a.heapUsed + m.heapUsed,
        heapTotal: a.heapTotal + m.heapTotal,
        maxRss: a.maxRss + m.maxRss,
        cpuMicros: a.cpuMicros + m.cpuMicros,
      }));
    },
    record(on: boolean) {
      for (const s of servers) s.record(on);
    },
    async ready() {
      await Promise.all(servers.map((s, i) => s.ready(bases[i]!)));
    },
    stop: () => Promise.all(servers.map((s) => s.stop())).then(() => undefined),
  };
}
