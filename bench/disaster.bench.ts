/**
 * `npm run bench:disaster`: the outage list (docs/disaster.md §4) of the prefecture with the most children at
 * national scale (src/demo/national.ts: 21,000 children with their devices and disaster-planning consents), for the
 * whole prefecture since an outage three hours ago, read by a whole-prefecture centre staff member against a server
 * in its own process (bench/learning-server.ts → src/server/main.ts, request logs on as in production). The list is
 * recomputed every minute by each of 8 users. Two measures: (1) the scenario's worst minute — the 8 screens refresh
 * at the same moment, then the list is idle until the next refresh (rounds of 8 at once, 300 ms apart); the target
 * is judged on it; (2) that load many times over — 8 clients in a worker thread (bench/load-worker.mjs), closed
 * loop, after a warm-up, each refresh waiting behind the seven others (about 100 refreshes a second instead of 8
 * a minute).
 * Engines: PostgreSQL by default (a fresh database `tsunagu_bench_disaster` on $BENCH_DATABASE_URL's server),
 * --engine=pglite|both for the embedded one.
 *
 * Options: --engine=postgres|pglite|both, --requests=N (default 800), --concurrency=N (default 8), --children=N,
 * --prefecture=NN (default: the one with the most children), --limit=N (rows a refresh asks for; default the screen's
 * 100), --bursts=N (rounds of 8 refreshes sent at the same moment, default 60), --quick (4,000 children, 150
 * requests, 10 rounds), --apart (each of the 8 users reads a list no other reads — its own outage start, a minute
 * apart — so that no two refreshes share a run of the list's statement, decision 0033), --keep (leave the PostgreSQL database `tsunagu_bench_disaster` in place afterwards, to read the
 * list's plan with EXPLAIN).
 * Target (issue 17): p95 < 100 ms on PostgreSQL for 8 users whose lists refresh every minute.
 *
 * Measured (docs/disaster.md §4.1, where the history is): on a slower quiet 2-core VM (load 1.4–2.3 with the bench
 * itself), 7 Dec 2026, the screen's page of 100 rows with shared runs (decision 0033): 8 at the same moment p95
 * 79–83 ms (met; 106–133 ms before, alternated in the same half hour); back to back 129–153 refreshes a second,
 * p95 80–105 ms. With --apart (8 different lists, nothing shared): p95 125–131 ms at the same moment.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { generateNational } from '../src/demo/national';
import { generateTotpSecret, makeUser } from '../src/test/factories';
import { cliArgs, type Engine, freePort, prepareEngine, runMain, signIn } from './bench-env';
import { startServer } from './learning-server';
import { percentile } from './stats';

const { args, num, engines } = cliArgs();
const QUICK = args.has('quick');
const REQUESTS = num('requests', QUICK ? 150 : 800);
const CONCURRENCY = num('concurrency', 8);
const CHILDREN = num('children', QUICK ? 4_000 : 21_000);
const ENGINES = engines(['postgres']);
const DB_NAME = 'tsunagu_bench_disaster';
const SECRET_KEY = 'bench-disaster-secret-bench-disaster-secret-000';
const TARGET_MS = 100;
const BURSTS = num('bursts', QUICK ? 10 : 60);
/** Each user reads a list of its own (no shared runs): the cost of 8 different lists of the same size at once. */
const APART = args.has('apart');
/** Rows asked for per refresh (the screen asks for the first page; `--limit` as a print or a longer screen would). */
const LIMIT = args.get('limit');

/**
 * A server started on a national database first runs the day's jobs of every prefecture (digests, reminders,
 * escalations, clean-up: about 190 jobs, once a day in production). The refreshes are timed once those are done, so
 * that the figures are the list's own; returns the seconds waited (PostgreSQL only; the embedded database is the
 * server's own).
 */
