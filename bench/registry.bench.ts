/**
 * `npm run bench:registry`: the registry search (GET /api/children with name, care-item and life-stage
 * filters) under concurrent load, and the .xlsx export, at national scale (21,000 children in 47 prefectures).
 * Embedded PGlite by default; with BENCH_DATABASE_URL (a PostgreSQL server; a database
 * `tsunagu_bench_registry` is created there) on the server too.
 *
 * Search: a prefecture-wide centre staff user of the largest prefecture; clients in a worker thread.
 * Export: (1) over HTTP as that user — every child of the largest prefecture; (2) the same export functions
 * (ids → rows in batches → streaming xlsx writer) over all 21,000 children, with a synthetic prefecture-wide
 * actor for each prefecture in turn — no real user sees the whole country. Time and peak RSS of each.
 */
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { type Database, openDatabase, PGLITE_EXTENSIONS, rowsOf } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { childCareItems, children } from '../src/db/schema';
import { generateNational } from '../src/demo/national';
import type { Actor } from '../src/modules/access/actor';
import { totpCode } from '../src/modules/accounts/totp';
import { exportChildIds, exportChildRows, writeChildrenXlsx } from '../src/modules/registry/export';
import { createApp } from '../src/server/app';
import { testConfig } from '../src/server/config';
import { createDeps } from '../src/server/deps';
import { createLogger } from '../src/server/logger';
import { isoDateInJapan } from '../src/shared/dates';
import { nameKeys } from '../src/shared/names';
import { generateTotpSecret, makeUser, TEST_PASSWORD } from '../src/test/factories';
import { summary } from './stats';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 21_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DB_NAME = 'tsunagu_bench_registry';

