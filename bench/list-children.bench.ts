/**
 * `npm run bench`: GET /api/children (the registry list, scoped, audited) at national scale under concurrent
 * load (clients in a worker thread), against the same SQL statement run directly on the driver. Embedded PGlite by default; with BENCH_DATABASE_URL
 * (a PostgreSQL server; a database `tsunagu_bench` is created there) on the server too.
 * Prints p50/p95/p99 latencies, throughput, and the API/SQL ratios.
 */

import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, PGLITE_EXTENSIONS } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { children } from '../src/db/schema';
import { generateNational } from '../src/demo/national';
import { resolveActor } from '../src/modules/access/resolve-actor';
import { totpCode } from '../src/modules/accounts/totp';
import { childrenPageQuery } from '../src/modules/registry/queries';
import { createApp } from '../src/server/app';
import { testConfig } from '../src/server/config';
import { createDeps } from '../src/server/deps';
import { createLogger } from '../src/server/logger';
import { generateTotpSecret, makeUser, TEST_PASSWORD } from '../src/test/factories';
import { runConcurrent, summary } from './stats';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 21_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PAGE_SIZE = 50;

async function openBenchDb(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    const db = await openDatabase({ pglite });
    return { ...db, close: async () => pglite.close() };
  }
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS tsunagu_bench WITH (FORCE)');
  await admin.query(
    "CREATE DATABASE tsunagu_bench ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0",
  );
  await admin.end();
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  url.pathname = '/tsunagu_bench';
  return openDatabase({ url: url.toString(), poolSize: 10 });
}

async function benchOne(kind: 'pglite' | 'postgres') {
  const db = await openBenchDb(kind);
  const t0 = performance.now();
  await migrateDatabase(db);
  const generated = await generateNational(db.systemDb, { seed: 1, children: CHILDREN });
  const genMs = performance.now() - t0;

  // The largest prefecture by children gets a prefecture-wide centre staff user: the widest scoped list.
  const [largest] = await db.systemDb
    .select({ code: children.prefectureCode, n: sql<number>`count(*)::int` })
    .from(children)
    .groupBy(children.prefectureCode)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  const prefectureCode = largest!.code;
  const secret = generateTotpSecret();
  const secretKey = 'bench-secret-bench-secret-bench-secret-000000';
  const user = await makeUser(db.systemDb, 'centre_staff', { prefectureCode, totpSecret: secret }, secretKey);
  const actor = await resolveActor(db.systemDb, user);

  const config = testConfig({ secret: secretKey });
  const app = createApp(createDeps({ db, config, log: createLogger('silent'), now: () => new Date() }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;

  // Sign in over HTTP like a browser: password, then TOTP.
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const totp = await fetch(`${base}/api/auth/totp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code: totpCode(secret, new Date()) }),
  });
  if (totp.status !== 200) throw new Error(`bench sign-in failed: ${await totp.text()}`);

  const visible = (await (
    await fetch(`${base}/api/children?pageSize=1`, { headers: { cookie } })
  ).json()) as {
    total: number;
  };
  const pages = Math.max(1, Math.ceil(visible.total / PAGE_SIZE));
  const pageOf = (i: number) => 1 + ((i * 7919) % pages);

  // Warm-up (plans, caches, JIT) for both paths.
  for (let i = 0; i < 30; i++)
    await fetch(`${base}/api/children?pageSize=${PAGE_SIZE}&page=${pageOf(i)}`, { headers: { cookie } });

  const paths = Array.from(
    { length: REQUESTS },
    (_, i) => `/api/children?pageSize=${PAGE_SIZE}&page=${pageOf(i)}`,
  );
  const api = await loadFromWorker({ base, paths, cookie, concurrency: CONCURRENCY });

  // The same statement the endpoint runs (page with window count), as SQL text on the driver, same concurrency.
  const statements = Array.from({ length: pages }, (_, p) =>
    childrenPageQuery(db.systemDb, actor, { page: p + 1, pageSize: PAGE_SIZE }).toSQL(),
  );
  const raw = async (q: { sql: string; params: unknown[] }) => {
    if (db.pglite) await db.pglite.query(q.sql, q.params as unknown[]);
    else await db.pool!.query(q.sql, q.params as unknown[]);
  };
  for (let i = 0; i < 30; i++) await raw(statements[pageOf(i) - 1]!);
  const direct = await runConcurrent(REQUESTS, CONCURRENCY, async (i) => {
    await raw(statements[pageOf(i) - 1]!);
  });

  await new Promise((r) => server.close(r));
  await db.close();
  const a = summary('API  GET /api/children', api);
  const d = summary('SQL  same statement', direct);
  return { kind, generated, genMs, prefectureCode, visible: visible.total, a, d };
}

function loadFromWorker(data: { base: string; paths: string[]; cookie: string; concurrency: number }) {
  return new Promise<{ durations: number[]; wallMs: number }>((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

function fmt(n: number) {
  return n.toFixed(1).padStart(7);
}

async function main() {
  const kinds: ('pglite' | 'postgres')[] = [];
  if (process.env.BENCH_ENGINES !== 'postgres') kinds.push('pglite');
  if (process.env.BENCH_DATABASE_URL) kinds.push('postgres');
  console.log(
    `Tsunagu list benchmark — ${CHILDREN} children in 47 prefectures; ${REQUESTS} requests, concurrency ${CONCURRENCY}, page size ${PAGE_SIZE}`,
  );
  for (const kind of kinds) {
    const r = await benchOne(kind);
    console.log(
      `\n[${kind}] data generated in ${(r.genMs / 1000).toFixed(1)} s; user: centre staff of ${r.prefectureCode}, ${r.visible} children visible`,
    );
    console.log('                          p50 ms  p95 ms  p99 ms   req/s');
    for (const s of [r.a, r.d]) {
      console.log(`  ${s.label.padEnd(22)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)} ${fmt(s.perSecond)}`);
    }
    console.log(
      `  ratio API/SQL: p50 ${(r.a.p50 / r.d.p50).toFixed(2)}, p95 ${(r.a.p95 / r.d.p95).toFixed(2)}   (target: p95 < 50 ms, ratio < 3)`,
    );
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`  process RSS ${rss.toFixed(0)} MiB`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
