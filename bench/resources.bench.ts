/**
 * `npm run bench:resources`: the public resources search (GET /api/public/resources) at national scale —
 * 150,000 fictional services in 47 prefectures (src/demo/resources.ts) — for typical queries under concurrent
 * load, p50/p95 per query kind; and the size of the public page's JavaScript (gzip) in dist/web.
 * Embedded PGlite by default; with BENCH_DATABASE_URL (a PostgreSQL server; a database `tsunagu_bench_resources`
 * is created there) on the server too (BENCH_ENGINES=postgres: the server only).
 *
 * Clients run in a worker thread, each request from one of 64 client addresses (the server trusts
 * X-Forwarded-For here), so the per-address rate limit is exercised — its UPSERT is part of every request — but
 * not tripped. Each kind is measured three ways: without the answer cache at concurrency 8 (every request
 * searches), one request at a time without it (latency with no queueing), and with the production cache
 * (PUBLIC_SEARCH_CACHE_SECONDS=15; each path is asked several times, the first time searches).
 * BENCH_REUSE=1 measures again on the PostgreSQL database of a previous run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, PGLITE_EXTENSIONS, rowsOf } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { generateResources } from '../src/demo/resources';
import { ZPublicSearchQuery } from '../src/modules/resources/schemas-public';
import { searchIdsQuery } from '../src/modules/resources/search';
import { createApp } from '../src/server/app';
import { testConfig } from '../src/server/config';
import { createDeps } from '../src/server/deps';
import { createLogger } from '../src/server/logger';
import { PREFECTURES } from '../src/shared/municipalities';
import { makePrefecture } from '../src/test/factories';
import { summary } from './stats';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 150_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DB_NAME = 'tsunagu_bench_resources';
/** BENCH_REUSE=1: measure again on the database a previous run generated (PostgreSQL only; migrations run). */
const REUSE = Boolean(process.env.BENCH_REUSE);

