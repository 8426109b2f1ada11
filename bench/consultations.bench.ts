/**
 * `npm run bench:consultations`: consultations at national scale (1,000,000 by default, BENCH_CONSULTATIONS)
 * over every municipality of the 47 prefectures, generated in SQL with generate_series (in batches, the
 * trigram index built after the load). Measures through the HTTP API, clients in a worker thread:
 * (1) a filtered team queue (GET /api/consultations?view=team&status=open&urgency=…&topic=…) for the
 *     prefecture-wide centre team of the largest prefecture and for its busiest municipality's team;
 * (2) the 年度 figures (GET /api/consultations/figures?nendo=…) for that prefecture, sequentially.
 * Targets: queue p95 < 100 ms, figures < 1 s. PostgreSQL with BENCH_DATABASE_URL (or DATABASE_URL /
 * TEST_DATABASE_URL; a database `tsunagu_bench_consultations` is created there), else embedded PGlite.
 */
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, PGLITE_EXTENSIONS, rowsOf } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { totpCode } from '../src/modules/accounts/totp';
import { createApp } from '../src/server/app';
import { testConfig } from '../src/server/config';
import { createDeps } from '../src/server/deps';
import { createLogger } from '../src/server/logger';
import { PREFECTURE_NAMES_EN, PREFECTURES } from '../src/shared/municipalities';
import { generateTotpSecret, makeUser, TEST_PASSWORD } from '../src/test/factories';
import { summary } from './stats';

const CONSULTATIONS = Number(process.env.BENCH_CONSULTATIONS ?? 1_000_000);
const BATCH = 100_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const FIGURE_RUNS = Number(process.env.BENCH_FIGURE_RUNS ?? 20);
const DB_NAME = 'tsunagu_bench_consultations';
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** BENCH_REUSE=1: measure again on the database a previous run generated (PostgreSQL only). */
const REUSE = Boolean(process.env.BENCH_REUSE);

