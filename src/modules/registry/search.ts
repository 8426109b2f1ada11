/**
 * The registry search in SQL: the conditions and the order of the list, its export and anything else that
 * lists children by the same filters. Every condition set starts with childScope(actor), so no caller can
 * build a search that reaches beyond the actor's area (or past a withheld consent).
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { childCareItems, childDevices, children, regionMunicipalities } from '../../db/schema';
import { searchKey } from '../../shared/names';
import { CHILD_STATUSES } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import { type ChildFilter, lifeStageBirthRange } from './filters';
import { childScope } from './scope';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** The match-key column and key of a name query, or null when the query has nothing to search for. */
function nameQuery(q: string | undefined) {
  const k = q ? searchKey(q) : null;
  if (!k?.key) return null;
  return { column: k.kind === 'kana' ? children.kanaKey : children.nameKey, key: k.key };
}

/**
 * SQL conditions of a filter, AND-ed by the caller. `today` (ISO, in Japan) fixes the life stages.
 * Names match on the stored match keys (names.ts): a substring (`like`, any length) or a close spelling
 * (pg_trgm `%`, similarity ≥ 0.3), both served by the keys' trigram GIN indexes.
 */
export function childFilterConditions(actor: Actor, f: ChildFilter, today: string): SQL[] {
  const conds: SQL[] = [childScope(actor)];
  const name = nameQuery(f.q);
  if (name) {
    conds.push(
      or(sql`${name.column} like ${`%${escapeLike(name.key)}%`}`, sql`${name.column} % ${name.key}`)!,
    );
  }
  if (f.birthDate) conds.push(eq(children.birthDate, f.birthDate));
  if (f.birthFrom) conds.push(gte(children.birthDate, f.birthFrom));
  if (f.birthTo) conds.push(lte(children.birthDate, f.birthTo));
  if (f.lifeStage) {
    const r = lifeStageBirthRange(f.lifeStage, today);
    if (r.from) conds.push(gte(children.birthDate, r.from));
    if (r.to) conds.push(lte(children.birthDate, r.to));
  }
  if (f.municipality) conds.push(eq(children.municipalityCode, f.municipality));
  if (f.region) {
    conds.push(
      inArray(
        children.municipalityCode,
        sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
             where ${eq(regionMunicipalities.regionId, f.region)} and ${isNull(regionMunicipalities.validTo)})`,
      ),
    );
  }
  if (f.careItem) {
    conds.push(
      sql`exists (select 1 from ${childCareItems}
                  where ${childCareItems.childId} = ${children.id} and ${childCareItems.code} = ${f.careItem})`,
    );
  }
  if (f.device) {
    conds.push(
      sql`exists (select 1 from ${childDevices}
                  where ${childDevices.childId} = ${children.id} and ${childDevices.kind} = ${f.device})`,
    );
  }
  if (f.status) conds.push(eq(children.status, f.status));
  return conds;
}

/** The WHERE clause of a filter (see childFilterConditions). */
export function childFilterWhere(actor: Actor, f: ChildFilter, today: string): SQL {
  return and(...childFilterConditions(actor, f, today))!;
}

/** A status's place in the vocabulary's order (在宅, 入院中, 転出 …), not the codes' alphabet. */
const STATUS_RANK = sql`(case ${children.status} ${sql.join(
  CHILD_STATUSES.map((code, i) => sql`when ${code} then ${sql.raw(String(i))}`),
  sql` `,
)} end)`;

/**
 * ORDER BY of a filter: the chosen sort in the chosen direction, or — with a name query and no explicit
 * sort — the closest names first. Ties always fall back to the kana reading and the id, so paging is stable.
 */
export function childFilterOrder(f: ChildFilter): SQL[] {
  const d = f.dir === 'desc' ? sql`desc` : sql`asc`;
  const byKana = [asc(children.familyKana), asc(children.givenKana), asc(children.id)];
  switch (f.sort) {
    case 'kana':
      return [sql`${children.familyKana} ${d}`, sql`${children.givenKana} ${d}`, asc(children.id)];
    case 'birthDate':
      return [sql`${children.birthDate} ${d}`, ...byKana];
    case 'sex':
      return [sql`${children.sex} ${d}`, ...byKana];
    case 'municipality':
      return [sql`${children.municipalityCode} ${d}`, ...byKana];
    case 'status':
      return [sql`${STATUS_RANK} ${d}`, ...byKana];
    case 'careScore':
      return [sql`${children.careScore} ${d} nulls last`, ...byKana];
    case 'updated':
      return [sql`${children.updatedAt} ${d}`, ...byKana];
    default: {
      const name = nameQuery(f.q);
      return name ? [desc(sql`similarity(${name.column}, ${name.key})`), ...byKana] : byKana;
    }
  }
}

/** The filters that were set, for audit entries (undefined ones left out). */
export function filterForAudit(f: ChildFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}
