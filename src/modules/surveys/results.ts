/**
 * Counting a survey's answers (docs/knowledge.md §5): one statement groups the answers' JSON by cell (region and
 * municipality) into the rows a tally is made of (tally.ts) — answers per channel, questions answered, choices,
 * matrix cells, numbers' values. It counts either the answers not yet counted,
 * marking them counted in the same statement (so an answer arriving meanwhile is left for the next count and
 * none is counted twice), or every answer (a recount after the survey changed, and `surveyResults`).
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { regions } from '../../db/schema';
import { findMunicipality } from '../../shared/municipalities';
import type { ZResultsQuery, ZSurveyResults } from './schemas';
import type { Survey } from './surveys';
import {
  type Cell,
  type CountRow,
  cellsOfRows,
  presentResults,
  type RegionRef,
  type TextShown,
} from './tally';

export const TEXTS_SHOWN = 200;

/**
 * The tally rows of a survey's answers: `uncounted` counts the answers not yet counted and marks them counted;
 * `uncounted+counted` does the same and adds the answers counted before (a recount); `all` only reads.
 */
export async function countRows(
  db: DbOrTx,
  survey: Survey,
  which: 'uncounted' | 'uncounted+counted' | 'all',
): Promise<CountRow[]> {
  const qs = survey.definition.questions;
  const idsOf = (types: string[]) => {
    const list = qs.filter((q) => types.includes(q.type)).map((q) => q.id);
    return sql`array[${sql.join(list.length ? list.map((x) => sql`${x}`) : [sql`''`], sql`, `)}]::text[]`;
  };
  const cols = sql`id, region_id, municipality_code, channel, submitted_on, answers`;
  const source: SQL =
    which === 'all'
      ? sql`a as (select ${cols} from survey_answers where survey_id = ${survey.id})`
      : sql`taken as (update survey_answers set counted = true where survey_id = ${survey.id} and not counted
            returning ${cols}),
          a as materialized (select ${cols} from taken${
            which === 'uncounted+counted'
              ? sql` union all select ${cols} from survey_answers where survey_id = ${survey.id} and counted`
              : sql``
          })`;
  return rowsOf<CountRow>(
    await db.execute(sql`with ${source}
      select 'c' as kind, region_id, municipality_code, channel as q, null::text as k1, null::text as k2,
          count(*)::int as n, null::float8 as x
        from a group by 2, 3, 4
      union all
      select 'a', a.region_id, a.municipality_code, k, null, null, count(*)::int, null
        from a cross join lateral jsonb_object_keys(a.answers) k group by 2, 3, 4
      union all
      select 'v', a.region_id, a.municipality_code, q.key, v.value, null, count(*)::int, null
        from a cross join lateral jsonb_each(a.answers) q
        cross join lateral jsonb_array_elements_text(case jsonb_typeof(q.value)
          when 'array' then q.value when 'string' then jsonb_build_array(q.value) else '[]'::jsonb end) v(value)
        where q.key = any(${idsOf(['single', 'multiple'])}) group by 2, 3, 4, 5
      union all
      select 'm', a.region_id, a.municipality_code, q.key, m.key, m.value, count(*)::int, null
        from a cross join lateral jsonb_each(a.answers) q
        cross join lateral jsonb_each_text(case jsonb_typeof(q.value) when 'object' then q.value else '{}'::jsonb end) m
        where q.key = any(${idsOf(['matrix'])}) group by 2, 3, 4, 5, 6
      union all
      select 'x', a.region_id, a.municipality_code, q.key, null, null, count(*)::int, n.x
        from a cross join lateral jsonb_each(a.answers) q
        cross join lateral (select (q.value #>> '{}')::float8 as x where jsonb_typeof(q.value) = 'number') n
        where q.key = any(${idsOf(['number'])}) group by 2, 3, 4, 8
`),
  );
}

/**
 * The newest free-text answers of each text question within a filter (day descending, then the random id — never
 * a time): read newest first along `survey_answers_newest_idx`, so their cost does not grow with the answers.
 */
export async function newestTexts(
  db: DbOrTx,
  survey: Survey,
  query: z.infer<typeof ZResultsQuery>,
): Promise<TextShown[]> {
  const ids = survey.definition.questions
    .filter((q) => q.type === 'text' || q.type === 'long_text')
    .map((q) => q.id);
  if (ids.length === 0) return [];
  const conds: SQL[] = [sql`a.survey_id = ${survey.id}`];
  if (query.regionId) conds.push(sql`a.region_id = ${query.regionId}`);
  if (query.municipalityCode) conds.push(sql`a.municipality_code = ${query.municipalityCode}`);
  const rows = rowsOf<{ q: string; t: string; municipality_code: string | null }>(
    await db.execute(sql`select q.id as q, x.t, x.municipality_code
      from unnest(array[${sql.join(
        ids.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]) with ordinality q(id, ord)
      cross join lateral (select a.answers -> q.id #>> '{}' as t, a.municipality_code, a.submitted_on, a.id
        from survey_answers a where ${sql.join(conds, sql` and `)} and (a.answers -> q.id) is not null
        order by a.submitted_on desc, a.id limit ${TEXTS_SHOWN}) x
      order by q.ord, x.submitted_on desc, x.id`),
  );
  return rows.map((r) => ({ q: r.q, t: r.t, municipalityCode: r.municipality_code }));
}

/** The prefecture's regions in their order, for naming cells. */
export async function regionRefs(db: DbOrTx, prefectureCode: string): Promise<RegionRef[]> {
  const rows = await db
    .select({ id: regions.id, name: regions.name, sortOrder: regions.sortOrder })
    .from(regions)
    .where(and(eq(regions.prefectureCode, prefectureCode)));
  return rows
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'))
    .map(({ id, name }) => ({ id, name }));
}

export const municipalityName = (code: string) => findMunicipality(code)?.name ?? code;

/** Whether a cell is within a results filter (the region, the municipality, or both). */
export const inFilter = (query: z.infer<typeof ZResultsQuery>) => (c: Cell) =>
  (!query.regionId || c.regionId === query.regionId) &&
  (!query.municipalityCode || c.municipalityCode === query.municipalityCode);

/**
 * A survey's results counted from every answer, keeping nothing — what the kept counts (results-cache.ts) must
 * always equal. The results page reads `countedSurveyResults`.
 */
export async function surveyResults(
  db: DbOrTx,
  survey: Survey,
  query: z.infer<typeof ZResultsQuery>,
  lang: 'ja' | 'en' = 'ja',
): Promise<z.infer<typeof ZSurveyResults>> {
  const cells = [...cellsOfRows(await countRows(db, survey, 'all')).values()].filter(inFilter(query));
  return presentResults(
    survey.definition,
    cells,
    await newestTexts(db, survey, query),
    await regionRefs(db, survey.prefectureCode),
    municipalityName,
    lang,
  );
}