async function openBenchDb(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'postgres' && REUSE) {
    const url = new URL(SERVER_URL!);
    url.pathname = `/${DB_NAME}`;
    return openDatabase({ url: url.toString(), poolSize: 10 });
  }
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    const db = await openDatabase({ pglite });
    return { ...db, close: async () => pglite.close() };
  }
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(
    `CREATE DATABASE ${DB_NAME} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
  );
  await admin.end();
  const url = new URL(SERVER_URL!);
  url.pathname = `/${DB_NAME}`;
  return openDatabase({ url: url.toString(), poolSize: 10 });
}

/** Phrases the generated narratives are made of (three per narrative, plus a number): varied, repeatable. */
const PHRASES = [
  '人工呼吸器を使う子の保育所入所について相談したい',
  '気管切開のある子の就学先について教育委員会と調整が必要',
  '医療型短期入所の空きがなく家族が疲れている',
  '訪問看護の回数を増やしたいが事業所が見つからない',
  '災害時の停電に備えて外部バッテリーの確保を検討している',
  '放課後等デイサービスで看護師が確保できない',
  '経管栄養の子の通学時の送迎手段がない',
  '医療費助成と手当の申請方法を知りたい',
  '保護者の就労継続のための預け先を探している',
  'きょうだい児の学校行事の間の見守りを頼みたい',
  '退院後の在宅生活に向けて支援者会議を開きたい',
  '吸引が必要な子の修学旅行に付き添う看護師を探している',
  '特別支援学校の訪問教育から通学への切り替えを考えている',
  '市町村コーディネーターの配置について他市の例を知りたい',
  '個別避難計画の作成を始めたいが様式がない',
  '在宅酸素の子の保育園での対応手順を作りたい',
  '相談支援専門員が見つからずサービス等利用計画が作れない',
  '成人期への移行に向けて生活介護の事業所を探している',
  '母子保健の保健師と障害福祉の担当の連携がうまくいかない',
  '胃ろうの子の給食対応について学校から相談があった',
];

async function generate(db: Database) {
  const d = db.systemDb;
  for (const p of PREFECTURES) {
    await d.execute(sql`insert into prefectures (code, name, name_en) values (${p.code}, ${p.name}, ${PREFECTURE_NAMES_EN[p.code] ?? p.name})
      on conflict do nothing`);
  }
  // Regions: each prefecture's municipalities in code order, cut into 8 groups.
  await d.execute(sql`insert into regions (prefecture_code, name, sort_order)
    select p.code, p.code || '圏域' || g, g from prefectures p, generate_series(1, 8) g`);
  await d.execute(sql`insert into region_municipalities (region_id, municipality_code, valid_from)
    select r.id, m.code, '2020-04-01' from (
      select code, prefecture_code, 1 + (row_number() over (partition by prefecture_code order by code) - 1) * 8
        / count(*) over (partition by prefecture_code) as g from municipalities) m
    join regions r on r.prefecture_code = m.prefecture_code and r.sort_order = m.g`);
  // Teams: one per municipality, region and prefecture (as ensureTeam would create them).
  await d.execute(sql`insert into consultation_teams (prefecture_code, kind, tier, municipality_code, name)
    select prefecture_code, 'tier', 'municipality', code, name from municipalities`);
  await d.execute(sql`insert into consultation_teams (prefecture_code, kind, tier, region_id, name)
    select prefecture_code, 'tier', 'region', id, name from regions`);
  await d.execute(sql`insert into consultation_teams (prefecture_code, kind, tier, name)
    select code, 'tier', 'centre', name || 'センター' from prefectures`);
  // 30 working users per prefecture to carry cases.
  await d.execute(sql`insert into users (prefecture_code, email, display_name, role, scope_municipality_code)
    select p.code, 'w' || p.code || '-' || g || '@bench.example.jp', '担当' || g, 'municipal_staff',
           (select code from municipalities m where m.prefecture_code = p.code order by code limit 1)
    from prefectures p, generate_series(1, 30) g`);
  // A lookup of every municipality with its three teams and its prefecture's users.
  await d.execute(sql`create table bench_muni as
    select row_number() over (order by m.code)::int as idx, m.code, m.prefecture_code,
      (select id from consultation_teams t where t.kind = 'tier' and t.tier = 'municipality' and t.municipality_code = m.code) as muni_team,
      (select t.id from consultation_teams t join region_municipalities rm on rm.region_id = t.region_id
        where t.tier = 'region' and rm.municipality_code = m.code) as region_team,
      (select id from consultation_teams t where t.tier = 'centre' and t.prefecture_code = m.prefecture_code) as centre_team,
      (select array_agg(id) from users u where u.prefecture_code = m.prefecture_code) as user_ids
    from municipalities m`);
  const [{ n }] = rowsOf<{ n: number }>(await d.execute(sql`select count(*)::int as n from bench_muni`)) as [
    { n: number },
  ];
  await d.execute(sql`drop index if exists consultations_search_trgm_idx`);
  const phrases = sql`array[${sql.join(
    PHRASES.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[]`;
  const topics = sql`array['medical_care','welfare_services','education','childcare','short_stay','disaster','transport','money','work_after_school','other']::text[]`;
  for (let done = 0; done < CONSULTATIONS; done += BATCH) {
    const size = Math.min(BATCH, CONSULTATIONS - done);
    await d.execute(sql`insert into consultations (prefecture_code, owner_team_id, owner_tier, first_team_id, first_tier,
        municipality_code, asker_kind, channel, child_kind, topics, urgency, subject, narrative, search_text, opened_at, opened_on,
        next_action_on, due_on, assigned_user_id, closed_at, closed_on, outcome, resolved_team_id, resolved_tier, source)
      select m.prefecture_code, x.owner, x.owner_tier, x.first, x.first_tier, m.code,
        (array['family','hospital','provider','school','nursery','municipality','other'])[1 + (r.a * 7)::int % 7],
        (array['phone','visit','email','online_form','meeting'])[1 + (r.b * 5)::int % 5],
        'anonymous',
        case when r.c < 0.5 then array[(${topics})[1 + (r.c * 20)::int % 10]]
             else array[(${topics})[1 + (r.c * 20)::int % 10], (${topics})[1 + (r.d * 10)::int % 10]] end,
        (array['urgent','soon','normal','normal'])[1 + (r.d * 4)::int % 4],
        left(x.narrative, 40), x.narrative, x.narrative, x.opened, (x.opened at time zone 'Asia/Tokyo')::date,
        case when x.closed then null else current_date + ((r.e * 60)::int - 30) end,
        case when x.closed then null else current_date + ((r.e * 60)::int - 30) end,
        case when r.f < 0.8 then m.user_ids[1 + (r.f * 1000)::int % 30] end,
        case when x.closed then x.opened + (r.e * 90) * interval '1 day' end,
        case when x.closed then ((x.opened + (r.e * 90) * interval '1 day') at time zone 'Asia/Tokyo')::date end,
        case when x.closed then 'resolved' end,
        case when x.closed then x.owner end,
        case when x.closed then x.owner_tier end,
        'staff'
      from generate_series(1, ${size}) g
      cross join lateral (select random() a, random() b, random() c, random() d, random() e, random() f, random() h,
                                 random() i, random() j, random() k, g as gg) r
      join bench_muni m on m.idx = 1 + ((r.h * ${n})::int % ${n})
      cross join lateral (select
        case when r.i < 0.6 then m.muni_team when r.i < 0.85 then m.region_team else m.centre_team end as owner,
        case when r.i < 0.6 then 'municipality' when r.i < 0.85 then 'region' else 'centre' end as owner_tier,
        -- First contact moves down over the years (KU-7): more municipal first contacts in later 年度.
        case when r.j < 0.4 + 0.3 * (1 - r.k) then m.muni_team else m.centre_team end as first,
        case when r.j < 0.4 + 0.3 * (1 - r.k) then 'municipality' else 'centre' end as first_tier,
        (${phrases})[1 + (r.a * 997)::int % 20] || '。' || (${phrases})[1 + (r.b * 991)::int % 20] || '。'
          || (${phrases})[1 + (r.c * 983)::int % 20] || '（' || (r.d * 100000)::int || '）' as narrative,
        now() - (r.k * 2000) * interval '1 day' as opened,
        r.k > 0.06 as closed) x`);
    process.stdout.write(`  consultations ${done + size}\n`);
  }
  // Hand-offs accepted for about 10 % of the cases, taking from minutes to a few days.
  await d.execute(sql`insert into consultation_handoffs (consultation_id, prefecture_code, kind, from_team_id, to_team_id,
      status, requested_at, decided_at)
    select id, prefecture_code, 'handoff', first_team_id, owner_team_id, 'accepted', opened_at,
      opened_at + (random() * 96) * interval '1 hour'
    from consultations where first_team_id <> owner_team_id and random() < 0.3`);
  const t0 = performance.now();
  await d.execute(
    sql`create index consultations_search_trgm_idx on consultations using gin (search_text gin_trgm_ops)`,
  );
  const trgmMs = performance.now() - t0;
  // As autovacuum would leave a table at rest: statistics and the visibility map.
  await d.execute(sql`vacuum analyze consultations`);
  await d.execute(sql`analyze`);
  return { trgmMs };
}

function loadFromWorker(data: { base: string; paths: string[]; cookie: string; concurrency: number }) {
  return new Promise<{ durations: number[]; wallMs: number }>((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function signIn(base: string, email: string, secret: string | null) {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (secret) {
    const totp = await fetch(`${base}/api/auth/totp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ code: totpCode(secret, new Date()) }),
    });
    if (totp.status !== 200) throw new Error(`bench sign-in failed: ${await totp.text()}`);
  }
  return cookie;
}

