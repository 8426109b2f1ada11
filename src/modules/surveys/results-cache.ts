/**
 * The results page over many answers (docs/knowledge.md §5): counting a survey's answers' JSON takes seconds at
 * 100,000 answers, so the last count of each filter (region, municipality, language) is kept in
 * `survey_result_counts` with the number of answers and the survey's version it was made from. A view reads it
 * while both still hold — one indexed count and one row — and counts again otherwise, so what it shows is always
 * exact: answers are only ever added (never changed or removed), and any new answer or change of the survey makes
 * the next view count again. No time is kept, so nothing tells when an anonymous survey's answers arrived.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { surveyResultCounts } from '../../db/schema';
import { surveyResults } from './results';
import type { ZResultsQuery, ZSurveyResults } from './schemas';
import type { Survey } from './surveys';

type Results = z.infer<typeof ZSurveyResults>;

export function resultsKey(query: z.infer<typeof ZResultsQuery>, lang: 'ja' | 'en'): string {
  return `${query.regionId ?? ''}|${query.municipalityCode ?? ''}|${lang}`;
}

export async function countedSurveyResults(
  db: DbOrTx,
  survey: Survey,
  query: z.infer<typeof ZResultsQuery>,
  lang: 'ja' | 'en' = 'ja',
): Promise<Results> {
  const key = resultsKey(query, lang);
  const [count] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from survey_answers where survey_id = ${survey.id}`),
  );
  const answers = Number(count?.n ?? 0);
  const [kept] = await db
    .select()
    .from(surveyResultCounts)
    .where(and(eq(surveyResultCounts.surveyId, survey.id), eq(surveyResultCounts.filterKey, key)));
  if (kept && kept.answersSeen === answers && kept.surveyVersion === survey.version)
    return kept.results as Results;
  // Counted after the number was read: an answer arriving meanwhile makes the next view count again.
  const results = await surveyResults(db, survey, query, lang);
  const row = { answersSeen: answers, surveyVersion: survey.version, results };
  await db
    .insert(surveyResultCounts)
    .values({ surveyId: survey.id, filterKey: key, ...row })
    .onConflictDoUpdate({ target: [surveyResultCounts.surveyId, surveyResultCounts.filterKey], set: row });
  return results;
}