async function openBenchDb(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    const db = await openDatabase({ pglite });
    return { ...db, close: async () => pglite.close() };
  }
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  // pg_trgm needs a UTF-8 ctype to split Japanese text (as the test databases).
  await admin.query(
    `CREATE DATABASE ${DB_NAME} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
  );
  await admin.end();
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  url.pathname = `/${DB_NAME}`;
  return openDatabase({ url: url.toString(), poolSize: 10 });
}

/**
 * The write path keeps children's name match keys; generated data may predate that, so any empty key is
 * filled here the same way (nameKeys) before measuring — otherwise name searches would find nothing.
 */
async function fillMissingKeys(db: Database): Promise<number> {
  const missing = await db.systemDb
    .select({
      id: children.id,
      familyName: children.familyName,
      givenName: children.givenName,
      familyKana: children.familyKana,
      givenKana: children.givenKana,
    })
    .from(children)
    .where(eq(children.kanaKey, ''));
  for (let i = 0; i < missing.length; i += 1_000) {
    const values = missing.slice(i, i + 1_000).map((c) => {
      const k = nameKeys(c);
      return sql`(${c.id}::uuid, ${k.nameKey}, ${k.kanaKey})`;
    });
    await db.systemDb.execute(sql`update children set name_key = v.n, kana_key = v.k
      from (values ${sql.join(values, sql`, `)}) as v(id, n, k) where children.id = v.id`);
  }
  if (missing.length) await db.systemDb.execute(sql`analyze children`);
  return missing.length;
}

/** A varied, repeatable mix of searches over the prefecture's real names, care items and stages. */
async function searchPaths(db: Database, prefectureCode: string): Promise<Record<string, string[]>> {
  const sample = rowsOf<{ fn: string; gn: string; fk: string; gk: string }>(
    await db.systemDb.execute(sql`select family_name fn, given_name gn, family_kana fk, given_kana gk
      from children where prefecture_code = ${prefectureCode} order by family_kana, given_kana, id`),
  );
  const pick = (i: number) => sample[(i * 7919) % sample.length]!;
  const toHiragana = (s: string) =>
    s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  const typo = (s: string) => {
    const chars = [...s];
    const at = Math.min(chars.length - 1, 2 + (chars.length % 3));
    chars[at] = chars[at] === 'ア' ? 'イ' : 'ア';
    return chars.join('');
  };
  const codes = rowsOf<{ code: string }>(
    await db.systemDb.execute(
      sql`select code from child_care_items group by code order by count(*) desc limit 6`,
    ),
  ).map((r) => r.code);
  const careItems = codes.length ? codes : ['ventilator', 'suction', 'tube_feeding_gastric'];
  const stages = ['infant', 'preschool', 'elementary', 'junior_high', 'high_school', 'adult'];
  const q = (s: string) => `q=${encodeURIComponent(s)}`;
  const n = 40;
  const list = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => `/api/children?${f(i)}`);
  return {
    'q kana (family, hiragana)': list((i) => q(toHiragana(pick(i).fk))),
    'q kana (full name)': list((i) => q(`${pick(i).fk} ${pick(i).gk}`)),
    'q kanji (family+given)': list((i) => q(`${pick(i).fn}${pick(i).gn}`)),
    'q kana typo (similarity)': list((i) => q(typo(`${pick(i).fk}${pick(i).gk}`))),
    careItem: list((i) => `careItem=${careItems[i % careItems.length]}`),
    lifeStage: list((i) => `lifeStage=${stages[i % stages.length]}&page=${1 + (i % 3)}`),
    'q + lifeStage': list((i) => `${q(pick(i).fk)}&lifeStage=${stages[i % stages.length]}`),
  };
}

function loadFromWorker(data: { base: string; paths: string[]; cookie: string; concurrency: number }) {
  return new Promise<{ durations: number[]; wallMs: number }>((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** Runs `task`, sampling RSS every 5 ms; returns its result, the time and the peak RSS above the start. */
async function measured<T>(task: () => Promise<T>) {
  const mib = () => process.memoryUsage().rss / 1024 / 1024;
  const start = mib();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, mib());
  }, 5);
  const t0 = performance.now();
  const result = await task();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, mib());
  return { result, ms, startMiB: start, peakMiB: peak };
}

async function benchOne(kind: 'pglite' | 'postgres') {
  const db = await openBenchDb(kind);
  const t0 = performance.now();
  await migrateDatabase(db);
  await generateNational(db.systemDb, { seed: 1, children: CHILDREN });
  const filled = await fillMissingKeys(db);
  const genMs = performance.now() - t0;
  const [careRows] = await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(childCareItems);

  const byPrefecture = await db.systemDb
    .select({ code: children.prefectureCode, n: sql<number>`count(*)::int` })
    .from(children)
    .groupBy(children.prefectureCode)
    .orderBy(sql`count(*) desc`);
  const prefectureCode = byPrefecture[0]!.code;
  const secret = generateTotpSecret();
  const secretKey = 'bench-secret-bench-secret-bench-secret-000000';
  const user = await makeUser(db.systemDb, 'centre_staff', { prefectureCode, totpSecret: secret }, secretKey);

  const app = createApp(
    createDeps({
      db,
      config: testConfig({ secret: secretKey }),
      log: createLogger('silent'),
      now: () => new Date(),
    }),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
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

  // Search: each kind alone, then all mixed.
  const kinds = await searchPaths(db, prefectureCode);
  const hits = new Map<string, number>();
  for (const [label, paths] of Object.entries(kinds)) {
    let total = 0;
    for (const p of paths.slice(0, 10)) {
      total += ((await (await fetch(base + p, { headers: { cookie } })).json()) as { total: number }).total;
    }
    hits.set(label, total / 10);
  }
  const all = Object.values(kinds).flat();
  const mixed = Array.from({ length: REQUESTS }, (_, i) => all[(i * 31) % all.length]!);
  const perKind = [];
  for (const [label, paths] of Object.entries(kinds)) {
    const run = await loadFromWorker({ base, paths: [...paths, ...paths], cookie, concurrency: CONCURRENCY });
    perKind.push({ ...summary(label, run), hits: hits.get(label) ?? 0 });
  }
  const mixedRun = summary(
    'mixed',
    await loadFromWorker({ base, paths: mixed, cookie, concurrency: CONCURRENCY }),
  );

  // Export over HTTP: every child of the largest prefecture, as the signed-in user.
  const http = await measured(async () => {
    const res = await fetch(`${base}/api/children/export?format=xlsx`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`export failed: ${res.status} ${await res.text()}`);
    return Buffer.from(await res.arrayBuffer());
  });
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(http.result as unknown as ArrayBuffer);
  const httpRows = check.worksheets[0]!.rowCount - 1;

  // The same export functions over all children of the country, one prefecture-wide actor at a time.
  const today = isoDateInJapan(new Date());
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  const national = await measured(async () => {
    async function* rows() {
      for (const p of byPrefecture) {
        const actor: Actor = {
          userId: user.id,
          email: 'bench@example.jp',
          displayName: 'bench',
          role: 'centre_staff',
          prefectureCode: p.code,
          scope: { kind: 'prefecture' },
          locale: 'ja',
        };
        const ids = await exportChildIds(db.systemDb, actor, {}, today, 100_001);
        yield* exportChildRows(db.systemDb, actor, ids);
      }
    }
    const finished = new Promise((r) => sink.once('finish', r));
    const n = await writeChildrenXlsx(sink, rows(), { lang: 'ja', today });
    await finished;
    return n;
  });

  await new Promise((r) => server.close(r));
  await db.close();
  return {
    kind,
    genMs,
    filled,
    careRows: careRows?.n ?? 0,
    prefectureCode,
    visible: byPrefecture[0]!.n,
    perKind,
    mixedRun,
    http: { ...http, bytes: http.result.length, rows: httpRows },
    national: { ...national, rows: national.result, bytes },
  };
}

const fmt = (n: number) => n.toFixed(1).padStart(7);

async function main() {
  const kinds: ('pglite' | 'postgres')[] = [];
  if (process.env.BENCH_ENGINES !== 'postgres') kinds.push('pglite');
  if (process.env.BENCH_DATABASE_URL) kinds.push('postgres');
  console.log(
    `Tsunagu registry benchmark — ${CHILDREN} children in 47 prefectures; search: ${REQUESTS} mixed requests, concurrency ${CONCURRENCY}`,
  );
  for (const kind of kinds) {
    const r = await benchOne(kind);
    console.log(
      `\n[${kind}] data generated in ${(r.genMs / 1000).toFixed(1)} s (${r.careRows} care items; ${r.filled} name keys filled in); user: centre staff of ${r.prefectureCode}, ${r.visible} children visible`,
    );
    console.log('  GET /api/children              p50 ms  p95 ms  p99 ms   req/s  avg hits');
    for (const s of [
      ...r.perKind,
      { ...r.mixedRun, label: `MIXED (${r.mixedRun.n} requests)`, hits: Number.NaN },
    ]) {
      const hits = Number.isNaN(s.hits) ? '' : s.hits.toFixed(0).padStart(9);
      console.log(
        `  ${s.label.padEnd(28)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)} ${fmt(s.perSecond)} ${hits}`,
      );
    }
    console.log(`  target: search p95 < 50 ms → ${r.mixedRun.p95 < 50 ? 'met' : 'NOT met'}`);
    const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
    console.log(
      `  export over HTTP (largest prefecture, ${r.http.rows} rows, ${mib(r.http.bytes)} MiB): ${(r.http.ms / 1000).toFixed(2)} s, RSS ${r.http.startMiB.toFixed(0)} → peak ${r.http.peakMiB.toFixed(0)} MiB`,
    );
    console.log(
      `  export functions, all prefectures (${r.national.rows} rows, ${mib(r.national.bytes)} MiB): ${(r.national.ms / 1000).toFixed(2)} s, RSS ${r.national.startMiB.toFixed(0)} → peak ${r.national.peakMiB.toFixed(0)} MiB   (target < 5 s → ${r.national.ms < 5000 ? 'met' : 'NOT met'})`,
    );
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