async function jobsSettled(env: Record<string, string>): Promise<number | null> {
  if (!env.DATABASE_URL) return null;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const t0 = performance.now();
  try {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query(
        "select count(*)::int n from jobs where status in ('queued', 'running') and (run_after is null or run_after <= now())",
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
  return (performance.now() - t0) / 1000;
}

/** Rounds of the users' refreshes sent at once (one path a user), 300 ms apart; the duration of each in ms. */
async function burstsOf(base: string, paths: string[], cookie: string, rounds: number) {
  const durations: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await Promise.all(
      paths.map(async (path) => {
        const t0 = performance.now();
        const res = await fetch(base + path, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`outage list answered ${res.status}`);
        durations.push(performance.now() - t0);
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
  }
  return durations;
}

function loadFromWorker(data: { base: string; paths: string[]; cookie: string; concurrency: number }) {
  return new Promise<{ durations: number[]; wallMs: number }>((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function benchEngine(engine: Engine) {
  const t0 = performance.now();
  const { db, env, cleanup } = await prepareEngine(engine, DB_NAME);
  let reader: { email: string; totpSecret: string };
  let prefecture: string;
  let counts: Record<string, number>;
  try {
    await migrateDatabase(db);
    const national = await generateNational(db.systemDb, { seed: 1, children: CHILDREN });
    console.log(
      `  [${engine}] seeded ${national.counts.children} children (${(national.ms / 1000).toFixed(0)} s)`,
    );
    await db.systemDb.execute(sql`vacuum analyze`);
    const [largest] = rowsOf<{ p: string }>(
      await db.systemDb.execute(
        sql`select prefecture_code p from children group by 1 order by count(*) desc, 1 limit 1`,
      ),
    );
    prefecture = args.get('prefecture') ?? largest!.p;
    const totpSecret = generateTotpSecret();
    const user = await makeUser(
      db.systemDb,
      'centre_staff',
      { prefectureCode: prefecture, totpSecret },
      SECRET_KEY,
    );
    reader = { email: user.email, totpSecret };
    [counts] = rowsOf<Record<string, number>>(
      await db.systemDb.execute(sql`select
        (select count(*)::int from children where prefecture_code = ${prefecture} and status = 'at_home') children,
        (select count(distinct d.child_id)::int from child_devices d join children c on c.id = d.child_id
          where d.needs_mains and c.prefecture_code = ${prefecture}) dependent,
        (select count(*)::int from municipalities where prefecture_code = ${prefecture}) municipalities,
        (select count(*)::int from children) national`),
    ) as [Record<string, number>];
  } finally {
    await db.close();
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(env, port, SECRET_KEY, args.get('cpu-prof'));
  try {
    await server.ready(base);
    const { cookie } = await signIn(base, reader.email, '198.51.100.1', reader.totpSecret);
    const regions = (await (await fetch(`${base}/api/network/regions`, { headers: { cookie } })).json()) as {
      id: string;
    }[];
    // Every region of the prefecture: the whole prefecture's outage list.
    const regionIds = regions.map((r) => r.id).join(',');
    const pathSince = (minutesBefore: number) => {
      const since = new Date(Date.now() - 3 * 3_600_000 - minutesBefore * 60_000).toISOString();
      return `/api/disaster-events/outage?regions=${regionIds}&since=${encodeURIComponent(since)}${LIMIT ? `&limit=${LIMIT}` : ''}`;
    };
    const path = pathSince(0);
    // The users' lists: the same one, or with --apart one each (outage starts a minute apart).
    const userPaths = Array.from({ length: CONCURRENCY }, (_, i) => (APART ? pathSince(i) : path));
    const cycle = (n: number) => Array.from({ length: n }, (_, i) => userPaths[i % userPaths.length]!);
    const probe = await fetch(base + path, { headers: { cookie } });
    const first = (await probe.json()) as { total?: number; rows?: unknown[]; error?: unknown };
    if (probe.status !== 200)
      throw new Error(`outage list answered ${probe.status}: ${JSON.stringify(first)}`);
    const settled = await jobsSettled(env);
    server.record(true);
    await loadFromWorker({
      base,
      paths: cycle(CONCURRENCY * 2),
      cookie,
      concurrency: CONCURRENCY,
    });
    const before = loadavg()[0]!;
    const r = await loadFromWorker({
      base,
      paths: cycle(REQUESTS),
      cookie,
      concurrency: CONCURRENCY,
    });
    const after = loadavg()[0]!;
    // The scenario as users meet it: the 8 screens refresh at the same moment (the worst minute), then the list is
    // idle until the next refresh; rounds of 8 at once, a pause between them.
    const bursts = await burstsOf(base, userPaths, cookie, BURSTS);
    server.record(false);
    return {
      engine,
      prefecture,
      counts,
      listed: { total: first.total ?? 0, rows: first.rows?.length ?? 0 },
      seedSeconds,
      settled,
      ...r,
      bursts,
      load: [before, after] as const,
    };
  } finally {
    await server.stop();
    if (!args.has('keep') || engine !== 'postgres') await cleanup();
  }
}

const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;

async function main() {
  console.log(
    `Tsunagu disaster benchmark — the outage list of the largest prefecture at national scale${QUICK ? ' (quick)' : ''}`,
  );
  for (const engine of ENGINES) {
    const r = await benchEngine(engine);
    const d = r.durations;
    console.log(
      `\n[${r.engine}] ${r.counts.national} children nationally; prefecture ${r.prefecture}: ${r.counts.children} at home (${r.counts.dependent} electricity-dependent) in ${r.counts.municipalities} municipalities; the list ranks ${r.listed.total} and returns ${r.listed.rows} rows (seeded in ${r.seedSeconds.toFixed(0)} s${r.settled !== null ? `; the day's jobs done ${r.settled.toFixed(1)} s after start` : ''})`,
    );
    console.log(
      `  ${CONCURRENCY} users, ${d.length} requests after a warm-up: ${((d.length / r.wallMs) * 1000).toFixed(0)}/s, p50 ${ms(percentile(d, 50))}, p95 ${ms(percentile(d, 95))}, p99 ${ms(percentile(d, 99))}; load average ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} on ${availableParallelism()} cores`,
    );
    const b = r.bursts;
    console.log(
      `  ${CONCURRENCY} users refreshing at the same moment, ${b.length / CONCURRENCY} rounds: p50 ${ms(percentile(b, 50))}, p95 ${ms(percentile(b, 95))}, p99 ${ms(percentile(b, 99))}`,
    );
    const judged = r.engine === 'postgres' && !QUICK;
    const verdict = (v: number) =>
      judged ? (v < TARGET_MS ? 'met' : 'NOT met') : 'not judged (quick or embedded)';
    const p95 = percentile(d, 95);
    const p95b = percentile(b, 95);
    // The target's scenario is 8 users whose lists refresh every minute: judged on the refreshes sent at the same
    // moment (the worst of any minute); back to back is that load hundreds of times over, shown beside it.
    console.log(
      `  target p95 < ${TARGET_MS} ms on PostgreSQL, 8 users refreshing at the same moment: ${verdict(p95b)} (${p95b.toFixed(0)} ms); back to back, ${((d.length / r.wallMs) * 60_000).toFixed(0)} refreshes a minute instead of 8: p95 ${p95.toFixed(0)} ms${judged && p95 >= TARGET_MS ? ' (over the target at that load)' : ''}`,
    );
  }
}

runMain(main);
