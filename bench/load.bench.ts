/**
 * `npm run bench:load`: the staff mix under load — children search, the consultation queue, the home figures and
 * the public resources search from many client addresses (bench/load-mix.ts, autocannon) — against a server in its
 * own process (bench/load-server.ts → src/server/main.ts, TRUST_PROXY=true, request logs on as in production), on
 * each engine:
 * - PostgreSQL: a fresh database `tsunagu_bench_load` on $BENCH_DATABASE_URL's server (default
 *   postgres://postgres@127.0.0.1:5432/test's), created and dropped here; 100 connections by default;
 * - PGlite: a temporary data directory; 20 connections by default.
 * Data (bench/load-seed.ts): one prefecture (東京都) with 30,000 children, 100,000 consultations and 10,000
 * listings. Prints requests per second, client p50/p95/p99 overall and per kind, non-2xx answers by status,
 * errors and timeouts, the server's time per route (from its request log) and its memory before and after.
 *
 * Options: --engine=postgres|pglite|both (default both), --connections=N, --duration=S (default 60),
 * --children=N, --quick (10 s, 5,000 children, 20,000 consultations, 2,000 listings), --cpu-prof=DIR (the server's
 * V8 CPU profile, written when it stops), --only=children|queue|home|public (one kind alone, to measure its cost).
 * Target (decision 0015): client p99 < 500 ms and no errors at 100 connections on PostgreSQL for 60 s.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { migrateDatabase } from '../src/db/migrate';
import { type Engine, freePort, prepareEngine, runMain, signIn } from './bench-env';
import { KIND_LABELS, type Kind, type MixResult, runMix, WEIGHTS } from './load-mix';
import { type LoadSeed, seedLoad } from './load-seed';
import { percentile } from './stats';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const QUICK = args.has('quick');
const ONLY = args.get('only') as Kind | undefined;
if (ONLY && !(ONLY in WEIGHTS)) throw new Error(`--only: one of ${Object.keys(WEIGHTS).join(', ')}`);
const MIX_WEIGHTS: Record<Kind, number> = ONLY
  ? { children: 0, queue: 0, home: 0, public: 0, [ONLY]: 1 }
  : WEIGHTS;
const num = (k: string, fallback: number) => (args.has(k) ? Number(args.get(k)) : fallback);
const DURATION = num('duration', QUICK ? 10 : 60);
const WARMUP = QUICK ? 3 : 5;
const SIZES = {
  children: num('children', QUICK ? 5_000 : 30_000),
  consultations: QUICK ? 20_000 : 100_000,
  services: QUICK ? 2_000 : 10_000,
};
const ENGINES: Engine[] =
  args.get('engine') === 'postgres' || args.get('engine') === 'pglite'
    ? [args.get('engine') as Engine]
    : ['postgres', 'pglite'];
const DB_NAME = 'tsunagu_bench_load';
const PREFECTURE = '13';
const SECRET_KEY = 'bench-load-secret-bench-load-secret-0000000000';

type Memory = { rss: number; heapUsed: number; heapTotal: number; maxRss: number; cpuMicros: number };

/** The server process, its request log (route → times) and its memory on request. */
function startServer(env: Record<string, string>, port: number) {
  const child: ChildProcess = fork(new URL('./load-server.ts', import.meta.url).pathname, [], {
    // --cpu-prof=DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    execArgv: [
      '--import',
      'tsx',
      ...(args.has('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${args.get('cpu-prof')}`] : []),
    ],
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TSUNAGU_SECRET: SECRET_KEY,
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
  const memory = () =>
    new Promise<Memory>((resolve) => {
      child.once('message', (m) => resolve(m as Memory));
      child.send('memory');
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return {
    child,
    routes,
    memory,
    stop,
    record: (on: boolean) => {
      recording = on;
      if (on) routes.clear();
    },
  };
}

/** Waits until the app answers (a signed-out request is refused with 401; 503 while the server is starting). */
async function waitForApp(base: string, child: ChildProcess) {
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
}

async function benchEngine(engine: Engine) {
  const connections = num('connections', engine === 'postgres' ? 100 : 20);
  const t0 = performance.now();
  const { db, env, cleanup } = await prepareEngine(engine, DB_NAME);
  let seed: LoadSeed;
  try {
    await migrateDatabase(db);
    seed = await seedLoad(db.systemDb, { prefectureCode: PREFECTURE, ...SIZES, secretKey: SECRET_KEY });
  } finally {
    await db.close();
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(env, port);
  try {
    await waitForApp(base, server.child);
    const cookies: string[] = [];
    for (const [i, u] of seed.users.entries())
      cookies.push((await signIn(base, u.email, `198.51.100.${1 + (i % 250)}`, u.totpSecret)).cookie);
    const input = {
      base,
      connections,
      staffCookies: cookies,
      queueCookies: cookies,
      kanaNames: seed.kanaNames,
      serviceMunicipalities: seed.serviceMunicipalities,
      weights: MIX_WEIGHTS,
    };
    // A short run first, not counted: compiled code paths, warm caches and pools, as on a server in service.
    await runMix({ ...input, durationSeconds: WARMUP });
    const before = await server.memory();
    server.record(true);
    const mix = await runMix({ ...input, durationSeconds: DURATION });
    server.record(false);
    const after = await server.memory();
    const load = loadavg()[0]!;
    return {
      engine,
      connections,
      seedSeconds,
      seed,
      mix,
      before,
      after,
      load,
      routes: new Map(server.routes),
    };
  } finally {
    await server.stop();
    await cleanup();
  }
}

const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

function print(r: Awaited<ReturnType<typeof benchEngine>>) {
  const m: MixResult = r.mix;
  const c = r.seed.counts;
  console.log(
    `\n[${r.engine}] ${c.children} children, ${c.consultations} consultations, ${c.services} listings in prefecture ${PREFECTURE}; ${r.seed.users.length} staff signed in (seeded in ${r.seedSeconds.toFixed(0)} s)`,
  );
  console.log(
    `  ${r.connections} connections for ${DURATION} s: ${m.requests} requests, ${m.perSecond.toFixed(0)} req/s; client p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms, p99 ${m.p99.toFixed(0)} ms`,
  );
  const non2xx = Object.entries(m.non2xx).map(([s, n]) => `${s}: ${n}`);
  console.log(
    `  non-2xx: ${non2xx.length ? non2xx.join(', ') : 'none'}; errors ${m.errors}; timeouts ${m.timeouts}`,
  );
  console.log(
    '  by kind (share)                                            n     p50       p95       p99   statuses',
  );
  for (const k of m.kinds) {
    const statuses = Object.entries(k.byStatus)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `  ${KIND_LABELS[k.kind].padEnd(52)} ${`${Math.round(MIX_WEIGHTS[k.kind] * 100)}%`.padStart(4)} ${String(k.n).padStart(6)} ${ms(k.p50)} ${ms(k.p95)} ${ms(k.p99)}   ${statuses}`,
    );
  }
  console.log('  server time per route (request log)                          n     p50       p99');
  for (const [route, times] of [...r.routes].sort((a, b) => b[1].length - a[1].length)) {
    console.log(
      `  ${route.padEnd(58)} ${String(times.length).padStart(6)} ${ms(percentile(times, 50))} ${ms(percentile(times, 99))}`,
    );
  }
  console.log(
    `  server memory: RSS ${mib(r.before.rss)} → ${mib(r.after.rss)} (peak ${mib(r.after.maxRss)}), heap used ${mib(r.before.heapUsed)} → ${mib(r.after.heapUsed)} of ${mib(r.after.heapTotal)}`,
  );
  console.log(
    `  machine: ${availableParallelism()} cores, load average ${r.load.toFixed(1)} at the end (other work on the machine slows both processes)`,
  );
  const cpuMs = (r.after.cpuMicros - r.before.cpuMicros) / 1000;
  console.log(
    `  server CPU: ${(cpuMs / 1000).toFixed(1)} s in ${DURATION} s (${((cpuMs / (DURATION * 1000)) * 100).toFixed(0)} % of one core), ${(cpuMs / Math.max(1, m.requests)).toFixed(1)} ms a request`,
  );
  if (r.engine === 'postgres' && r.connections >= 100 && DURATION >= 60 && !ONLY) {
    const met = m.p99 < 500 && m.errors === 0 && m.timeouts === 0 && Object.keys(m.non2xx).length === 0;
    console.log(`  target (p99 < 500 ms, no errors, 100 connections, 60 s): ${met ? 'met' : 'NOT met'}`);
  }
}

async function main() {
  console.log(
    `Tsunagu load benchmark — staff mix ${Object.entries(MIX_WEIGHTS)
      .map(([k, w]) => `${k} ${Math.round(w * 100)}%`)
      .join(', ')}; ${DURATION} s per engine after a ${WARMUP} s warm-up${QUICK ? ' (quick)' : ''}`,
  );
  for (const engine of ENGINES) print(await benchEngine(engine));
}

runMain(main);
