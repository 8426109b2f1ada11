import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, municipalities } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import type { ChildFilter } from './filters';
import { withheldChildrenCount, withheldChildrenSql } from './scope';
import { childFilterOrder, childFilterWhere } from './search';

/** The list's columns (ZChildSummary); the municipality's name is added per statement. */
const summaryColumns = {
  id: children.id,
  familyName: children.familyName,
  givenName: children.givenName,
  familyKana: children.familyKana,
  givenKana: children.givenKana,
  birthDate: children.birthDate,
  sex: children.sex,
  municipalityCode: children.municipalityCode,
  status: children.status,
  careScore: children.careScore,
  careTier: children.careTier,
  updatedAt: children.updatedAt,
  version: children.version,
};

/** Options of one page of the list: the filters, the page, and the day (ISO, in Japan) life stages refer to. */
export type ChildPageOptions = ChildFilter & { page: number; pageSize: number; today?: string };

/**
 * The statement behind the list: one page of scoped children with a window count (the benchmark runs it raw)
 * and, for municipal staff, the number of children withheld from them (a scalar subquery, evaluated once).
 * The municipality's name is a scalar subquery, which PostgreSQL evaluates after the LIMIT — for the page's
 * rows only, instead of hashing every municipality of the country for each search.
 */
export function childrenPageQuery(db: DbOrTx, actor: Actor, f: ChildPageOptions) {
  const withheld = withheldChildrenSql(actor) ?? sql<number>`0`;
  return db
    .select({
      ...summaryColumns,
      municipalityName: sql<string>`(select ${municipalities.name} from ${municipalities}
        where ${municipalities.code} = ${children.municipalityCode})`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      withheld: withheld.mapWith(Number),
    })
    .from(children)
    .where(childFilterWhere(actor, f, f.today ?? isoDateInJapan(new Date())))
    .orderBy(...childFilterOrder(f))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/**
 * One page of the children the actor may see that match the filters, with the total and the number of
 * children in the actor's area withheld for want of consent — all from one statement. Only an empty page
 * needs more: a count past the end, the withheld number when nothing matched.
 */
export async function listVisibleChildren(db: DbOrTx, actor: Actor, f: ChildPageOptions) {
  const today = f.today ?? isoDateInJapan(new Date());
  const rows = await childrenPageQuery(db, actor, { ...f, today });
  let total = rows[0]?.total ?? 0;
  let withheld = rows[0]?.withheld ?? 0;
  if (rows.length === 0) {
    withheld = await withheldChildrenCount(db, actor);
    if (f.page > 1) {
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(children)
        .where(childFilterWhere(actor, f, today));
      total = count?.n ?? 0;
    }
  }
  return {
    items: rows.map(({ total: _, withheld: __, updatedAt, ...item }) => ({
      ...item,
      updatedAt: updatedAt.toISOString(),
    })),
    total,
    withheld,
  };
}
