/**
 * "Who solved this before" (KU-4): from a consultation the reader sees, the prefecture's published stories that
 * match it — shared topics, and the trigram similarity of the consultation's normalised narrative to the
 * story's text. Only published stories are suggested (they carry no personal data and every staff user reads
 * them); the consultation itself is read through the consultations module's scope (404 outside).
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { consultations, goodPractices } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { recordAudit } from '../audit/record';
import { consultationScope } from '../consultations/scope';
import { actorTeams } from '../consultations/teams';
import type { StoryPolicy } from './policy';
import { requireStories } from './scope';
import { listBase, rowView, type Who } from './stories';

export const SUGGESTION_LIMIT = 5;
/** A story must share a topic or reach this word similarity to the consultation's narrative. */
export const SUGGESTION_THRESHOLD = 0.3;

export async function suggestionsFor(db: DbOrTx, who: Who, policy: StoryPolicy, consultationId: string) {
  requireStories(policy, 'read');
  if (!isUuid(consultationId)) throw new AppError('not_found');
  const teams = await actorTeams(db, who.actor);
  const [c] = await db
    .select({ id: consultations.id, topics: consultations.topics, searchText: consultations.searchText })
    .from(consultations)
    .where(
      and(
        eq(consultations.id, consultationId),
        consultationScope(
          who.actor,
          teams.map((t) => t.id),
        ),
      ),
    );
  if (!c) throw new AppError('not_found');
  const topics = c.topics.length ? c.topics : ['other'];
  const topicArray = sql`array[${sql.join(
    topics.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const overlap = sql<number>`(cardinality(array(select unnest(${goodPractices.topics}) intersect select unnest(${topicArray})))::float / ${topics.length})`;
  const sim = sql<number>`word_similarity(${c.searchText}, ${goodPractices.searchText})`;
  const score = sql<number>`(${sim} + 0.5 * ${overlap})`;
  const rows = await listBase(db, { score })
    .where(
      and(
        eq(goodPractices.prefectureCode, policy.prefectureCode!),
        eq(goodPractices.status, 'published'),
        or(sql`${goodPractices.topics} && ${topicArray}`, sql`${sim} >= ${SUGGESTION_THRESHOLD}`),
      ),
    )
    .orderBy(desc(score), desc(goodPractices.publishedAt))
    .limit(SUGGESTION_LIMIT);
  const items = rows.map((r) => ({
    ...rowView(r as never),
    score: Math.round(Number((r as unknown as { score: unknown }).score) * 1000) / 1000,
  }));
  await recordAudit(db, who, {
    action: 'search',
    entityType: 'good_practice',
    entityIds: items.map((i) => i.id),
    detail: { event: 'similar' },
  });
  return { items };
}
