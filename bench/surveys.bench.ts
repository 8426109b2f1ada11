/**
 * `npm run bench:surveys` (docs/knowledge.md §5): surveys at the scale of a prefecture, against a server in its own
 * process (bench/learning-server.ts → src/server/main.ts, TRUST_PROXY=true, request logs on as in production):
 * 1. **Answering:** a centre staff member creates and publishes a parent survey of every question kind through the
 *    API and issues personal links; then 1,000 families answer at once (each opens the survey,
 *    GET /api/public/surveys/{token}, and sends, POST …/answers, every request in flight together, each family
 *    from its own address) and 1,000 more with 50 answering at a time; a sample of used links sent again must be
 *    refused (409) and change nothing.
 * 2. **Results:** answers are added straight into the table up to 100,000, then the results page
 *    (GET /api/surveys/{id}/results, whole prefecture and one region) is read by 4 staff at a time; then 500 new
 *    answers are added and the first view after them timed (it adds only those to the kept counts).
 * Engine: PostgreSQL (a fresh database `tsunagu_bench_surveys` on $BENCH_DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432/test's, created and dropped here). The answers of the results run are written
 * while the server runs, which the embedded database (one process's) does not allow.
 *
 * Options: --burst=N (default 1,000), --paced=N (default 1,000), --pace=N (clients of
 * the paced run, default 50), --answers=N (total for the results, default 100,000), --requests=N (results reads, default
 * 200), --new=N (answers added before the last view, default 500), --prefecture=NN (default 14), --quick (200 + 200 answers, 10,000 in the table, 40 reads), --cpu-prof=DIR.
 * Target: results page p95 < 200 ms over 100,000 answers on PostgreSQL; every answer kept once.
 * Measured on a quiet 2-core machine, 7 Dec 2026 (docs/knowledge.md §5): results p95 75 ms over 100,000 answers,
 * the first view after 500 new answers 58 ms; a burst of 1,000 at once all accepted and kept once in 5.6 s.
 */
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { isoDateInJapan } from '../src/shared/dates';
import {
  type BenchSession,
  cliArgs,
  type Engine,
  freePort,
  prepareEngine,
  runMain,
  signIn,
} from './bench-env';
import { startServer } from './learning-server';
import { percentile, runConcurrent } from './stats';
import { BENCH_SURVEY, benchAnswer, random, seedAnswers, seedSurveysWorld } from './surveys-seed';

const { args, num } = cliArgs();
const QUICK = args.has('quick');
const BURST = num('burst', QUICK ? 200 : 1_000);
const PACED = num('paced', QUICK ? 200 : 1_000);
const PACE = num('pace', 50);
const ANSWERS = num('answers', QUICK ? 10_000 : 100_000);
const REQUESTS = num('requests', QUICK ? 40 : 200);
const READERS = 4;
/** Answers added after the results were counted, before the first view that adds them (--new=N). */
const NEW_ANSWERS = num('new', 500);
const PREFECTURE = args.get('prefecture') ?? '14';
const ENGINES: Engine[] = ['postgres'];
const DB_NAME = 'tsunagu_bench_surveys';
const SECRET_KEY = 'bench-surveys-secret-bench-surveys-secret-000000';
const RESULTS_TARGET_MS = 200;

type Timed = { label: string; durations: number[]; wallMs: number; load: [number, number] };

