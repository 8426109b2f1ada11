import { eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DbOrTx } from '../../db/client';
import { municipalities, prefectures } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isValidMunicipalityCode } from '../../shared/municipality-code';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import type { recordAudit } from '../audit/record';
import { canAdminister, canReadNetwork, isSystemAdmin, networkTenant } from './policy';

/** Who did it, when, from where: the second argument of recordAudit. */
export type Who = Parameters<typeof recordAudit>[1];

/** The actor and the prefecture (tenant) a network request works in, after the policy check. */
export type Tenant = { actor: Actor; prefectureCode: string; who: Who };

/**
 * Resolves the tenant of a network request and applies the policy: reads need membership of the
 * prefecture, writes need `canAdminister` (403 otherwise, so the read-only roles learn why). A system
 * administrator naming a prefecture that is not a tenant gets 404.
 */
export async function networkRequest(
  c: Context<AppEnv>,
  deps: Deps,
  mode: 'read' | 'write',
  requestedPrefecture: string | undefined,
): Promise<Tenant> {
  const actor = requireActor(c);
  const decision = networkTenant(actor, requestedPrefecture);
  if (!decision.ok) throw new AppError(decision.error);
  const { prefectureCode } = decision;
  if (mode === 'write' && !canAdminister(actor, prefectureCode)) throw new AppError('forbidden');
  if (!canReadNetwork(actor, prefectureCode)) throw new AppError('not_found');
  if (isSystemAdmin(actor)) {
    const [row] = await deps.db.systemDb
      .select({ code: prefectures.code })
      .from(prefectures)
      .where(eq(prefectures.code, prefectureCode));
    if (!row) throw new AppError('not_found');
  }
  return { actor, prefectureCode, who: { actor, meta: c.get('meta'), at: deps.now() } };
}

const JST_OFFSET_MS = 9 * 3_600_000;

/** Today's date in Japan (no daylight saving), as 'YYYY-MM-DD': membership periods are Japanese dates. */
export function todayInJapan(now: Date): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Checks municipality codes for a prefecture: six digits with a correct check digit, in the prefecture,
 * and in the reference list. Returns them de-duplicated; throws invalid_municipality_code naming the bad ones.
 */
export async function assertMunicipalityCodes(
  db: DbOrTx,
  prefectureCode: string,
  codes: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(codes.map((c) => c.trim()))];
  const bad = unique.filter((c) => !isValidMunicipalityCode(c) || c.slice(0, 2) !== prefectureCode);
  if (bad.length === 0 && unique.length > 0) {
    const known = await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(inArray(municipalities.code, unique));
    const knownSet = new Set(known.map((k) => k.code));
    bad.push(...unique.filter((c) => !knownSet.has(c)));
  }
  if (bad.length > 0) {
    throw new AppError('invalid_municipality_code', {
      detail: { codes: bad },
      issues: bad.map((c) => ({ path: 'municipalityCodes', message: `${c}` })),
    });
  }
  return unique;
}

/** Optional text from a request: undefined = leave as is; null or blank = clear. */
export function blankToNull(v: string | null | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  return v === null || v.trim() === '' ? null : v.trim();
}

/** Keeps only the keys whose value is not undefined (a PATCH sets only what it names). */
export function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Hiragana → katakana and no spaces, so 'くまもと' finds クマモト in kana columns. */
export function searchKey(q: string): string {
  return q
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** Escapes LIKE wildcards in user input. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}
