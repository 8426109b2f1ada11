/**
 * ME-3 end to end through the API: a municipal survey's number question marked `census_children`, answered through
 * each municipality's personal link; the review lists each answer beside the municipality's census sources and the
 * 年度's linked count, and nothing applies by itself; an answer applied as the source's reported figure under its
 * version (409 on a stale one; the same answer again changes nothing), audited on the source; a source of another
 * municipality and an answer without a whole number are refused and change nothing; the census results show the
 * figure beside the linked count. Denied: the auditor reads but cannot apply, branch staff (no census) 404,
 * municipal staff 403, another prefecture's centre 404.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, censusReportedCounts } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import {
  CHIGASAKI,
  FUJISAWA,
  HIRATSUKA,
  makeCensusList,
  makeCensusSource,
  SOURCES,
} from '../../test/census-factory';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { surveyVia } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let centre: TestClient;
let runId: string;
let fujisawaSource: string;
let chigasakiSource: string;

const NENDO = 2025;
const countQuestion = (type = 'number') => ({
  id: 'children',
  type,
  title: '把握している医療的ケア児の人数',
  required: false,
  min: 0,
  maps: 'census_children',
});
const municipalSurvey = (q: Record<string, unknown> = countQuestion()) => ({
  title: '市町村の医療的ケア児支援体制に関する調査',
  audience: 'municipalities',
  openLink: false,
  definition: { questions: [{ id: 'division', type: 'text', title: '回答した課', required: false }, q] },
});

async function answerAs(survey: string, name: string, municipalityCode: string, children: number) {
  const sent = await centre.post(`/api/surveys/${survey}/invitations`, {
    recipients: [{ name, municipalityCode }],
  });
  expect(sent.status).toBe(200);
  const token = sent.body.links[0].url.split('/').pop();
  const res = await new TestClient(t).post(`/api/public/surveys/${token}/answers`, {
    answers: { division: name, children },
  });
  expect(res.status).toBe(201);
}

const audits = () =>
  t.db.systemDb
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'census_source'),
        sql`${auditLog.detail}->>'event' = 'reported_count_applied'`,
      ),
    )
    .orderBy(auditLog.at);

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  centre = w.users.centre.client;
  const db = t.db.systemDb;
  const person = (name: string, kana: string, birthDate: string) => ({
    name,
    kana,
    birthDate,
    sex: 'female' as const,
    municipalityCode: FUJISAWA,
  });
  const list = await makeCensusList(db, {
    prefectureCode: '14',
    nendo: NENDO,
    source: SOURCES.fujisawa,
    rows: [
      person('伊藤 花', 'イトウ ハナ', '2019-03-04'),
      person('中村 葵', 'ナカムラ アオイ', '2014-08-08'),
      person('小林 結', 'コバヤシ ユイ', '2017-01-15'),
    ],
  });
  fujisawaSource = list.source.id;
  chigasakiSource = (
    await makeCensusSource(db, '14', SOURCES.chigasaki.name, 'maternal_child_health', CHIGASAKI)
  ).id;
  const run = await centre.post('/api/census/runs', { nendo: NENDO });
  expect(run.status).toBe(202);
  await t.deps.jobs.drain();
  runId = run.body.id;
}, 60_000);
afterAll(() => t.close());

describe('a municipal survey’s count of children fed to the census (ME-3)', () => {
  it('refuses the marker on a question that is not a number', async () => {
    const bad = await centre.post('/api/surveys', {
      ...municipalSurvey(countQuestion('text')),
      anonymous: false,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('definition.questions.1.maps');
  });

  it('lists the answers beside the sources and linked counts, and applies one as the reported figure', async () => {
    const s = await surveyVia(centre, municipalSurvey());
    await answerAs(s.id, '藤沢市 障害福祉課', FUJISAWA, 5);
    await answerAs(s.id, '茅ヶ崎市 保健所', CHIGASAKI, 2.5);
    await answerAs(s.id, '平塚市 障害福祉課', HIRATSUKA, 2);

    const review = await centre.get(`/api/surveys/${s.id}/census-counts?nendo=${NENDO}`);
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      question: { id: 'children', title: '把握している医療的ケア児の人数' },
      nendo: NENDO,
      run: { id: runId, status: 'linked' },
    });
    // By municipality code: 平塚市 142034, 藤沢市 142051, 茅ヶ崎市 142077.
    const [hiratsuka, fujisawa, chigasaki] = review.body.items;
    expect(fujisawa).toMatchObject({
      municipalityName: '藤沢市',
      figure: 5,
      problem: null,
      linked: 3,
      gap: -2,
      sources: [{ id: fujisawaSource, name: '藤沢市 母子保健', reported: null, state: 'new' }],
      canApply: true,
    });
    expect(chigasaki).toMatchObject({ figure: null, problem: 'not_whole', linked: 0, canApply: false });
    expect(hiratsuka).toMatchObject({ figure: 2, sources: [], canApply: false });
    // Nothing applies by itself.
    const before = await centre.get(`/api/census/runs/${runId}/results`);
    expect(before.body.reported).toEqual([]);

    const apply = (answerId: string, body: Record<string, unknown>) =>
      centre.post(`/api/surveys/${s.id}/census-counts/${answerId}/apply`, { nendo: NENDO, ...body });
    const stale = await apply(fujisawa.answerId, { sourceId: fujisawaSource, version: 3 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const wrongSource = await apply(fujisawa.answerId, { sourceId: chigasakiSource, version: null });
    expect([wrongSource.status, wrongSource.body.error.code]).toEqual([400, 'survey_census_source_mismatch']);
    expect(wrongSource.body.error.ja).toContain('何も反映していません');
    const noSource = await apply(hiratsuka.answerId, { sourceId: fujisawaSource, version: null });
    expect([noSource.status, noSource.body.error.code]).toEqual([400, 'survey_census_source_mismatch']);
    const noFigure = await apply(chigasaki.answerId, { sourceId: chigasakiSource, version: null });
    expect([noFigure.status, noFigure.body.error.code]).toEqual([409, 'survey_census_no_figure']);
    expect(noFigure.body.error.en).toContain('Nothing was applied');
    const badYear = await apply(fujisawa.answerId, { sourceId: fujisawaSource, version: null, nendo: 1999 });
    expect(badYear.status).toBe(400);
    expect(await t.db.systemDb.select().from(censusReportedCounts)).toEqual([]);
    expect(await audits()).toEqual([]);

    const one = await apply(fujisawa.answerId, { sourceId: fujisawaSource, version: null });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      answerId: fujisawa.answerId,
      sources: [{ id: fujisawaSource, state: 'applied', reported: { count: 5, version: 1, surveyId: s.id } }],
    });
    // Applying twice changes nothing: no new version, no second audit entry.
    const again = await apply(fujisawa.answerId, { sourceId: fujisawaSource, version: null });
    expect(again.status).toBe(200);
    expect(again.body.sources[0].reported.version).toBe(1);
    const entries = await audits();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.entityIds).toEqual([fujisawaSource]);
    expect(entries[0]!.detail).toMatchObject({ nendo: NENDO, from: null, to: 5, surveyId: s.id, version: 1 });

    // The census results show the figure beside the linked count.
    const results = await centre.get(`/api/census/runs/${runId}/results`);
    expect(results.body.reported).toMatchObject([
      {
        municipalityCode: FUJISAWA,
        label: '藤沢市',
        linked: 3,
        reported: 5,
        gap: -2,
        sources: [{ id: fujisawaSource, name: '藤沢市 母子保健', count: 5, surveyId: s.id }],
      },
    ]);
    // Another 年度 has no figure yet.
    const other = await centre.get(`/api/surveys/${s.id}/census-counts?nendo=2026`);
    expect(other.body).toMatchObject({ nendo: 2026, run: null });
    expect(other.body.items[1]).toMatchObject({ linked: null, gap: null, sources: [{ state: 'new' }] });

    // A second division of 藤沢市 answers 7: its figure differs from the one kept, and replaces it under version 1.
    await answerAs(s.id, '藤沢市 保健予防課', FUJISAWA, 7);
    const now = await centre.get(`/api/surveys/${s.id}/census-counts?nendo=${NENDO}`);
    const second = now.body.items.find((i: { respondent: string }) => i.respondent === '藤沢市 保健予防課');
    expect(second.sources[0]).toMatchObject({ state: 'differs', reported: { count: 5, version: 1 } });
    const replaced = await apply(second.answerId, { sourceId: fujisawaSource, version: 1 });
    expect(replaced.body.sources[0]).toMatchObject({ state: 'applied', reported: { count: 7, version: 2 } });
    const first = (await centre.get(`/api/surveys/${s.id}/census-counts?nendo=${NENDO}`)).body.items.find(
      (i: { answerId: string }) => i.answerId === fujisawa.answerId,
    );
    expect(first.sources[0].state).toBe('differs');
    // The version read before the change is stale now.
    const late = await apply(fujisawa.answerId, { sourceId: fujisawaSource, version: 1 });
    expect([late.status, late.body.error.code]).toEqual([409, 'conflict']);
    expect((await audits()).map((a) => [a.detail.from, a.detail.to])).toEqual([
      [null, 5],
      [5, 7],
    ]);
  });

  it('denied: the auditor reads but cannot apply; branch staff 404; municipal staff 403; another prefecture 404', async () => {
    const s = await surveyVia(centre, municipalSurvey());
    await answerAs(s.id, '藤沢市 障害福祉課', FUJISAWA, 4);
    const path = `/api/surveys/${s.id}/census-counts`;
    const auditor = await w.users.auditor.client.get(path);
    expect(auditor.status).toBe(200);
    expect(auditor.body.items[0].canApply).toBe(false);
    const answerId = auditor.body.items[0].answerId;
    const body = { nendo: NENDO, sourceId: fujisawaSource, version: null };
    const applyPath = `${path}/${answerId}/apply`;
    expect((await w.users.auditor.client.post(applyPath, body)).status).toBe(403);
    // Branch staff manage surveys but have no census of the whole prefecture.
    expect((await w.users.branch.client.get(path)).status).toBe(404);
    expect((await w.users.branch.client.post(applyPath, body)).status).toBe(404);
    expect((await w.users.fujisawa.client.get(path)).status).toBe(403);
    expect((await w.users.fujisawa.client.post(applyPath, body)).status).toBe(403);
    expect((await w.users.centre43.client.get(path)).status).toBe(404);
    expect((await w.users.centre43.client.post(applyPath, body)).status).toBe(404);
    const fake = '00000000-0000-4000-8000-000000000000';
    expect((await centre.post(`${path}/${fake}/apply`, body)).status).toBe(404);
    const rows = await t.db.systemDb
      .select()
      .from(censusReportedCounts)
      .where(eq(censusReportedCounts.answerId, answerId));
    expect(rows).toEqual([]);
    // The centre's administrator applies.
    expect((await w.users.centreAdmin.client.post(applyPath, { ...body, version: 2 })).status).toBe(200);
  });
});
