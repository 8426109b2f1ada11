/**
 * `npm run bench:municipal`: the municipality page (市町村カルテ) and the prefecture maturity view at national scale
 * (bench/municipal-seed.ts: 1,741 municipalities with maturity items, two 年度 of history and engagements; 21,000
 * children; 1,000,000 consultations), read by a whole-prefecture centre staff member of the prefecture with the
 * most municipalities (北海道, 179+) against a server in its own process (bench/learning-server.ts →
 * src/server/main.ts, request logs on as in production). Clients in a worker thread (bench/load-worker.mjs),
 * closed loop, each kind alone:
 * - page: GET /api/municipalities/{code} over every municipality of the prefecture in turn;
 * - figures: GET /api/municipalities/{code}/figures (what the product knows, within the reader's scope);
 * - overview: GET /api/municipalities (the prefecture's maturity table and map), this 年度 and last in turn;
 * - report: the yearly activity report of the prefecture for last 年度 (GET /api/activity-report?fiscalYear=…, on
 *   screen and with format=xlsx), one at a time; skipped, with the reason printed, while its route answers 404.
 * Engines: PostgreSQL by default (a fresh database `tsunagu_bench_municipal` on $BENCH_DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432/test's, created and dropped here); --engine=pglite|both for the embedded one.
 *
 * Options: --engine=postgres|pglite|both, --requests=N (a kind; default 2,000), --concurrency=N (default 8),
 * --report-runs=N (default 5), --consultations=N, --children=N, --prefecture=NN (default 01),
 * --only=page|figures|overview|report, --quick (5,000 children, 100,000 consultations, 300 requests a kind, 2 report
 * runs), --cpu-prof=DIR (the server's V8 CPU profile).
 * Targets (issue): page, figures and overview p95 < 100 ms on PostgreSQL; the yearly report < 5 s.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { migrateDatabase } from '../src/db/migrate';
import { isoDateInJapan } from '../src/shared/dates';
import { nendoOf } from '../src/shared/nendo';
import { cliArgs, type Engine, freePort, prepareEngine, runMain, signIn } from './bench-env';
import { startServer } from './learning-server';
import { type MunicipalSeed, seedMunicipal } from './municipal-seed';
import { percentile } from './stats';

const { args, num, engines } = cliArgs();
const QUICK = args.has('quick');
const KINDS = ['page', 'figures', 'overview', 'report'] as const;
type Kind = (typeof KINDS)[number];
const ONLY = args.get('only') as Kind | undefined;
if (ONLY && !KINDS.includes(ONLY)) throw new Error(`--only: one of ${KINDS.join(', ')}`);
const REQUESTS = num('requests', QUICK ? 300 : 2_000);
const CONCURRENCY = num('concurrency', 8);
const REPORT_RUNS = num('report-runs', QUICK ? 2 : 5);
const CHILDREN = num('children', QUICK ? 5_000 : 21_000);
const CONSULTATIONS = num('consultations', QUICK ? 100_000 : 1_000_000);
const PREFECTURE = args.get('prefecture') ?? '01';
const ENGINES = engines(['postgres']);
const DB_NAME = 'tsunagu_bench_municipal';
const SECRET_KEY = 'bench-municipal-secret-bench-municipal-secret-00';
const PAGE_TARGET_MS = 100;
const REPORT_TARGET_MS = 5_000;

type Measured = { kind: Kind; label: string; durations: number[]; wallMs: number; load: [number, number] };
type Skipped = { kind: Kind; label: string; skipped: string; failed: boolean };

function loadFromWorker(data: { base: string; paths: string[]; cookie: string; concurrency: number }) {
  return new Promise<{ durations: number[]; wallMs: number }>((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** `count` paths going round `paths`. */
const cycle = (paths: string[], count: number) =>
  Array.from({ length: count }, (_, i) => paths[i % paths.length]!);

