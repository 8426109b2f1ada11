/**
 * The results page over many answers (docs/knowledge.md §5): a survey's counts are kept per cell (one region and
 * municipality) in `survey_count_cells` (tally.ts), with the survey's version they were made under in
 * `survey_count_state`. A view counts only the answers not yet counted — marking them counted in the same
 * statement — adds them to their cells, and builds the page from the cells of its filter (and its newest texts,
 * read apart). The page so built is kept too (`survey_result_counts`, per filter and language, with the number of
 * answers counted and the version), so a view while no answer is new reads one row. Answers are only ever added (never changed or removed, and a survey's questions lock
 * once one arrives); any other change of the survey (a new version) counts every answer again. Each survey's
 * counting is one at a time (its state row is locked), so two views never add the same answers twice.
 *
 * Anonymous surveys: an answer carries only whether it has been counted — no order, no time (decision 0027).
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { surveyCountCells, surveyCountState, surveyResultCounts } from '../../db/schema';
import { countRows, municipalityName, newestTexts, regionRefs } from './results';
import type { ZResultsQuery, ZSurveyResults } from './schemas';
import type { Survey } from './surveys';
import { type Cell, cellsOfRows, mergeTally, presentResults, type Tally } from './tally';

type Results = z.infer<typeof ZSurveyResults>;
type Query = z.infer<typeof ZResultsQuery>;

export function resultsKey(query: Query, lang: 'ja' | 'en'): string {
  return `${query.regionId ?? ''}|${query.municipalityCode ?? ''}|${lang}`;
}

/**
 * How many answers the kept cells hold when they hold every answer the reader can see under the survey's present
 * version; null when answers wait to be counted or the survey changed.
 */
async function countedSoFar(db: DbOrTx, survey: Survey): Promise<number | null> {
  const [row] = rowsOf<{ n: number | null }>(
    await db.execute(sql`select (select answers_counted from survey_count_state
          where survey_id = ${survey.id} and survey_version = ${survey.version}) as n
        where not exists (select 1 from survey_answers where survey_id = ${survey.id} and not counted)`),
  );
  return row?.n ?? null;
}

/** Counts what is new (or everything, after a change of the survey) into the kept cells; the answers counted. */
async function bringUpToDate(db: DbOrTx, survey: Survey): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .insert(surveyCountState)
      .values({ surveyId: survey.id, surveyVersion: 0, answersCounted: 0 })
      .onConflictDoNothing({ target: surveyCountState.surveyId });
    const [state] = await tx
      .select()
      .from(surveyCountState)
      .where(eq(surveyCountState.surveyId, survey.id))
      .for('update');
    const recount = state?.surveyVersion !== survey.version;
    const fresh = cellsOfRows(await countRows(tx, survey, recount ? 'uncounted+counted' : 'uncounted'));
    let counted = recount ? 0 : (state?.answersCounted ?? 0);
    for (const cell of fresh.values())
      counted += Object.values(cell.tally.channels).reduce((a: number, n) => a + (n ?? 0), 0);
    if (recount) await tx.delete(surveyCountCells).where(eq(surveyCountCells.surveyId, survey.id));
    else if (fresh.size > 0) {
      const kept = await tx
        .select()
        .from(surveyCountCells)
        .where(
          and(eq(surveyCountCells.surveyId, survey.id), inArray(surveyCountCells.cellKey, [...fresh.keys()])),
        );
      for (const k of kept) {
        const cell = fresh.get(k.cellKey);
        if (cell) cell.tally = mergeTally(k.tally as Tally, cell.tally);
      }
    }
    if (fresh.size > 0) {
      await tx
        .insert(surveyCountCells)
        .values(
          [...fresh].map(([key, cell]) => ({
            surveyId: survey.id,
            cellKey: key,
            regionId: cell.regionId,
            municipalityCode: cell.municipalityCode,
            tally: cell.tally,
          })),
        )
        .onConflictDoUpdate({
          target: [surveyCountCells.surveyId, surveyCountCells.cellKey],
          set: { tally: sql`excluded.tally` },
        });
    }
    await tx
      .update(surveyCountState)
      .set({ surveyVersion: survey.version, answersCounted: counted })
      .where(eq(surveyCountState.surveyId, survey.id));
    return counted;
  });
}

/** The results page of a filter, from the kept counts brought up to date first. */
export async function countedSurveyResults(
  db: DbOrTx,
  survey: Survey,
  query: Query,
  lang: 'ja' | 'en' = 'ja',
): Promise<Results> {
  const key = resultsKey(query, lang);
  const counted = (await countedSoFar(db, survey)) ?? (await bringUpToDate(db, survey));
  const [page] = await db
    .select()
    .from(surveyResultCounts)
    .where(and(eq(surveyResultCounts.surveyId, survey.id), eq(surveyResultCounts.filterKey, key)));
  if (page && page.answersSeen === counted && page.surveyVersion === survey.version)
    return page.results as Results;

  const conds = [eq(surveyCountCells.surveyId, survey.id)];
  if (query.regionId) conds.push(eq(surveyCountCells.regionId, query.regionId));
  if (query.municipalityCode) conds.push(eq(surveyCountCells.municipalityCode, query.municipalityCode));
  const rows = await db
    .select({
      regionId: surveyCountCells.regionId,
      municipalityCode: surveyCountCells.municipalityCode,
      tally: surveyCountCells.tally,
    })
    .from(surveyCountCells)
    .where(and(...conds));
  const cells: Cell[] = rows.map((r) => ({ ...r, tally: r.tally as Tally }));
  const results = presentResults(
    survey.definition,
    cells,
    await newestTexts(db, survey, query),
    await regionRefs(db, survey.prefectureCode),
    municipalityName,
    lang,
  );
  const row = { answersSeen: counted, surveyVersion: survey.version, results };
  await db
    .insert(surveyResultCounts)
    .values({ surveyId: survey.id, filterKey: key, ...row })
    .onConflictDoUpdate({ target: [surveyResultCounts.surveyId, surveyResultCounts.filterKey], set: row });
  return results;
}