async function openBenchDb(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'postgres' && REUSE) {
    const url = new URL(process.env.BENCH_DATABASE_URL!);
    url.pathname = `/${DB_NAME}`;
    return openDatabase({ url: url.toString(), poolSize: 10 });
  }
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    const db = await openDatabase({ pglite });
    return { ...db, close: async () => pglite.close() };
  }
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(
    `CREATE DATABASE ${DB_NAME} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
  );
  await admin.end();
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  url.pathname = `/${DB_NAME}`;
  return openDatabase({ url: url.toString(), poolSize: 10 });
}

/** The load generator, inline so it can set a client address per request. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, paths, concurrency } = workerData;
const durations = [];
const errors = [];
let next = 0;
const started = performance.now();
async function worker() {
  for (;;) {
    const i = next++;
    if (i >= paths.length) return;
    const t0 = performance.now();
    try {
      const res = await fetch(base + paths[i], { headers: { 'x-forwarded-for': '192.0.2.' + (1 + (i % 64)) } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error('status ' + res.status + ' for ' + paths[i]);
      durations.push(performance.now() - t0);
    } catch (e) {
      errors.push(String(e && e.cause ? e.cause.code || e.cause : e) + ' after ' + Math.round(performance.now() - t0) + ' ms: ' + paths[i]);
    }
  }
}
Promise.all(Array.from({ length: concurrency }, worker)).then(() =>
  parentPort.postMessage({ durations, errors, wallMs: performance.now() - started }));
`;

function load(base: string, paths: string[], concurrency = CONCURRENCY) {
  return new Promise<{ durations: number[]; errors: string[]; wallMs: number }>((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { base, paths, concurrency } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** Typical searches of the public site, drawn from the generated data (repeatable). */
async function queryPaths(db: Database): Promise<Record<string, string[]>> {
  const munis = rowsOf<{ m: string; p: string }>(
    await db.systemDb.execute(sql`select municipality_code m, prefecture_code p from resource_services
      group by 1, 2 order by count(*) desc, 1`),
  );
  // A point in each of the busiest municipalities (the densest "near me" searches), as a phone would send it.
  const points = rowsOf<{ lat: number; lon: number; n: string | number }>(
    await db.systemDb.execute(sql`select distinct on (l.municipality_code) l.latitude lat, l.longitude lon, c.n
      from resource_locations l
      join (select municipality_code, count(*) n from resource_services group by 1) c
        on c.municipality_code = l.municipality_code
      where l.latitude is not null
      order by l.municipality_code, l.id`),
  )
    .sort((a, b) => Number(b.n) - Number(a.n))
    .slice(0, 200);
  const names = rowsOf<{ name: string; kana: string }>(
    await db.systemDb.execute(sql`select name, kana from resource_services order by id limit 2000`),
  );
  const items = [
    'ventilator',
    'suction',
    'tube_feeding_gastric',
    'oxygen',
    'tracheostomy',
    'seizure_management',
  ];
  const types = [
    'after_school_day_service',
    'child_development_support',
    'home_visit_nursing',
    'medical_short_stay',
  ];
  const n = 50;
  const at = <T>(list: T[], i: number) => list[(i * 7919) % list.length]!;
  const path = (qs: string) => `/api/public/resources?${qs}`;
  const enc = encodeURIComponent;
  const halfWidth = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => c).normalize('NFKC'); // katakana as typed; width varies below
  const word = (name: string, i: number) => {
    const chars = [...name];
    const start = i % Math.max(1, chars.length - 4);
    return chars.slice(start, start + 3 + (i % 3)).join('');
  };
  return {
    'municipality + care item': Array.from({ length: n }, (_, i) =>
      path(`municipalityCode=${at(munis, i).m}&careItem=${items[i % items.length]}`),
    ),
    'municipality + 2 care items + age': Array.from({ length: n }, (_, i) =>
      path(`municipalityCode=${at(munis, i).m}&careItem=${items[i % 3]},${items[3 + (i % 3)]}&age=${i % 18}`),
    ),
    'prefecture + type + age': Array.from({ length: n }, (_, i) =>
      path(`prefecture=${at(munis, i).p}&type=${types[i % types.length]}&age=${i % 18}`),
    ),
    'type + age (whole country)': Array.from({ length: n }, (_, i) =>
      path(`type=${types[i % types.length]}&age=${i % 18}`),
    ),
    'free text (kanji/kana, country)': Array.from({ length: n }, (_, i) => {
      const s = at(names, i);
      return path(`q=${enc(i % 2 ? word(s.name, i) : halfWidth(word(s.kana, i)))}`);
    }),
    'near me (5–30 km, dense areas)': Array.from({ length: n }, (_, i) => {
      const pt = at(points, i);
      const care = i % 2 ? `&careItem=${items[i % items.length]}` : '';
      return path(
        `near=${Number(pt.lat).toFixed(2)},${Number(pt.lon).toFixed(2)}&radiusKm=${[5, 10, 20, 30][i % 4]}${care}`,
      );
    }),
    'free text + prefecture + page 2': Array.from({ length: n }, (_, i) =>
      path(
        `prefecture=${at(munis, i).p}&q=${enc(['訪問看護', 'ひまわり', 'ﾃﾞｲｻｰﾋﾞｽ', '児童発達', 'クリニック'][i % 5]!)}&page=2`,
      ),
    ),
  };
}

/**
 * Gzip size of the public page's JavaScript: the light public resources page (public-resources.html, decision
 * 0009) — its entry, its modulepreloads, the search route's chunk and their static imports. BENCH_WEB_DIR
 * measures another build (e.g. `npx vite build --outDir /tmp/web`); default dist/web.
 */
function publicPageJs(): string {
  const dir = process.env.BENCH_WEB_DIR ?? 'dist/web';
  const page = 'public-resources.html';
  let html: string;
  try {
    html = readFileSync(join(dir, page), 'utf8');
  } catch {
    return `${dir}/${page} is absent: run \`npx vite build\` first (not measured)`;
  }
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const entry = html.match(/<script[^>]*\ssrc="\/assets\/([^"]+\.js)"/)?.[1];
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const route = files.find((f) => f.startsWith('PublicResourcesPage-'));
  if (!entry || !route)
    return `entry (${entry ?? 'missing'}) or PublicResourcesPage chunk (${route ?? 'missing'}) not found`;
  const staticImports = (f: string) =>
    [
      ...readFileSync(join(assets, f), 'utf8').matchAll(
        /(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
      ),
    ].map((m) => m[1]!);
  const dynamicImports = (f: string) =>
    [...readFileSync(join(assets, f), 'utf8').matchAll(/import\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)].map(
      (m) => m[1]!,
    );
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f) || !files.includes(f)) continue;
      seen.add(f);
      stack.push(...staticImports(f));
    }
    return seen;
  };
  const gz = (set: Set<string>) =>
    [...set].reduce((s, f) => s + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  const initial = closure([entry, ...preloads, route]);
  const lazy = closure(dynamicImports(route).filter((f) => !initial.has(f)));
  for (const f of initial) lazy.delete(f);
  const built = statSync(join(dir, page)).mtime.toISOString();
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  return [
    `${dir}/${page} built ${built}`,
    `  entry + preloads + /public/resources route (static imports): ${initial.size} chunks, ${kb(gz(initial))} gzip → target < 150 KB ${gz(initial) < 150 * 1024 ? 'met' : 'NOT met'}`,
    `    ${[...initial].sort().join(', ')}`,
    `  loaded later by the route (dynamic imports, e.g. the map): ${lazy.size} chunks, ${kb(gz(lazy))} gzip`,
  ].join('\n');
}