async function benchEngine(engine: Engine) {
  const t0 = performance.now();
  const { db, env, cleanup } = await prepareEngine(engine, DB_NAME);
  let seed: MunicipalSeed;
  try {
    await migrateDatabase(db);
    seed = await seedMunicipal(db.systemDb, {
      readerPrefecture: PREFECTURE,
      children: CHILDREN,
      consultations: CONSULTATIONS,
      secretKey: SECRET_KEY,
      now: new Date(),
      log: (line) => console.log(`  [${engine}] seeded ${line}`),
    });
  } finally {
    await db.close();
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(env, port, SECRET_KEY, args.get('cpu-prof'));
  const results: (Measured | Skipped)[] = [];
  try {
    await server.ready(base);
    const { cookie } = await signIn(base, seed.reader.email, '198.51.100.1', seed.reader.totpSecret);
    const nendo = nendoOf(isoDateInJapan(new Date()));
    const api = '/api/municipalities';
    const paths: Record<Exclude<Kind, 'report'>, { label: string; paths: string[] }> = {
      page: { label: `page GET ${api}/{code}`, paths: seed.codes.map((c) => `${api}/${c}`) },
      figures: {
        label: `figures GET ${api}/{code}/figures`,
        paths: seed.codes.map((c) => `${api}/${c}/figures`),
      },
      overview: {
        label: `prefecture view GET ${api}?nendo=`,
        paths: [nendo, nendo - 1].map((n) => `${api}?nendo=${n}`),
      },
    };
    server.record(true);
    for (const kind of ONLY ? [ONLY] : KINDS) {
      if (kind === 'report') {
        results.push(...(await reportRuns(base, cookie, nendo - 1)));
        continue;
      }
      const k = paths[kind];
      // Warm-up: every path once (plans cached, pool connections open), not counted.
      await loadFromWorker({ base, paths: k.paths, cookie, concurrency: CONCURRENCY });
      const before = loadavg()[0]!;
      const r = await loadFromWorker({
        base,
        paths: cycle(k.paths, REQUESTS),
        cookie,
        concurrency: CONCURRENCY,
      });
      results.push({ kind, label: k.label, ...r, load: [before, loadavg()[0]!] });
    }
    server.record(false);
    return { engine, seed, seedSeconds, results, routes: new Map(server.routes) };
  } finally {
    await server.stop();
    await cleanup();
  }
}

/**
 * The yearly activity report of the reader's prefecture (on screen and as .xlsx), one run at a time after one not
 * counted; skipped while the server answers 404 for its route (the report not built into the server).
 */
async function reportRuns(base: string, cookie: string, nendo: number): Promise<(Measured | Skipped)[]> {
  const out: (Measured | Skipped)[] = [];
  for (const [what, query] of [
    ['yearly report', ''],
    ['yearly report .xlsx', '&format=xlsx'],
  ] as const) {
    const path = `/api/activity-report?fiscalYear=${nendo}${query}`;
    const label = `${what} GET ${path.replace(/\?.*/, '')}`;
    const durations: number[] = [];
    const before = loadavg()[0]!;
    const started = performance.now();
    for (let i = 0; i < REPORT_RUNS + 1; i++) {
      const s = performance.now();
      const res = await fetch(base + path, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200) {
        const why = res.status === 404 ? 'the server has no activity report yet' : 'the report failed';
        return [
          ...out,
          {
            kind: 'report',
            label,
            skipped: `${why}: ${res.status} ${body.slice(0, 160)}`,
            failed: res.status !== 404,
          },
        ];
      }
      if (i > 0) durations.push(performance.now() - s);
    }
    out.push({
      kind: 'report',
      label,
      durations,
      wallMs: performance.now() - started,
      load: [before, loadavg()[0]!],
    });
  }
  return out;
}

const ms = (v: number) => `${Number.isFinite(v) ? v.toFixed(0).padStart(5) : '    –'} ms`;

function print(r: Awaited<ReturnType<typeof benchEngine>>) {
  const c = r.seed.counts;
  console.log(
    `\n[${r.engine}] ${c.municipalities} municipalities, ${c.children} children, ${c.consultations} consultations, ${c.maturity} maturity items with ${c.history} history entries, ${c.engagements} engagements (seeded in ${r.seedSeconds.toFixed(0)} s)`,
  );
  console.log(
    `  reader: whole-prefecture centre staff of prefecture ${PREFECTURE} (${r.seed.codes.length} municipalities); ${CONCURRENCY} clients, ${REQUESTS} requests a kind after a warm-up`,
  );
  console.log(
    '  kind                                               n    rate     p50      p95      p99   load avg',
  );
  for (const m of r.results) {
    if ('skipped' in m) {
      console.log(`  ${m.label.padEnd(46)} skipped: ${m.skipped}`);
      continue;
    }
    const d = m.durations;
    console.log(
      `  ${m.label.padEnd(46)} ${String(d.length).padStart(5)} ${((d.length / m.wallMs) * 1000).toFixed(0).padStart(5)}/s ${ms(percentile(d, 50))} ${ms(percentile(d, 95))} ${ms(percentile(d, 99))}   ${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)}`,
    );
  }
  console.log('  server time per route (request log)                           n     p50      p99');
  for (const [route, times] of [...r.routes].sort((a, b) => b[1].length - a[1].length).slice(0, 6))
    console.log(
      `  ${route.padEnd(56)} ${String(times.length).padStart(6)} ${ms(percentile(times, 50))} ${ms(percentile(times, 99))}`,
    );
  console.log(
    `  machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min; other work on the machine slows server and database alike)`,
  );
  for (const m of r.results) {
    if ('skipped' in m) {
      if (m.failed) console.log(`  target ${m.label}: NOT met (it failed)`);
      continue;
    }
    const target = m.kind === 'report' ? REPORT_TARGET_MS : PAGE_TARGET_MS;
    const value = m.kind === 'report' ? Math.max(...m.durations) : percentile(m.durations, 95);
    const what = m.kind === 'report' ? `slowest run < ${target / 1000} s` : `p95 < ${target} ms`;
    const full = r.engine === 'postgres' && !QUICK;
    console.log(
      `  target ${m.label} (${what}${full ? '' : ', judged on the full PostgreSQL run'}): ${full ? (value < target ? 'met' : 'NOT met') : 'not judged'} (${value.toFixed(0)} ms)`,
    );
  }
}

async function main() {
  console.log(
    `Tsunagu municipal support benchmark — the municipality page, its figures, the prefecture view and the yearly report at national scale${QUICK ? ' (quick)' : ''}`,
  );
  for (const engine of ENGINES) print(await benchEngine(engine));
}

runMain(main);
