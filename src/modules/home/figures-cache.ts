import type { Actor } from '../access/actor';

/**
 * How long each server keeps a scope's home figures (decision 0015, "Home figures under load"). The page says
 * how old the figures are ("… 時点"), so a minute-old count is honest; a change to a child shows within it.
 */
export const HOME_FIGURES_TTL_MS = 60_000;

/**
 * The cache key of an actor's home figures: everything the figures depend on — the role, the prefecture, the
 * scope's kind and every id in it (regions sorted, the municipality with its division, the organisation) and
 * the day in Japan (年度 and ages move with it). Municipal figures depend on guardians' consent too; that is
 * data, read when the figures are computed, and the same for every user of the municipality, so it is not part
 * of the key. Users with equal keys see exactly the same children (`childScope` reads nothing else of them).
 */
export function homeFiguresKey(actor: Actor, today: string): string {
  const s = actor.scope;
  const scope =
    s.kind === 'regions'
      ? { kind: s.kind, regionIds: [...s.regionIds].sort() }
      : s.kind === 'municipality'
        ? { kind: s.kind, municipalityCode: s.municipalityCode, division: s.division }
        : s.kind === 'organisation'
          ? { kind: s.kind, organisationId: s.organisationId }
          : { kind: s.kind };
  return JSON.stringify({ role: actor.role, prefectureCode: actor.prefectureCode, scope, today });
}

type Entry<V> = { at: number; value: V };

/**
 * Figures kept per key for `ttlMs`, with their age. Concurrent requests for a key that is missing or stale
 * share one computation (a cold cache under load computes each scope once, not once per request); a failed
 * computation is not kept. Past `max` keys the least recently used goes.
 */
export class FiguresCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly pending = new Map<string, Promise<Entry<V>>>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 5000,
  ) {}

  /** The kept value and when it was computed, or a fresh one from `compute` (computed at `now`). */
  async get(key: string, now: number, compute: () => Promise<V>): Promise<{ value: V; at: number }> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      if (now - hit.at < this.ttlMs && now >= hit.at) {
        this.entries.set(key, hit); // most recently used last
        return hit;
      }
    }
    let running = this.pending.get(key);
    if (!running) {
      running = compute().then(
        (value) => {
          const entry = { at: now, value };
          if (this.ttlMs > 0) this.keep(key, entry);
          this.pending.delete(key);
          return entry;
        },
        (e: unknown) => {
          this.pending.delete(key);
          throw e;
        },
      );
      this.pending.set(key, running);
    }
    return running;
  }

  private keep(key: string, entry: Entry<V>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.max) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