async function benchOne(kind: 'pglite' | 'postgres') {
  const db = await openBenchDb(kind);
  const t0 = performance.now();
  await migrateDatabase(db);
  let services: number;
  if (REUSE && kind === 'postgres') {
    const [row] = rowsOf<{ n: string }>(
      await db.systemDb.execute(sql`select count(*) as n from resource_services`),
    );
    services = Number(row?.n ?? 0);
  } else {
    for (const p of PREFECTURES) await makePrefecture(db.systemDb, p.code);
    ({ services } = await generateResources(db.systemDb, {
      seed: 1,
      prefectureCodes: PREFECTURES.map((p) => p.code),
      perPrefecture: 'proportional',
      total: SERVICES,
      now: new Date(),
    }));
  }
  await db.systemDb.execute(sql`analyze`);
  const genMs = performance.now() - t0;

  // Two servers on the same database: one without the answer cache (every request searches), one with the
  // production default (PUBLIC_SEARCH_CACHE_SECONDS=15).
  const startServer = async (publicSearchCacheMs: number) => {
    const app = createApp(
      createDeps({
        db,
        config: testConfig({ trustProxy: true, publicSearchCacheMs }),
        log: createLogger(process.env.BENCH_LOG ?? 'silent'),
        now: () => new Date(),
      }),
    );
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
  };
  const uncached = await startServer(0);
  const cached = await startServer(15_000);
  const base = uncached.base;

  const kinds = await queryPaths(db);
  if (process.env.BENCH_EXPLAIN) {
    // The plan of the first query of each kind (step 1 of the search: the page of ids and the total).
    for (const [label, paths] of Object.entries(kinds)) {
      const params = Object.fromEntries(new URL(`http://x${paths[0]}`).searchParams);
      const f = ZPublicSearchQuery.parse(params);
      const { query } = searchIdsQuery(f, f.municipalityCode ?? null, new Date());
      const plan = rowsOf<Record<string, string>>(
        await db.systemDb.execute(sql`explain (analyze, costs off) ${query}`),
      ).map((r) => Object.values(r)[0]);
      console.log(`\n[${kind}] EXPLAIN ${label}: ${paths[0]}\n  ${plan.join('\n  ')}`);
    }
  }
  const results = [];
  for (const [label, paths] of Object.entries(kinds)) {
    let hits = 0;
    for (const p of paths.slice(0, 10)) {
      const res = await fetch(base + p, { headers: { 'x-forwarded-for': '198.51.100.1' } });
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()} for ${p}`);
      hits += ((await res.json()) as { total: number }).total;
    }
    const runPaths = Array.from(
      { length: Math.max(paths.length, Math.ceil(REQUESTS / 4)) },
      (_, i) => paths[i % paths.length]!,
    );
    const run = await load(base, runPaths);
    // One at a time too: the latency of a request without queueing behind the others.
    const serial = summary(label, await load(base, paths, 1));
    // With the cache: each path is asked several times, the first time searches.
    const withCache = summary(label, await load(cached.base, runPaths));
    results.push({
      ...summary(label, run),
      hits: hits / 10,
      errors: run.errors,
      serialP50: serial.p50,
      serialP95: serial.p95,
      cachedP50: withCache.p50,
      cachedP95: withCache.p95,
    });
  }
  const all = Object.values(kinds).flat();
  const mixedPaths = Array.from({ length: REQUESTS }, (_, i) => all[(i * 31) % all.length]!);
  const mixedRun = await load(base, mixedPaths);
  const mixedCached = summary('mixed', await load(cached.base, mixedPaths));
  const mixed = {
    ...summary('mixed', mixedRun),
    errors: mixedRun.errors,
    cachedP50: mixedCached.p50,
    cachedP95: mixedCached.p95,
  };
  for (const { server } of [uncached, cached]) await new Promise((r) => server.close(r));
  await db.close();
  return { kind, genMs, services, results, mixed };
}

const fmt = (n: number) => n.toFixed(1).padStart(7);

async function main() {
  const kinds: ('pglite' | 'postgres')[] = [];
  if (process.env.BENCH_ENGINES !== 'postgres') kinds.push('pglite');
  if (process.env.BENCH_DATABASE_URL) kinds.push('postgres');
  console.log(
    `Tsunagu resources benchmark — ${SERVICES} services in 47 prefectures; concurrency ${CONCURRENCY}; ${REQUESTS} mixed requests`,
  );
  for (const kind of kinds) {
    const r = await benchOne(kind);
    console.log(
      `\n[${kind}] ${r.services} services generated and indexed in ${(r.genMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `  GET /api/public/resources, no cache, concurrency ${CONCURRENCY}: p50 ms  p95 ms  p99 ms   req/s  errors | one at a time: p50  p95 | cache, c=${CONCURRENCY}: p50  p95 | avg hits (to 1,000)`,
    );
    for (const s of [
      ...r.results,
      {
        ...r.mixed,
        label: `MIXED (${r.mixed.n} requests)`,
        hits: Number.NaN,
        serialP50: Number.NaN,
        serialP95: Number.NaN,
      },
    ]) {
      const withCache = `${fmt(s.cachedP50)} ${fmt(s.cachedP95)}`;
      const hits = Number.isNaN(s.hits) ? '' : s.hits.toFixed(0).padStart(9);
      const serial = Number.isNaN(s.serialP50) ? ''.padStart(16) : `${fmt(s.serialP50)} ${fmt(s.serialP95)}`;
      console.log(
        `  ${s.label.padEnd(48)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)} ${fmt(s.perSecond)} ${String(s.errors.length).padStart(6)} |     ${serial} |       ${withCache} | ${hits}`,
      );
      if (s.errors.length) console.log(`    first error: ${s.errors[0]}`);
    }
    const met = (p95: number) => (p95 < 50 ? 'met' : 'NOT met');
    const worst = (p95s: number[]) => {
      const w = Math.max(...p95s);
      return `every kind ${met(w)} (worst ${w.toFixed(1)} ms)`;
    };
    console.log('  target p95 < 50 ms:');
    console.log(
      `    no cache, c=${CONCURRENCY}: mixed ${met(r.mixed.p95)}; ${worst(r.results.map((x) => x.p95))}`,
    );
    console.log(`    no cache, one at a time: ${worst(r.results.map((x) => x.serialP95))}`);
    console.log(
      `    with the cache, c=${CONCURRENCY}: mixed ${met(r.mixed.cachedP95)}; ${worst(r.results.map((x) => x.cachedP95))}`,
    );
  }
  console.log(`\nPublic page JavaScript\n${publicPageJs()}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
