/**
 * A survey's results (docs/knowledge.md §5): answers by region, by municipality and by channel; for each
 * choice question the count of each choice overall and per region; matrix rows by column; numbers' range,
 * mean and median; the newest free-text answers. Each is one grouped statement over the answers' JSON, so
 * the page costs the same few statements at 100 answers or 100,000 (bench/surveys.bench.ts).
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { regions } from '../../db/schema';
import { findMunicipality } from '../../shared/municipalities';
import type { SurveyDefinition } from '../../shared/survey';
import type { SurveyChannel } from '../../shared/vocab/surveys';
import type { ZResultsQuery, ZSurveyResults } from './schemas';
import type { Survey } from './surveys';

export const TEXTS_SHOWN = 200;
const NO_REGION = { ja: '圏域不明（市町村の回答なし）', en: 'Region unknown (no municipality given)' };

function filterOf(survey: Survey, query: z.infer<typeof ZResultsQuery>): SQL {
  const conds: SQL[] = [sql`a.survey_id = ${survey.id}`];
  if (query.regionId) conds.push(sql`a.region_id = ${query.regionId}`);
  if (query.municipalityCode) conds.push(sql`a.municipality_code = ${query.municipalityCode}`);
  return sql.join(conds, sql` and `);
}

type Results = z.infer<typeof ZSurveyResults>;

export async function surveyResults(
  db: DbOrTx,
  survey: Survey,
  query: z.infer<typeof ZResultsQuery>,
  lang: 'ja' | 'en' = 'ja',
): Promise<Results> {
  const where = filterOf(survey, query);
  const def: SurveyDefinition = survey.definition;
  const choiceIds = def.questions
    .filter((q) => q.type === 'single' || q.type === 'multiple')
    .map((q) => q.id);
  const matrixIds = def.questions.filter((q) => q.type === 'matrix').map((q) => q.id);
  const numberIds = def.questions.filter((q) => q.type === 'number').map((q) => q.id);
  const textIds = def.questions.filter((q) => q.type === 'text' || q.type === 'long_text').map((q) => q.id);
  const ids = (list: string[]) =>
    sql`array[${sql.join(list.length ? list.map((x) => sql`${x}`) : [sql`''`], sql`, `)}]::text[]`;

  const places = rowsOf<{
    region_id: string | null;
    municipality_code: string | null;
    channel: SurveyChannel;
    n: number;
  }>(
    await db.execute(sql`select a.region_id, a.municipality_code, a.channel, count(*)::int as n
      from survey_answers a where ${where} group by 1, 2, 3`),
  );
  const answered = rowsOf<{ k: string; n: number }>(
    await db.execute(sql`select k, count(*)::int as n
      from survey_answers a cross join lateral jsonb_object_keys(a.answers) k where ${where} group by k`),
  );
  const choices = choiceIds.length
    ? rowsOf<{ q: string; v: string; region_id: string | null; n: number }>(
        await db.execute(sql`select q.key as q, v.value as v, a.region_id, count(*)::int as n
          from survey_answers a
          cross join lateral jsonb_each(a.answers) q
          cross join lateral jsonb_array_elements_text(case jsonb_typeof(q.value)
            when 'array' then q.value when 'string' then jsonb_build_array(q.value) else '[]'::jsonb end) v(value)
          where ${where} and q.key = any(${ids(choiceIds)}) group by 1, 2, 3`),
      )
    : [];
  const matrix = matrixIds.length
    ? rowsOf<{ q: string; r: string; c: string; n: number }>(
        await db.execute(sql`select q.key as q, m.key as r, m.value as c, count(*)::int as n
          from survey_answers a
          cross join lateral jsonb_each(a.answers) q
          cross join lateral jsonb_each_text(case jsonb_typeof(q.value) when 'object' then q.value else '{}'::jsonb end) m
          where ${where} and q.key = any(${ids(matrixIds)}) group by 1, 2, 3`),
      )
    : [];
  const numbers = numberIds.length
    ? rowsOf<{ q: string; min: string; max: string; mean: string; median: string }>(
        await db.execute(sql`select q.key as q, min(x)::float8 as min, max(x)::float8 as max, avg(x)::float8 as mean,
            percentile_cont(0.5) within group (order by x)::float8 as median
          from survey_answers a
          cross join lateral jsonb_each(a.answers) q
          cross join lateral (select (q.value #>> '{}')::float8 as x where jsonb_typeof(q.value) = 'number') n
          where ${where} and q.key = any(${ids(numberIds)}) group by 1`),
      )
    : [];
  const texts = textIds.length
    ? rowsOf<{ q: string; t: string; municipality_code: string | null }>(
        await db.execute(sql`select q, t, municipality_code from (
            select q.key as q, q.value #>> '{}' as t, a.municipality_code,
              row_number() over (partition by q.key order by a.submitted_on desc, a.id) as rn
            from survey_answers a cross join lateral jsonb_each(a.answers) q
            where ${where} and q.key = any(${ids(textIds)})) x
          where rn <= ${TEXTS_SHOWN} order by q, rn`),
      )
    : [];

  const regionIds = [...new Set(places.map((p) => p.region_id).filter((x): x is string => x !== null))];
  const regionRows = regionIds.length
    ? await db
        .select({ id: regions.id, name: regions.name, sortOrder: regions.sortOrder })
        .from(regions)
        .where(and(inArray(regions.id, regionIds), eq(regions.prefectureCode, survey.prefectureCode)))
    : [];
  const regionOrder = regionRows.sort(
    (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'),
  );
  const regionName = new Map(regionOrder.map((r) => [r.id, r.name]));
  const regionKeys: (string | null)[] = [...regionOrder.map((r) => r.id)];
  if (places.some((p) => p.region_id === null)) regionKeys.push(null);
  const nameOfRegion = (id: string | null) => (id === null ? NO_REGION[lang] : (regionName.get(id) ?? ''));

  const sum = (f: (p: (typeof places)[number]) => boolean) => places.filter(f).reduce((s, p) => s + p.n, 0);
  const municipalityKeys = new Map<string, { code: string | null; regionId: string | null }>();
  for (const p of places)
    municipalityKeys.set(`${p.municipality_code}|${p.region_id}`, {
      code: p.municipality_code,
      regionId: p.region_id,
    });
  const muniName = (code: string | null) =>
    code ? (findMunicipality(code)?.name ?? code) : lang === 'ja' ? '回答なし' : 'Not given';

  const answeredOf = new Map(answered.map((a) => [a.k, a.n]));
  return {
    total: sum(() => true),
    byRegion: regionKeys.map((id) => ({
      regionId: id,
      name: nameOfRegion(id),
      count: sum((p) => p.region_id === id),
    })),
    byMunicipality: [...municipalityKeys.values()]
      .map((m) => ({
        code: m.code,
        name: muniName(m.code),
        regionName: nameOfRegion(m.regionId),
        count: sum((p) => p.municipality_code === m.code && p.region_id === m.regionId),
      }))
      .sort((a, b) => (a.code ?? '999999').localeCompare(b.code ?? '999999')),
    byChannel: (['open_link', 'personal_link'] as const).map((channel) => ({
      channel,
      count: sum((p) => p.channel === channel),
    })),
    questions: def.questions.map((q) => {
      const opts = q.choices ?? [];
      const mine = choices.filter((c) => c.q === q.id);
      const isChoice = q.type === 'single' || q.type === 'multiple';
      const num = numbers.find((n) => n.q === q.id);
      return {
        id: q.id,
        type: q.type,
        title: q.title,
        answered: answeredOf.get(q.id) ?? 0,
        counts: isChoice
          ? opts.map((o) => ({
              value: o.value,
              label: o.label,
              count: mine.filter((c) => c.v === o.value).reduce((s, c) => s + c.n, 0),
            }))
          : [],
        byRegion: isChoice
          ? regionKeys.map((id) => ({
              regionId: id,
              name: nameOfRegion(id),
              counts: opts.map((o) =>
                mine.filter((c) => c.v === o.value && c.region_id === id).reduce((s, c) => s + c.n, 0),
              ),
            }))
          : [],
        matrix:
          q.type === 'matrix'
            ? (q.rows ?? []).map((r) => ({
                value: r.value,
                label: r.label,
                counts: opts.map((o) => ({
                  value: o.value,
                  label: o.label,
                  count: matrix.find((m) => m.q === q.id && m.r === r.value && m.c === o.value)?.n ?? 0,
                })),
              }))
            : [],
        number: num
          ? { min: Number(num.min), max: Number(num.max), mean: Number(num.mean), median: Number(num.median) }
          : null,
        texts: texts
          .filter((t) => t.q === q.id)
          .map((t) => ({ text: t.t, municipalityName: muniName(t.municipality_code) })),
      };
    }),
  };
}
