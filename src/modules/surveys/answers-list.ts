/**
 * A survey's answers one by one for staff (docs/knowledge.md §5), within the results' filter (region,
 * municipality) and in the export's order: by day, then — a named survey — by time, then by the answer's random
 * id. A named survey's answer shows the label of the personal link it came through and its time; an anonymous
 * survey's shows neither (it keeps neither: decision 0027), only the day, the channel and the place.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { regions, surveyAnswers, surveyInvitations } from '../../db/schema';
import { findMunicipality } from '../../shared/municipalities';
import type { ZAnswerPage, ZAnswersQuery } from './schemas';
import type { Survey } from './surveys';

export async function answersPage(
  db: DbOrTx,
  survey: Survey,
  query: z.infer<typeof ZAnswersQuery>,
): Promise<z.infer<typeof ZAnswerPage> & { ids: string[] }> {
  const conds: SQL[] = [eq(surveyAnswers.surveyId, survey.id)];
  if (query.regionId) conds.push(eq(surveyAnswers.regionId, query.regionId));
  if (query.municipalityCode) conds.push(eq(surveyAnswers.municipalityCode, query.municipalityCode));
  const where = and(...conds);
  const [total] = await db.select({ n: count() }).from(surveyAnswers).where(where);
  const rows = await db
    .select({ a: surveyAnswers, regionName: regions.name, respondent: surveyInvitations.name })
    .from(surveyAnswers)
    .leftJoin(regions, eq(regions.id, surveyAnswers.regionId))
    .leftJoin(surveyInvitations, eq(surveyInvitations.id, surveyAnswers.invitationId))
    .where(where)
    .orderBy(asc(surveyAnswers.submittedOn), asc(surveyAnswers.submittedAt), asc(surveyAnswers.id))
    .offset(query.offset)
    .limit(query.limit);
  return {
    total: Number(total?.n ?? 0),
    offset: query.offset,
    ids: rows.map((r) => r.a.id),
    items: rows.map((r, i) => ({
      number: query.offset + i + 1,
      submittedOn: r.a.submittedOn,
      submittedAt: survey.anonymous ? null : (r.a.submittedAt?.toISOString() ?? null),
      channel: r.a.channel,
      regionName: r.regionName,
      municipalityName: r.a.municipalityCode
        ? (findMunicipality(r.a.municipalityCode)?.name ?? r.a.municipalityCode)
        : null,
      respondent: survey.anonymous ? null : r.respondent,
      answers: r.a.answers,
    })),
  };
}