async function benchOne(kind: 'pglite' | 'postgres') {
  const db = await openBenchDb(kind);
  const t0 = performance.now();
  const reuse = REUSE && kind === 'postgres';
  if (!reuse) await migrateDatabase(db);
  const { trgmMs } = reuse ? { trgmMs: 0 } : await generate(db);
  const genMs = performance.now() - t0;
  const d = db.systemDb;
  const [big] = rowsOf<{ code: string; n: number }>(
    await d.execute(
      sql`select prefecture_code code, count(*)::int n from consultations group by 1 order by 2 desc limit 1`,
    ),
  );
  const [busyMuni] = rowsOf<{ code: string; n: number }>(
    await d.execute(sql`select municipality_code code, count(*)::int n from consultations
      where prefecture_code = ${big!.code} and owner_tier = 'municipality' and closed_at is null group by 1 order by 2 desc limit 1`),
  );
  const secretKey = 'bench-secret-bench-secret-bench-secret-000000';
  const secret = generateTotpSecret();
  const centreUser = await makeUser(
    d,
    'centre_staff',
    { prefectureCode: big!.code, totpSecret: secret },
    secretKey,
  );
  const muniUser = await makeUser(
    d,
    'municipal_staff',
    { prefectureCode: big!.code, municipalityCode: busyMuni!.code },
    secretKey,
  );
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
  const centreCookie = await signIn(base, centreUser.email, secret);
  const muniCookie = await signIn(base, muniUser.email, null);

  const urgencies = ['urgent', 'soon', 'normal'];
  const topicList = ['medical_care', 'education', 'childcare', 'short_stay', 'disaster', 'money'];
  const queuePaths = Array.from({ length: REQUESTS }, (_, i) => {
    const f = [`view=team`, `status=open`];
    if (i % 2 === 0) f.push(`urgency=${urgencies[i % 3]}`);
    if (i % 3 === 0) f.push(`topic=${topicList[i % topicList.length]}`);
    if (i % 5 === 0) f.push(`page=${1 + (i % 4)}`);
    return `/api/consultations?${f.join('&')}`;
  });
  const overduePaths = Array.from({ length: REQUESTS / 4 }, () => '/api/consultations?view=overdue');
  const sample = async (cookie: string, p: string) =>
    ((await (await fetch(base + p, { headers: { cookie } })).json()) as { total: number }).total;
  const hits = {
    centre: await sample(centreCookie, '/api/consultations?view=team&status=open'),
    municipality: await sample(muniCookie, '/api/consultations?view=team&status=open'),
  };
  const centreQueue = summary(
    'team queue, centre team (prefecture)',
    await loadFromWorker({ base, paths: queuePaths, cookie: centreCookie, concurrency: CONCURRENCY }),
  );
  const muniQueue = summary(
    'team queue, municipality team',
    await loadFromWorker({ base, paths: queuePaths, cookie: muniCookie, concurrency: CONCURRENCY }),
  );
  const overdue = summary(
    'overdue list, centre team',
    await loadFromWorker({ base, paths: overduePaths, cookie: centreCookie, concurrency: CONCURRENCY }),
  );
  const nendo = new Date().getMonth() >= 3 ? new Date().getFullYear() - 1 : new Date().getFullYear() - 2;
  const figures = summary(
    `figures ${nendo}年度 (prefecture-wide, sequential)`,
    await loadFromWorker({
      base,
      paths: Array.from({ length: FIGURE_RUNS }, () => `/api/consultations/figures?nendo=${nendo}`),
      cookie: centreCookie,
      concurrency: 1,
    }),
  );
  const figureBody = (await (
    await fetch(`${base}/api/consultations/figures?nendo=${nendo}`, { headers: { cookie: centreCookie } })
  ).json()) as {
    total: number;
  };
  await new Promise((r) => server.close(r));
  await db.close();
  return {
    kind,
    consultations: CONSULTATIONS,
    genSeconds: Math.round(genMs / 100) / 10,
    trgmIndexSeconds: Math.round(trgmMs / 100) / 10,
    prefecture: big,
    busiestMunicipality: busyMuni,
    openInQueue: hits,
    figuresTotalInNendo: figureBody.total,
    results: [centreQueue, muniQueue, overdue, figures],
  };
}

const kinds: ('pglite' | 'postgres')[] = SERVER_URL
  ? process.env.BENCH_PGLITE
    ? ['postgres', 'pglite']
    : ['postgres']
  : ['pglite'];
for (const kind of kinds) {
  const r = await benchOne(kind);
  console.log(JSON.stringify(r, null, 2));
}
process.exit(0);
