import { and, asc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childAffiliations, children, municipalities, organisations } from '../../db/schema';
import { toFullwidthKana, toKatakana } from '../../shared/kana';
import type { Actor } from '../access/actor';
import { childScope } from './scope';

const summaryColumns = {
  id: children.id,
  familyName: children.familyName,
  givenName: children.givenName,
  familyKana: children.familyKana,
  givenKana: children.givenKana,
  birthDate: children.birthDate,
  sex: children.sex,
  municipalityCode: children.municipalityCode,
  municipalityName: municipalities.name,
  status: children.status,
  version: children.version,
};

export type ChildFilter = {
  q?: string | undefined;
  municipality?: string | undefined;
  status?: string | undefined;
};

/** Katakana, full-width and no spaces, so 'やまだ たろう' and 'ﾔﾏﾀﾞ' find ヤマダタロウ. */
function searchKey(q: string): string {
  return toKatakana(toFullwidthKana(q)).replace(/[\s\u3000]+/g, '');
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function filterConditions(actor: Actor, f: ChildFilter): SQL[] {
  const conds: SQL[] = [childScope(actor)];
  if (f.municipality) conds.push(eq(children.municipalityCode, f.municipality));
  if (f.status) conds.push(eq(children.status, f.status as typeof children.$inferSelect.status));
  if (f.q) {
    const key = `%${escapeLike(searchKey(f.q))}%`;
    conds.push(
      or(
        like(sql`${children.familyKana} || ${children.givenKana}`, key),
        like(sql`${children.familyName} || ${children.givenName}`, key),
      )!,
    );
  }
  return conds;
}

/** The statement behind the list: one page of scoped children with a window count (the benchmark runs it raw). */
export function childrenPageQuery(
  db: DbOrTx,
  actor: Actor,
  f: ChildFilter & { page: number; pageSize: number },
) {
  return db
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(children)
    .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
    .where(and(...filterConditions(actor, f)))
    .orderBy(asc(children.familyKana), asc(children.givenKana), asc(children.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/**
 * One page of the children the actor may see, with the total. The total comes from a window count in the
 * same statement (one round trip); only a page past the end needs a separate count.
 */
export async function listVisibleChildren(
  db: DbOrTx,
  actor: Actor,
  f: ChildFilter & { page: number; pageSize: number },
) {
  const rows = await childrenPageQuery(db, actor, f);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && f.page > 1) {
    const where = and(...filterConditions(actor, f));
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(children).where(where);
    total = count?.n ?? 0;
  }
  return { items: rows.map(({ total: _, ...item }) => item), total };
}

/** One child by id, or undefined when it does not exist or is outside the actor's scope (callers answer 404). */
export async function findVisibleChild(db: DbOrTx, actor: Actor, unverifiedChildId: string) {
  const [child] = await db
    .select(summaryColumns)
    .from(children)
    .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
    .where(and(eq(children.id, unverifiedChildId), childScope(actor)));
  if (!child) return undefined;
  const affiliations = await db
    .select({
      organisationId: childAffiliations.organisationId,
      organisationName: organisations.name,
      kind: childAffiliations.kind,
      startedOn: childAffiliations.startedOn,
      endedOn: childAffiliations.endedOn,
    })
    .from(childAffiliations)
    .innerJoin(organisations, eq(organisations.id, childAffiliations.organisationId))
    .where(eq(childAffiliations.childId, child.id))
    .orderBy(asc(childAffiliations.startedOn));
  return { ...child, affiliations };
}
