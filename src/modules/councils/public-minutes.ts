/**
 * Public minutes (no sign-in): for one prefecture, the meetings held whose minutes are marked public, with
 * only the public part of their minutes. The non-public part, attendance, decisions and action items never
 * leave sign-in.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { councilBodies, councilMeetings } from '../../db/schema';
import { nendoRange } from '../../shared/nendo';

export async function publicMinutes(db: DbOrTx, query: { prefecture: string; nendo?: number | undefined }) {
  const conds = [
    eq(councilMeetings.prefectureCode, query.prefecture),
    isNotNull(councilMeetings.minutesPublishedAt),
    eq(councilMeetings.status, 'held'),
  ];
  if (query.nendo) {
    const { start, end } = nendoRange(query.nendo);
    conds.push(
      sql`(${councilMeetings.startsAt} at time zone 'Asia/Tokyo')::date between ${start}::date and ${end}::date`,
    );
  }
  const rows = await db
    .select({
      id: councilMeetings.id,
      bodyName: councilBodies.name,
      bodyKind: councilBodies.kind,
      title: councilMeetings.title,
      startsAt: councilMeetings.startsAt,
      place: councilMeetings.place,
      publishedAt: councilMeetings.minutesPublishedAt,
      minutes: councilMeetings.minutesPublic,
    })
    .from(councilMeetings)
    .innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
    .where(and(...conds))
    .orderBy(desc(councilMeetings.startsAt))
    .limit(200);
  return {
    items: rows.map((r) => ({
      ...r,
      startsAt: r.startsAt.toISOString(),
      publishedAt: r.publishedAt!.toISOString(),
    })),
  };
}
