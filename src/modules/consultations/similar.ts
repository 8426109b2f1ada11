/**
 * The hub (KU-4): from a consultation, similar past (closed) consultations within the actor's scope, and who
 * resolved them (team and person), so the asker can be put in touch with a peer who solved the same problem.
 * Ranking: pg_trgm similarity of the normalised narratives (the GIN index finds candidates above a low
 * threshold) plus a bonus for shared topics. A result shows its child's name only when the actor may see
 * that child (`childDetailsVisible`): the scope of the case and the child's consent.
 */
import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, consultations, consultationTeams, municipalities, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import type { ConsultationRow } from './access';
import { childDetailsVisible, consultationScope } from './scope';

/** Candidates must share at least this trigram similarity; ranking adds TOPIC_WEIGHT × the topic overlap. */
export const SIMILARITY_THRESHOLD = 0.1;
export const TOPIC_WEIGHT = 0.2;
export const SIMILAR_LIMIT = 10;

export async function similarConsultations(db: DbOrTx, actor: Actor, teamIds: string[], of: ConsultationRow) {
  const topics = of.topics.length ? of.topics : ['other'];
  const overlap = sql<number>`(cardinality(array(select unnest(${consultations.topics}) intersect select unnest(array[${sql.join(
    topics.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[])))::float / ${topics.length})`;
  const sim = sql<number>`similarity(${consultations.searchText}, ${of.searchText})`;
  const score = sql<number>`(${sim} + ${TOPIC_WEIGHT} * ${overlap})`;
  const visible = childDetailsVisible(actor, teamIds);
  const run = async (tx: DbOrTx) => {
    // `%` uses the trigram index with the session threshold; set for this transaction only.
    await tx.execute(
      sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`,
    );
    return tx
      .select({
        id: consultations.id,
        score,
        similarity: sim,
        topics: consultations.topics,
        narrative: sql<string>`left(${consultations.narrative}, 300)`,
        municipalityCode: consultations.municipalityCode,
        municipalityName: municipalities.name,
        askerKind: consultations.askerKind,
        openedOn: consultations.openedOn,
        closedOn: consultations.closedOn,
        outcome: consultations.outcome,
        resolvedTier: consultations.resolvedTier,
        resolvedTeamId: consultations.resolvedTeamId,
        resolvedTeamName: consultationTeams.name,
        resolvedByUserId: consultations.resolvedByUserId,
        resolvedByName: users.displayName,
        childKind: consultations.childKind,
        childId: consultations.childId,
      })
      .from(consultations)
      .leftJoin(municipalities, eq(municipalities.code, consultations.municipalityCode))
      .leftJoin(consultationTeams, eq(consultationTeams.id, consultations.resolvedTeamId))
      .leftJoin(users, eq(users.id, consultations.resolvedByUserId))
      .where(
        and(
          consultationScope(actor, teamIds),
          isNotNull(consultations.closedAt),
          ne(consultations.id, of.id),
          sql`${consultations.searchText} % ${of.searchText}`,
        ),
      )
      .orderBy(desc(score), desc(consultations.closedOn))
      .limit(SIMILAR_LIMIT);
  };
  const rows = 'transaction' in db ? await db.transaction(run) : await run(db);
  // Child details per result: asked as a WHERE condition (Drizzle qualifies columns there, not in SELECT lists).
  const withChild = rows.filter((r) => r.childId).map((r) => r.id);
  const named = new Map<string, string>();
  if (withChild.length) {
    const visibleRows = await db
      .select({ id: consultations.id, family: children.familyName, given: children.givenName })
      .from(consultations)
      .innerJoin(children, eq(children.id, consultations.childId))
      .where(and(inArray(consultations.id, withChild), visible));
    for (const v of visibleRows) named.set(v.id, `${v.family} ${v.given}`);
  }
  return rows.map(({ childId: _childId, ...r }) => ({
    ...r,
    score: Math.round(Number(r.score) * 1000) / 1000,
    similarity: Math.round(Number(r.similarity) * 1000) / 1000,
    childVisible: named.has(r.id),
    childName: named.get(r.id) ?? null,
  }));
}
