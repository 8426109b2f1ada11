import { CARE_ITEMS } from '../../shared/care-score';
import { kanaKey, kanjiKey } from '../../shared/names';
import type { CareAcceptance } from './schemas-common';

/**
 * The text key searched with pg_trgm: kanji variants folded (髙→高), width folded (ｶﾞ→ガ, Ａ→A), hiragana
 * written as katakana, small kana large and long vowels folded (shared/names.ts, shared/kana.ts) — so
 * ひまわり, ヒマワリ and ﾋﾏﾜﾘ find the same listing. Parts are joined with '|' so no match spans two fields.
 */
export function textKey(s: string): string {
  return kanaKey(kanjiKey(s));
}

export function searchKeyOf(
  parts: (string | null | undefined)[],
  key: (s: string) => string = textKey,
): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => key(p.slice(0, 1000)))
    .join('|');
}

/** The key of a search box entry ('' when nothing is left). */
export function queryKey(q: string): string {
  return textKey(q.trim()).replace(/[|%_\\]/g, '');
}

/** Codes accepted with or without conditions (the `accepts` array searched with `@>`). */
export function acceptedCodes(items: readonly CareAcceptance[]): string[] {
  return items.filter((i) => i.acceptance !== 'not_accepted').map((i) => i.code);
}

const ORDER = new Map(CARE_ITEMS.map((c, i) => [c.code, i]));

/** Care items in care-items.json order, conditions kept only with accepted_with_conditions. */
export function normaliseCareItems(items: readonly CareAcceptance[]): CareAcceptance[] {
  return [...items]
    .map((i) => ({
      code: i.code,
      acceptance: i.acceptance,
      conditions: i.acceptance === 'accepted_with_conditions' ? i.conditions?.trim() || null : null,
    }))
    .sort((a, b) => (ORDER.get(a.code) ?? 99) - (ORDER.get(b.code) ?? 99));
}

/** Repeated care-item codes (400 when any). */
export function duplicateCodes(items: readonly { code: string }[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of items) (seen.has(i.code) ? dup : seen).add(i.code);
  return [...dup];
}

/** A listing not confirmed for this many months is `stale` (flagged, ranked lower in public search). */
export const STALE_AFTER_MONTHS = 12;

/** True when the listing was not confirmed within STALE_AFTER_MONTHS months before `now`. */
export function isStale(lastConfirmedAt: Date | null, now: Date, months = 12): boolean {
  if (!lastConfirmedAt) return true;
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return lastConfirmedAt.getTime() < limit.getTime();
}
