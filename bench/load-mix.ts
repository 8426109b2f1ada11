/**
 * The staff mix of `npm run bench:load`, driven by autocannon: each request draws its kind by weight — a children
 * search, a consultation queue, the home figures (as a signed-in staff member, one of many sessions) or a public
 * resources search from one of many client addresses (X-Forwarded-For, as a proxy would set it). Latency is
 * recorded per kind from autocannon's own measurements (time to the whole response).
 */
import autocannon from 'autocannon';
import { percentile } from './stats';

export type Kind = 'children' | 'queue' | 'home' | 'public';
export const KIND_LABELS: Record<Kind, string> = {
  children: 'children search  GET /api/children?q=…',
  queue: 'consultation queue GET /api/consultations?view=team…',
  home: 'home figures     GET /api/home/figures',
  public: 'public search    GET /api/public/resources?…',
};
/** Shares of the mix (they sum to 1). */
export const WEIGHTS: Record<Kind, number> = { children: 0.3, queue: 0.25, home: 0.2, public: 0.25 };

export type MixInput = {
  base: string;
  connections: number;
  durationSeconds: number;
  /** Session cookies by who may ask what: every staff session searches children and opens home. */
  staffCookies: string[];
  /** Sessions of users in a consultation team (centre, regions, municipalities). */
  queueCookies: string[];
  kanaNames: string[];
  serviceMunicipalities: string[];
  /** The share of each kind (default WEIGHTS); `--only=KIND` runs one kind alone to measure its cost. */
  weights?: Record<Kind, number>;
};

export type KindResult = {
  kind: Kind;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  byStatus: Record<string, number>;
};

export type MixResult = {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: Record<string, number>;
  kinds: KindResult[];
};

const CARE_ITEMS = ['ventilator', 'suction', 'tube_feeding_gastric', 'oxygen', 'tracheostomy'];
const URGENCIES = ['urgent', 'soon', 'normal'];

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

function drawKind(weights: Record<Kind, number>): Kind {
  let x = Math.random();
  for (const [k, w] of Object.entries(weights) as [Kind, number][]) {
    x -= w;
    if (x < 0) return k;
  }
  return 'public';
}

/** A path and headers of one request of the kind. */
function requestOf(kind: Kind, input: MixInput): { path: string; headers: Record<string, string> } {
  switch (kind) {
    case 'children':
      return {
        path: `/api/children?q=${encodeURIComponent(pick(input.kanaNames))}`,
        headers: { cookie: pick(input.staffCookies) },
      };
    case 'queue': {
      const f = ['view=team', 'status=open'];
      if (Math.random() < 0.5) f.push(`urgency=${pick(URGENCIES)}`);
      if (Math.random() < 0.2) f.push('page=2');
      return { path: `/api/consultations?${f.join('&')}`, headers: { cookie: pick(input.queueCookies) } };
    }
    case 'home':
      return { path: '/api/home/figures', headers: { cookie: pick(input.staffCookies) } };
    case 'public': {
      const m = pick(input.serviceMunicipalities);
      const q =
        Math.random() < 0.5 ? `municipalityCode=${m}&careItem=${pick(CARE_ITEMS)}` : `municipalityCode=${m}`;
      // A family's address: 10.x.y.z, so the per-address limits see many clients, as behind a real proxy.
      const ip = `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
      return { path: `/api/public/resources?${q}`, headers: { 'x-forwarded-for': ip } };
    }
  }
}

/** Runs the mix for the duration; resolves with throughput, latency overall and per kind, and failures. */
export async function runMix(input: MixInput): Promise<MixResult> {
  const samples: Record<Kind, number[]> = { children: [], queue: [], home: [], public: [] };
  const statuses: Record<Kind, Record<string, number>> = { children: {}, queue: {}, home: {}, public: {} };
  const all: number[] = [];
  const instance = autocannon({
    url: input.base,
    connections: input.connections,
    duration: input.durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req, context) => {
          const kind = drawKind(input.weights ?? WEIGHTS);
          (context as { kind?: Kind }).kind = kind;
          const r = requestOf(kind, input);
          return { ...req, path: r.path, headers: { ...req.headers, ...r.headers } };
        },
      },
    ],
  });
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    // The context of the request just answered (autocannon builds the next one after this event).
    const kind = (client as unknown as { requestIterator: { context: { kind?: Kind } } }).requestIterator
      .context.kind;
    if (!kind) return;
    samples[kind].push(responseTime);
    all.push(responseTime);
    statuses[kind][statusCode] = (statuses[kind][statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const non2xx: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) non2xx[code] = count;
  }
  return {
    requests: all.length,
    perSecond: all.length / input.durationSeconds,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    kinds: (Object.keys(samples) as Kind[]).map((kind) => ({
      kind,
      n: samples[kind].length,
      p50: percentile(samples[kind], 50),
      p95: percentile(samples[kind], 95),
      p99: percentile(samples[kind], 99),
      byStatus: statuses[kind],
    })),
  };
}
