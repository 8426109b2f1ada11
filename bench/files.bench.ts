/**
 * `npm run bench:files` (issue 15, decision 0025): the one file store serving a large file with Range at flat
 * memory, against a server in its own process (bench/load-server.ts → src/server/main.ts, as in production):
 * 1. **Upload:** a synthetic 500 MB video (generated slice by slice, never on disk or whole in memory) is sent
 *    to a library item through the staff API (`PUT /api/library/items/{id}/file`, one streamed request), while
 *    the server's resident memory is sampled every second.
 * 2. **Serving:** 20 clients read it through `GET /api/library/items/{id}/file` with `Range: bytes=offset-` from
 *    staggered offsets for a time (5 at a player's 2 Mbit/s, the rest as fast as they read; the clients of
 *    bench:learning, bench/learning-worker.ts), memory sampled every second. Every answer must be 206.
 * Engines: PostgreSQL (a fresh database `tsunagu_bench_files` on $BENCH_DATABASE_URL's server, created and
 * dropped here) and, with --engine=pglite|both, PGlite (a temporary data directory).
 *
 * Options: --engine=postgres|pglite|both (default postgres), --file-mb=N (default 500), --seconds=S (default
 * 60), --quick (a 64 MB file read for 10 s).
 * Target (issue 15): memory flat — the server's resident memory grows by at most 100 MiB over its level before,
 * at its peak and after — while uploading and while serving.
 */
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { migrateDatabase } from '../src/db/migrate';
import { generateTotpSecret, makeCentre, makePrefecture, makeUser } from '../src/test/factories';
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
import { memoryFlat, mp4Slice } from './learning-watch';
import type { StreamInput, StreamOut } from './learning-worker';

const { args, num, engines } = cliArgs();
const QUICK = args.has('quick');
const FILE_BYTES = num('file-mb', QUICK ? 64 : 500) * 1024 * 1024;
const SECONDS = num('seconds', QUICK ? 10 : 60);
const ENGINES = engines(['postgres']);
const CLIENTS = 20;
const SLOW_CLIENTS = 5;
const SLICE = 1024 * 1024;
const DB_NAME = 'tsunagu_bench_files';
const PREFECTURE = '20';
const SECRET_KEY = 'bench-files-secret-bench-files-secret-000000000';
const MEMORY_ALLOWANCE = 100 * 1024 * 1024;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

async function api(base: string, s: BenchSession, method: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    ...init,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(init.headers ?? {}) },
  });
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** The synthetic video as a stream of 1 MiB slices: the benchmark never holds it whole. */
function videoStream(total: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= total) return controller.close();
      const slice = mp4Slice(total, 30 * 60_000, offset, SLICE);
      offset += slice.length;
      controller.enqueue(new Uint8Array(slice.buffer, slice.byteOffset, slice.length));
    },
  });
}

function streamClients(input: StreamInput): Promise<StreamOut> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./learning-worker.mjs', import.meta.url), { workerData: input });
    w.on('message', (m: { type: string; result?: StreamOut }) => {
      if (m.type === 'done') resolve(m.result as StreamOut);
    });
    w.on('error', reject);
  });
}