async function call(base: string, s: BenchSession, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The address a family answers from (TRUST_PROXY: x-forwarded-for), one per family. */
const familyAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Families answering through their links, `concurrency` at a time: open the survey, send the answer. */
async function answerAll(base: string, tokens: string[], concurrency: number, seed: number) {
  const rnd = random(seed);
  const today = isoDateInJapan(new Date());
  const bodies = tokens.map(() => ({ answers: benchAnswer(rnd, today) }));
  const reads: number[] = [];
  const failures: string[] = [];
  const answered: number[] = [];
  const before = loadavg()[0]!;
  const r = await runConcurrent(tokens.length, concurrency, async (i) => {
    const headers = {
      'x-forwarded-for': familyAddress(i + seed * 10_000),
      'content-type': 'application/json',
    };
    const t0 = performance.now();
    const got = await fetch(`${base}/api/public/surveys/${tokens[i]}`, { headers });
    await got.arrayBuffer();
    reads.push(performance.now() - t0);
    if (got.status !== 200) failures.push(`GET ${got.status}`);
    const sent = await fetch(`${base}/api/public/surveys/${tokens[i]}/answers`, {
      method: 'POST',
      headers,
      body: JSON.stringify(bodies[i]),
    });
    const text = await sent.text();
    if (sent.status === 201) answered.push(i);
    else failures.push(`POST ${sent.status} ${text.match(/"code":"(\w+)"/)?.[1] ?? ''}`);
  });
  return { ...r, reads, failures, answered, load: [before, loadavg()[0]!] as [number, number] };
}

async function benchEngine(engine: Engine) {
  const t0 = performance.now();
  const { db, env, cleanup } = await prepareEngine(engine, DB_NAME);
  let world: Awaited<ReturnType<typeof seedSurveysWorld>>;
  try {
    await migrateDatabase(db);
    world = await seedSurveysWorld(db.systemDb, { prefectureCode: PREFECTURE, secretKey: SECRET_KEY });
  } finally {
    await db.close();
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(env, port, SECRET_KEY, args.get('cpu-prof'));
  const out: Timed[] = [];
  const checks: string[] = [];
  try {
    await server.ready(base);
    const staff = await signIn(base, world.staff.email, '198.51.100.1', world.staff.totpSecret);
    const created = await call(base, staff, 'POST', '/api/surveys', {
      title: BENCH_SURVEY.title,
      description: 'ベンチマーク用のアンケートです。',
      audience: 'parents',
      anonymous: false,
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      definition: BENCH_SURVEY.definition,
    });
    const id = created.id as string;
    await call(base, staff, 'POST', `/api/surveys/${id}/status`, { version: 1, status: 'open' });
    const munis = world.municipalities;
    const recipients = Array.from({ length: BURST + PACED }, (_, i) => ({
      name: `保護者 ${i + 1}`,
      municipalityCode: munis[i % munis.length]!.code,
    }));
    const s0 = performance.now();
    const issued = (await call(base, staff, 'POST', `/api/surveys/${id}/invitations`, { recipients })) as {
      links: { url: string }[];
    };
    const issueMs = performance.now() - s0;
    const tokens = issued.links.map((l) => l.url.split('/').pop()!);
    server.record(true);

    // 1. Every family of the burst in flight at once; then the paced ones.
    const burst = await answerAll(base, tokens.slice(0, BURST), BURST, 1);
    const paced = await answerAll(base, tokens.slice(BURST), PACE, 2);
    for (const [label, r] of [
      [`burst: ${BURST} families at once`, burst],
      [`paced: ${PACED} families, ${PACE} at a time`, paced],
    ] as const) {
      out.push({
        label: `${label} — open the survey (GET)`,
        durations: r.reads,
        wallMs: r.wallMs,
        load: r.load,
      });
      out.push({
        label: `${label} — open and answer (GET + POST)`,
        durations: r.durations,
        wallMs: r.wallMs,
        load: r.load,
      });
      if (r.failures.length) {
        const kinds = new Map<string, number>();
        for (const f of r.failures) kinds.set(f, (kinds.get(f) ?? 0) + 1);
        const list = [...kinds].map(([k, n]) => `${k} × ${n}`).join(', ');
        checks.push(`${label}: ${r.failures.length} requests refused (${list})`);
      }
    }
    // A used link sent again is refused and changes nothing.
    let refused = 0;
    const sample = burst.answered.slice(0, 20).map((i) => tokens[i]!);
    for (const token of sample) {
      const res = await fetch(`${base}/api/public/surveys/${token}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({
          answers: { satisfied: 'c1', age: 3, services: { c1: 'c1', c2: 'c1', c3: 'c1', c4: 'c1' } },
        }),
      });
      await res.arrayBuffer();
      if (res.status === 409) refused++;
    }
    const db2 = await openDatabase({ url: env.DATABASE_URL!, poolSize: 2 });
    let kept = 0;
    try {
      kept = rowsOf<{ n: number }>(
        await db2.systemDb.execute(sql`select count(*)::int n from survey_answers where survey_id = ${id}`),
      )[0]!.n;
      const t1 = performance.now();
      await seedAnswers(db2.systemDb, {
        surveyId: id,
        prefectureCode: PREFECTURE,
        count: Math.max(0, ANSWERS - kept),
        seed: world,
        now: new Date(),
      });
      checks.push(
        `answers added in the table: ${Math.max(0, ANSWERS - kept)} (${((performance.now() - t1) / 1000).toFixed(0)} s)`,
      );
    } finally {
      await db2.close();
    }
    const accepted = burst.answered.length + paced.answered.length;
    const okKept = kept === accepted && accepted === BURST + PACED;
    checks.push(
      `answers kept through the API: ${kept}, as many as were accepted (${accepted} of ${BURST + PACED} sent)${kept === accepted ? '' : ' — NOT as accepted'}`,
    );
    checks.push(`used links sent again: ${refused} of ${sample.length} refused with 409`);

    // 2. The results page over the whole table, whole prefecture and one region, 4 readers at a time.
    const region = munis[0]!.regionId;
    for (const [label, path] of [
      [
        `results GET /api/surveys/{id}/results (${ANSWERS.toLocaleString('en')} answers)`,
        `/api/surveys/${id}/results`,
      ],
      ['results of one region (?regionId=)', `/api/surveys/${id}/results?regionId=${region}`],
    ] as const) {
      // The first view after the answers arrived counts them (results-cache.ts); the views after it read that count
      // until the next answer. Its time is reported on its own; the warm-up reads follow it.
      const t0 = performance.now();
      await call(base, staff, 'GET', path);
      checks.push(
        `${label}: first view after the answers arrived (counts them) ${Math.round(performance.now() - t0)} ms`,
      );
      for (let i = 0; i < 2; i++) await call(base, staff, 'GET', path);
      const before = loadavg()[0]!;
      const r = await runConcurrent(REQUESTS, READERS, async () => {
        await call(base, staff, 'GET', path);
      });
      out.push({ label, ...r, load: [before, loadavg()[0]!] });
      // New answers arrive after the count: the next view adds only them to the kept counts (results-cache.ts).
      const db3 = await openDatabase({ url: env.DATABASE_URL!, poolSize: 2 });
      try {
        await seedAnswers(db3.systemDb, {
          surveyId: id,
          prefectureCode: PREFECTURE,
          count: NEW_ANSWERS,
          seed: world,
          now: new Date(),
        });
      } finally {
        await db3.close();
      }
      const t2 = performance.now();
      await call(base, staff, 'GET', path);
      checks.push(
        `${label}: first view after ${NEW_ANSWERS} new answers (adds them) ${Math.round(performance.now() - t2)} ms (load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
    const total = (await call(base, staff, 'GET', `/api/surveys/${id}/results`)).total as number;
    checks.push(`results count ${total} answers`);
    server.record(false);
    return {
      engine,
      out,
      checks,
      issueMs,
      okKept,
      resentOk: refused === sample.length,
      seedSeconds: (performance.now() - t0) / 1000,
      routes: new Map(server.routes),
    };
  } finally {
    await server.stop();
    await cleanup();
  }
}

const ms = (v: number) => `${Number.isFinite(v) ? v.toFixed(0).padStart(6) : '     –'} ms`;

function print(r: Awaited<ReturnType<typeof benchEngine>>) {
  console.log(
    `\n[${r.engine}] prefecture ${PREFECTURE}; ${BURST + PACED} personal links issued in one request in ${r.issueMs.toFixed(0)} ms`,
  );
  console.log(
    '  what                                                                    n    rate      p50       p95       p99   load avg',
  );
  for (const m of r.out) {
    const d = m.durations;
    console.log(
      `  ${m.label.padEnd(68)} ${String(d.length).padStart(5)} ${((d.length / m.wallMs) * 1000).toFixed(0).padStart(5)}/s ${ms(percentile(d, 50))} ${ms(percentile(d, 95))} ${ms(percentile(d, 99))}   ${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)}`,
    );
  }
  for (const c of r.checks) console.log(`  ${c}`);
  console.log('  server time per route (request log)                                  n      p50       p99');
  for (const [route, times] of [...r.routes].sort((a, b) => b[1].length - a[1].length).slice(0, 6))
    console.log(
      `  ${route.padEnd(62)} ${String(times.length).padStart(6)} ${ms(percentile(times, 50))} ${ms(percentile(times, 99))}`,
    );
  console.log(
    `  machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min; server, database and clients share it, with any other work on the machine)`,
  );
  const full = r.engine === 'postgres' && !QUICK;
  for (const m of r.out.filter((x) => x.label.startsWith('results'))) {
    const p95 = percentile(m.durations, 95);
    console.log(
      `  target ${m.label.split(' (')[0]} p95 < ${RESULTS_TARGET_MS} ms${full ? '' : ' (judged on the full PostgreSQL run)'}: ${full ? (p95 < RESULTS_TARGET_MS ? 'met' : 'NOT met') : 'not judged'} (${p95.toFixed(0)} ms)`,
    );
  }
  console.log(
    `  target every answer sent accepted and kept once, used links refused: ${r.okKept && r.resentOk ? 'met' : 'NOT met'}`,
  );
}

async function main() {
  console.log(
    `Tsunagu surveys benchmark — families answering by personal links, and the results page${QUICK ? ' (quick)' : ''}`,
  );
  for (const engine of ENGINES) print(await benchEngine(engine));
}

runMain(main);
