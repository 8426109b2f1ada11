/**
 * The clients of `npm run bench:learning`, in their own thread so their work does not share the benchmark's event
 * loop (as real browsers would not). Two modes:
 * - `watch`: every learner reports its progress every 15 s (open loop: a report is sent when it is due, whatever
 *   the server's speed, and its time counts from then, waiting for a connection included), while the public
 *   catalogue is asked at a fixed rate from many client addresses. Posts `recording` when the warm-up ends.
 * - `stream`: clients read the video from staggered offsets for a time, some at a player's pace (2 Mbit/s, the
 *   rest as fast as they can), counting the bytes.
 */
import { Agent, type IncomingMessage, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { nextReport, slot, startOf, type Watcher } from './learning-watch';

export type WatchInput = {
  mode: 'watch';
  /** One address per app server; learner i reports to bases[i % n], the catalogue goes round them. */
  bases: string[];
  learners: { token: string; csrfToken: string }[];
  lessonIds: string[];
  lessonDurationMs: number;
  everyMs: number;
  warmupSeconds: number;
  durationSeconds: number;
  catalogueRate: number;
  prefectureCode: string;
  sockets: number;
};

export type StreamInput = {
  mode: 'stream';
  base: string;
  cookie: string;
  /** The file's address, e.g. `/api/learning/elearning/me/media/{id}` (bench:files: a library item's file). */
  path: string;
  byteSize: number;
  clients: number;
  slowClients: number;
  slowBytesPerSecond: number;
  seconds: number;
};

export type KindOut = { durations: number[]; statuses: Record<string, number>; errors: number };
export type WatchOut = {
  progress: KindOut & { deferred: number; acceptedMs: number; claimedMs: number; skipped: number };
  catalogue: KindOut;
  maxLagMs: number;
  wallMs: number;
};
export type StreamOut = {
  clients: { bytes: number; status: number; slow: boolean; error: string | null }[];
  wallMs: number;
};

const cookieName = 'tsunagu_session';

function send(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

function kind(): KindOut {
  return { durations: [], statuses: {}, errors: 0 };
}

async function watch(input: WatchInput): Promise<WatchOut> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.sockets });
  const n = input.learners.length;
  const watchers: Watcher[] = input.learners.map((_, i) =>
    startOf(i, input.lessonIds.length, input.lessonDurationMs),
  );
  const busy = new Uint8Array(n);
  const out: WatchOut = {
    progress: { ...kind(), deferred: 0, acceptedMs: 0, claimedMs: 0, skipped: 0 },
    catalogue: kind(),
    maxLagMs: 0,
    wallMs: 0,
  };
  const started = performance.now();
  const recordFrom = started + input.warmupSeconds * 1000;
  const endAt = recordFrom + input.durationSeconds * 1000;
  let recording = false;
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const report = async (i: number) => {
    const t0 = performance.now();
    const { report: r, next } = nextReport(
      watchers[i]!,
      Date.now(),
      input.lessonDurationMs,
      input.lessonIds.length,
    );
    watchers[i] = next;
    const counted = recording;
    const l = input.learners[i]!;
    try {
      const res = await send(
        agent,
        input.bases[i % input.bases.length]!,
        'POST',
        `/api/learning/elearning/me/lessons/${input.lessonIds[r.lesson]}/progress`,
        {
          'content-type': 'application/json',
          cookie: `${cookieName}=${l.token}`,
          'x-csrf-token': l.csrfToken,
          'x-forwarded-for': `172.16.${(i >> 8) & 255}.${i & 255}`,
        },
        JSON.stringify(r.body),
      );
      if (!counted) return;
      out.progress.durations.push(performance.now() - t0);
      out.progress.statuses[res.status] = (out.progress.statuses[res.status] ?? 0) + 1;
      if (res.status === 200) {
        const body = JSON.parse(res.text) as { acceptedMs: number; deferredMs: number };
        out.progress.acceptedMs += body.acceptedMs;
        if (body.deferredMs > 0) out.progress.deferred++;
        for (const [s, e] of r.body.intervals) out.progress.claimedMs += Math.round((e - s) * 1000);
      }
    } catch {
      if (counted) out.progress.errors++;
    } finally {
      busy[i] = 0;
    }
  };

  let catalogueCalls = 0;
  const catalogue = async () => {
    const t0 = performance.now();
    const counted = recording;
    const ip = `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
    const q = Math.random() < 0.3 ? '&open=true' : '';
    const base = input.bases[catalogueCalls++ % input.bases.length]!;
    try {
      const res = await send(
        agent,
        base,
        'GET',
        `/api/public/learning/sessions?prefecture=${input.prefectureCode}${q}`,
        { 'x-forwarded-for': ip },
      );
      if (!counted) return;
      out.catalogue.durations.push(performance.now() - t0);
      out.catalogue.statuses[res.status] = (out.catalogue.statuses[res.status] ?? 0) + 1;
    } catch {
      if (counted) out.catalogue.errors++;
    }
  };

  let k = 0;
  let c = 0;
  const catalogueEvery = input.catalogueRate > 0 ? 1000 / input.catalogueRate : Number.POSITIVE_INFINITY;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (!recording && now >= recordFrom) {
        recording = true;
        parentPort?.postMessage({ type: 'recording' });
      }
      for (;;) {
        const s = slot(k, n, input.everyMs);
        if (started + s.atMs > now) break;
        if (recording) out.maxLagMs = Math.max(out.maxLagMs, now - (started + s.atMs));
        k++;
        if (busy[s.learner]) {
          // The previous report of this learner has not been answered in 15 s: the player would wait too.
          if (recording) out.progress.skipped++;
          continue;
        }
        busy[s.learner] = 1;
        track(report(s.learner));
      }
      while (started + c * catalogueEvery <= now) {
        c++;
        track(catalogue());
      }
      if (now >= endAt) {
        recording = false;
        resolve();
        return;
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.allSettled([...pending]);
  out.wallMs = endAt - recordFrom;
  agent.destroy();
  return out;
}

async function stream(input: StreamInput): Promise<StreamOut> {
  const agent = new Agent({ keepAlive: false, maxSockets: input.clients });
  const started = performance.now();
  const stopAt = started + input.seconds * 1000;
  const one = (i: number) =>
    new Promise<StreamOut['clients'][number]>((resolve) => {
      const slow = i < input.slowClients;
      const offset = Math.floor((i * input.byteSize) / input.clients);
      const result = { bytes: 0, status: 0, slow, error: null as string | null };
      const req = request(
        `${input.base}${input.path}`,
        { agent, headers: { cookie: input.cookie, range: `bytes=${offset}-` } },
        (res: IncomingMessage) => {
          result.status = res.statusCode ?? 0;
          const finish = () => {
            res.destroy();
            resolve(result);
          };
          const timer = setTimeout(finish, Math.max(0, stopAt - performance.now()));
          res.on('data', (chunk: Buffer) => {
            result.bytes += chunk.length;
            if (!slow) return;
            // A player's pace: pause until the bytes taken so far are due.
            const dueMs = (result.bytes / input.slowBytesPerSecond) * 1000;
            const wait = started + dueMs - performance.now();
            if (wait > 0) {
              res.pause();
              setTimeout(() => res.resume(), Math.min(wait, Math.max(0, stopAt - performance.now())));
            }
          });
          res.on('end', () => {
            clearTimeout(timer);
            resolve(result);
          });
          res.on('error', (e) => {
            clearTimeout(timer);
            result.error = e.message;
            resolve(result);
          });
        },
      );
      req.on('error', (e) => {
        result.error = e.message;
        resolve(result);
      });
      req.end();
    });
  const clients = await Promise.all(Array.from({ length: input.clients }, (_, i) => one(i)));
  agent.destroy();
  return { clients, wallMs: performance.now() - started };
}

const input = workerData as WatchInput | StreamInput;
const result = input.mode === 'watch' ? await watch(input) : await stream(input);
parentPort?.postMessage({ type: 'done', result });