async function benchEngine(engine: Engine) {
  const { db, env, cleanup } = await prepareEngine(engine, DB_NAME);
  try {
    await migrateDatabase(db);
    await makePrefecture(db.systemDb, PREFECTURE);
    const hq = await makeCentre(db.systemDb, PREFECTURE, { kind: 'hq', name: '医療的ケア児支援センター' });
    const totpSecret = generateTotpSecret();
    const staff = await makeUser(
      db.systemDb,
      'centre_staff',
      { prefectureCode: PREFECTURE, centreId: hq.id, totpSecret },
      SECRET_KEY,
    );
    await db.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startServer(env, port, SECRET_KEY);
    try {
      await server.ready(base);
      const s = await signIn(base, staff.email, '10.9.0.1', totpSecret);
      const item = await api(base, s, 'POST', '/api/library/items', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: '就学説明会の記録動画',
          kind: 'video',
          situations: ['school_entry'],
          audiences: ['family', 'school'],
          visibility: 'staff',
        }),
      });
      const id = item.id as string;

      const sample = async (phase: () => Promise<unknown>) => {
        await new Promise((r) => setTimeout(r, 2_000));
        const before = await server.memory();
        const samples: number[] = [];
        const sampler = setInterval(() => void server.memory().then((m) => samples.push(m.rss)), 1_000);
        const t0 = performance.now();
        const result = await phase();
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(sampler);
        await new Promise((r) => setTimeout(r, 2_000));
        const after = await server.memory();
        return { result, seconds, before: before.rss, after: after.rss, samples, load: loadavg()[0]! };
      };

      const upload = await sample(() =>
        api(base, s, 'PUT', `/api/library/items/${id}/file?version=${item.version}&name=記録動画.mp4`, {
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(FILE_BYTES) },
          body: videoStream(FILE_BYTES),
          duplex: 'half',
        } as RequestInit),
      );
      const serve = await sample(() =>
        streamClients({
          mode: 'stream',
          base,
          cookie: s.cookie,
          path: `/api/library/items/${id}/file`,
          byteSize: FILE_BYTES,
          clients: CLIENTS,
          slowClients: SLOW_CLIENTS,
          slowBytesPerSecond: 250_000,
          seconds: SECONDS,
        }),
      );
      return { engine, upload, serve, streamed: serve.result as StreamOut };
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

function report(r: Awaited<ReturnType<typeof benchEngine>>) {
  const memLine = (p: { before: number; after: number; samples: number[] }) => {
    const m = memoryFlat(p.before, p.samples, p.after, MEMORY_ALLOWANCE);
    return `server RSS before ${mib(p.before)}, during ${mib(Math.min(...p.samples, p.before))}–${mib(Math.max(...p.samples, p.before))} (${p.samples.length} samples), after ${mib(p.after)}: peak growth ${mib(m.peakGrowth)} → ${m.flat ? 'flat' : 'NOT FLAT'}`;
  };
  const c = r.streamed.clients;
  const total = c.reduce((a, x) => a + x.bytes, 0);
  const statuses = [...new Set(c.map((x) => x.status))].join(', ');
  const errors = c.filter((x) => x.error).length;
  const fast = c.filter((x) => !x.slow);
  const slow = c.filter((x) => x.slow);
  const rate = (xs: typeof c) =>
    xs.reduce((a, x) => a + x.bytes, 0) / 1024 / 1024 / SECONDS / Math.max(1, xs.length);
  console.log(`\n${r.engine}`);
  console.log(
    `  upload: ${mib(FILE_BYTES)} in one streamed request in ${r.upload.seconds.toFixed(1)} s (${(FILE_BYTES / 1024 / 1024 / r.upload.seconds).toFixed(1)} MiB/s); load ${r.upload.load.toFixed(1)}`,
  );
  console.log(`    ${memLine(r.upload)}`);
  console.log(
    `  serving: ${CLIENTS} clients with Range from staggered offsets for ${SECONDS} s — ${mib(total)} sent (${(total / 1024 / 1024 / r.serve.seconds).toFixed(1)} MiB/s in all; fast clients ${rate(fast).toFixed(1)} MiB/s each, slow ${rate(slow).toFixed(2)} MiB/s each); statuses ${statuses}; errors ${errors}; load ${r.serve.load.toFixed(1)}`,
  );
  console.log(`    ${memLine(r.serve)}`);
  const ok =
    memoryFlat(r.upload.before, r.upload.samples, r.upload.after, MEMORY_ALLOWANCE).flat &&
    memoryFlat(r.serve.before, r.serve.samples, r.serve.after, MEMORY_ALLOWANCE).flat &&
    statuses === '206' &&
    errors === 0;
  console.log(`  target (flat memory, every answer 206): ${ok ? 'met' : 'NOT MET'}`);
  return ok;
}

runMain(async () => {
  console.log(
    `Tsunagu file store benchmark — a ${mib(FILE_BYTES)} file uploaded, then served to ${CLIENTS} clients with Range${QUICK ? ' (quick)' : ''}; load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  let ok = true;
  for (const engine of ENGINES) ok = report(await benchEngine(engine)) && ok;
  if (!ok) throw new Error('target not met (above)');
});
