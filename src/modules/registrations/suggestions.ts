import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, municipalities } from '../../db/schema';
import { addDays } from '../../shared/dates';
import { kanaKey, kanjiKey } from '../../shared/names';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { scoreCandidate, swappedDayMonth } from './match';
import type { RegistrationPayload } from './schemas-submit';

/** Candidates fetched from the database before scoring, and suggestions shown after. */
const MAX_CANDIDATES = 50;
const MAX_SUGGESTIONS = 10;
/** Below this a candidate is noise (e.g. only born the day before). */
const MIN_SCORE = 20;
/** pg_trgm similarity of kana keys that makes a record a candidate. */
const KANA_SIMILARITY = 0.5;

/**
 * Existing child records that may be the registered child, best first. Candidates are the children of the
 * registration's prefecture that the reviewer may see (childScope) and share the birth date (or one day apart,
 * or day and month swapped), a similar kana key (trigram similarity > 0.5) or the kanji key; scoreCandidate
 * then explains each. Records written before match keys existed ('' keys) are compared on their raw names.
 */
export async function findSuggestions(
  db: DbOrTx,
  actor: Actor,
  prefectureCode: string,
  p: RegistrationPayload,
) {
  const c = p.child;
  const dob = c.birthDate;
  const dates = [dob, addDays(dob, -1), addDays(dob, 1), swappedDayMonth(dob)].filter(
    (d): d is string => d !== null,
  );
  const kana = kanaKey(c.familyKana + c.givenKana);
  const kanji = kanjiKey(c.familyName + c.givenName);
  const rawKana = c.familyKana + c.givenKana;
  const rows = await db
    .select({
      id: children.id,
      familyName: children.familyName,
      givenName: children.givenName,
      familyKana: children.familyKana,
      givenKana: children.givenKana,
      birthDate: children.birthDate,
      sex: children.sex,
      municipalityCode: children.municipalityCode,
      municipalityName: municipalities.name,
      address: children.address,
      version: children.version,
    })
    .from(children)
    .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
    .where(
      and(
        childScope(actor),
        eq(children.prefectureCode, prefectureCode),
        or(
          inArray(children.birthDate, dates),
          sql`(${children.kanaKey} % ${kana} and similarity(${children.kanaKey}, ${kana}) > ${KANA_SIMILARITY})`,
          eq(children.nameKey, kanji),
          sql`(${children.kanaKey} = '' and similarity(${children.familyKana} || ${children.givenKana}, ${rawKana}) > ${KANA_SIMILARITY})`,
          sql`(${children.nameKey} = '' and ${children.familyName} || ${children.givenName} = ${c.familyName + c.givenName})`,
        ),
      ),
    )
    .limit(MAX_CANDIDATES);
  const reg = { ...c, address: c.address };
  return rows
    .map((child) => ({ child, ...scoreCandidate(reg, child) }))
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.child.id.localeCompare(b.child.id))
    .slice(0, MAX_SUGGESTIONS);
}
