/**
 * Surveys end to end through the API: a draft published, answered by its open link and by personal links (a
 * reused link refused, reminders only to those who have not answered, their older links dead), closing
 * (an answer after it changes nothing), results by region, the .xlsx and CP932 CSV, and questions read from
 * an XLSForm-style workbook.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { parentSurveyBody, surveyVia } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let centre: TestClient;
const visitor = () => new TestClient(t);
const tokenOf = (url: string) => url.split('/').pop()!;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  centre = w.users.centre.client;
}, 60_000);
afterAll(() => t.close());

async function download(client: TestClient, path: string) {
  const h: Record<string, string> = { 'x-forwarded-for': client.ip };
  if (client.cookie) h.cookie = client.cookie;
  const res = await t.app.request(path, { headers: h });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

describe('surveys', () => {
  it('publishes a draft; its open link answers, checks the answers and counts them by region', async () => {
    const draft = await centre.post('/api/surveys', parentSurveyBody());
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', openPath: null, canManage: true });
    // A draft's link does not answer yet.
    const list = await centre.get('/api/surveys');
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(draft.body.id);
    const opened = await centre.post(`/api/surveys/${draft.body.id}/status`, { version: 1, status: 'open' });
    expect(opened.body.status).toBe('open');
    const token = tokenOf(opened.body.openPath);
    const page = await visitor().get(`/api/public/surveys/${token}`);
    expect(page.body).toMatchObject({ state: 'open', personal: false, asksMunicipality: true });

    const missing = await visitor().post(`/api/public/surveys/${token}/answers`, { answers: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('survey_answers_invalid');
    expect(missing.body.error.issues).toEqual([
      { path: 'answers.satisfied', message: 'required', code: 'required' },
    ]);
    const wrongChoice = await visitor().post(`/api/public/surveys/${token}/answers`, {
      answers: { satisfied: 'no', needs: ['helicopter'] },
    });
    expect(wrongChoice.body.error.issues[0]).toMatchObject({ path: 'answers.needs', code: 'not_a_choice' });

    const answers = [
      {
        municipalityCode: '142051',
        answers: { satisfied: 'no', needs: ['short_stay', 'transport'], age: 4 },
      },
      {
        municipalityCode: '142077',
        answers: { satisfied: 'mid', needs: ['short_stay'], comment: '送迎がほしい' },
      },
      { municipalityCode: '142034', answers: { satisfied: 'yes', age: 10, first_contact: '2025-04-01' } },
      // Hidden by its condition: `needs` of a satisfied parent is dropped.
      { answers: { satisfied: 'yes', needs: ['nursery'] } },
    ];
    for (const a of answers) {
      expect((await visitor().post(`/api/public/surveys/${token}/answers`, a)).status).toBe(201);
    }
    const results = await centre.get(`/api/surveys/${draft.body.id}/results`);
    expect(results.body.total).toBe(4);
    const byRegion = Object.fromEntries(
      results.body.byRegion.map((r: { name: string; count: number }) => [r.name, r.count]),
    );
    expect(byRegion).toMatchObject({ 湘南東部: 2, 湘南西部: 1 });
    const needs = results.body.questions.find((q: { id: string }) => q.id === 'needs');
    expect(needs.counts.map((c: { count: number }) => c.count)).toEqual([2, 0, 1]);
    const east = needs.byRegion.find((r: { name: string }) => r.name === '湘南東部');
    expect(east.counts).toEqual([2, 0, 1]);
    const age = results.body.questions.find((q: { id: string }) => q.id === 'age');
    expect(age.number).toEqual({ min: 4, max: 10, mean: 7, median: 7 });
    const comment = results.body.questions.find((q: { id: string }) => q.id === 'comment');
    expect(comment.texts).toEqual([{ text: '送迎がほしい', municipalityName: '茅ヶ崎市' }]);
    const inRegion = await centre.get(`/api/surveys/${draft.body.id}/results?regionId=${w.regionB.id}`);
    expect(inRegion.body.total).toBe(1);

    // Answers have arrived: the questions can no longer change.
    const locked = await centre.patch(`/api/surveys/${draft.body.id}`, {
      version: opened.body.version,
      definition: parentSurveyBody().definition,
    });
    expect(locked.body.error.code).toBe('survey_definition_locked');
  });

  it('refuses an answer after closing with a clear message and keeps nothing', async () => {
    const s = await surveyVia(centre, { closesAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    t.clock.advance(120_000);
    const page = await visitor().get(`/api/public/surveys/${s.openToken}`);
    expect(page.body.state).toBe('closed');
    const late = await visitor().post(`/api/public/surveys/${s.openToken}/answers`, {
      answers: { satisfied: 'yes' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'survey_closed' });
    expect(late.body.error.ja).toContain('回答は保存されていません');
    const view = await centre.get(`/api/surveys/${s.id}`);
    expect(view.body).toMatchObject({ status: 'closed', answers: 0 });
    // Closed by hand: the same.
    const other = await surveyVia(centre);
    const closed = await centre.post(`/api/surveys/${other.id}/status`, { version: 2, status: 'closed' });
    expect(closed.body.status).toBe('closed');
    const after = await visitor().post(`/api/public/surveys/${other.openToken}/answers`, {
      answers: { satisfied: 'yes' },
    });
    expect(after.body.error.code).toBe('survey_closed');
    // Nothing is answered by an unknown link.
    const unknown = await visitor().get('/api/public/surveys/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'survey_link_invalid']);
  });

  it('sends personal links: a reused link is refused, reminders go only to those who have not answered', async () => {
    const s = await surveyVia(centre, { openLink: false });
    const sent = await centre.post(`/api/surveys/${s.id}/invitations`, {
      recipients: [
        { name: '藤沢 花子', municipalityCode: '142051', email: 'hanako@example.jp' },
        { name: '茅ヶ崎 太郎', municipalityCode: '142077', address: '茅ヶ崎市共恵1-1' },
        { name: '平塚 次郎', municipalityCode: '142034' },
      ],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.links).toHaveLength(3);
    // Mail off: nothing is mailed; the links go out on screen, by file or by letter.
    expect(sent.body).toMatchObject({ mailOn: false, mailed: 0 });
    const [hanako, taro, jiro] = sent.body.links.map((l: { url: string }) => tokenOf(l.url));
    // The open link is off: it does not answer.
    expect((await visitor().get(`/api/public/surveys/${s.openToken}`)).status).toBe(404);
    const personal = await visitor().get(`/api/public/surveys/${hanako}`);
    expect(personal.body).toMatchObject({ state: 'open', personal: true, asksMunicipality: false });
    expect(
      (await visitor().post(`/api/public/surveys/${hanako}/answers`, { answers: { satisfied: 'yes' } }))
        .status,
    ).toBe(201);
    const again = await visitor().post(`/api/public/surveys/${hanako}/answers`, {
      answers: { satisfied: 'no' },
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'survey_link_used']);
    expect((await visitor().get(`/api/public/surveys/${hanako}`)).body.state).toBe('used');

    const invited = await centre.get(`/api/surveys/${s.id}/invitations`);
    expect(invited.body).toMatchObject({ answered: 1, notAnswered: 2 });
    // The list and the page count the answer and the links, and the questions are locked by it.
    const row = (await centre.get('/api/surveys')).body.items.find((r: { id: string }) => r.id === s.id);
    expect(row).toMatchObject({ answers: 1, invited: 3, notAnswered: 2 });
    const page = await centre.get(`/api/surveys/${s.id}`);
    expect(page.body).toMatchObject({ answers: 1, invited: 3, notAnswered: 2, definitionLocked: true });
    const reminded = await centre.post(`/api/surveys/${s.id}/reminders`);
    expect(reminded.body.links.map((l: { name: string }) => l.name).sort()).toEqual(
      ['平塚 次郎', '茅ヶ崎 太郎'].sort(),
    );
    // The older links of those reminded die; the fresh ones answer.
    expect((await visitor().get(`/api/public/surveys/${taro}`)).status).toBe(404);
    expect((await visitor().get(`/api/public/surveys/${jiro}`)).status).toBe(404);
    const fresh = tokenOf(reminded.body.links.find((l: { name: string }) => l.name === '平塚 次郎').url);
    expect(
      (await visitor().post(`/api/public/surveys/${fresh}/answers`, { answers: { satisfied: 'mid' } }))
        .status,
    ).toBe(201);

    // The reminder list as a CP932 CSV for mail merge names only 茅ヶ崎 太郎 now.
    const h: Record<string, string> = {
      'x-forwarded-for': centre.ip,
      'x-csrf-token': centre.csrf!,
      cookie: centre.cookie!,
    };
    const csv = await t.app.request(`/api/surveys/${s.id}/reminders?format=csv`, {
      method: 'POST',
      headers: h,
    });
    expect(csv.headers.get('content-type')).toMatch(/Shift_JIS/);
    const text = iconv.decode(Buffer.from(await csv.arrayBuffer()), 'cp932');
    expect(text.split('\r\n')[0]).toBe('宛名,市町村,メール,住所,回答用リンク');
    expect(text).toContain('茅ヶ崎 太郎,茅ヶ崎市,,茅ヶ崎市共恵1-1,http');
    expect(text).not.toContain('平塚 次郎');

    // The named survey's export names who answered, with the region; a second sheet has results by region.
    const xlsx = await download(centre, `/api/surveys/${s.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('回答一覧')!;
    expect(sheet.getRow(1).getCell(7).value).toBe('回答者');
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(7).value).sort();
    expect(names).toEqual(['平塚 次郎', '藤沢 花子'].sort());
    expect(wb.getWorksheet('圏域別集計')!.getRow(2).getCell(1).value).toBeTruthy();
    const answersCsv = await download(centre, `/api/surveys/${s.id}/export?format=csv`);
    expect(iconv.decode(answersCsv.body, 'cp932')).toContain('センターの相談に満足していますか');
  });

  it('reads questions from an XLSForm-style workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const survey = wb.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label::Japanese', 'required', 'relevant', 'appearance']);
    survey.addRow(['select_one yn', 'uses', '短期入所を使っていますか', 'yes', '', '']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: XLSForm's own reference syntax
    survey.addRow(['select_multiple places', 'where', 'どこで', '', "${uses} = 'yes'", '']);
    survey.addRow(['integer', 'days', '月の利用日数', '', '', '']);
    survey.addRow(['date', 'since', '利用開始日', '', '', '']);
    survey.addRow(['text', 'wish', 'ご要望', '', '', 'multiline']);
    survey.addRow(['geopoint', 'where_am_i', '位置', '', '', '']);
    const choices = wb.addWorksheet('choices');
    choices.addRow(['list_name', 'name', 'label::Japanese']);
    choices.addRow(['yn', 'yes', 'はい']);
    choices.addRow(['yn', 'no', 'いいえ']);
    choices.addRow(['places', 'hospital', '病院']);
    choices.addRow(['places', 'facility', '施設']);
    wb.addWorksheet('settings').addRow(['form_title']);
    wb.getWorksheet('settings')!.addRow(['短期入所の利用調査']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'survey.xlsx');
    const res = await centre.postForm('/api/surveys/definition-sheet', form);
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('短期入所の利用調査');
    expect(res.body.definition.questions.map((q: { type: string }) => q.type)).toEqual([
      'single',
      'multiple',
      'number',
      'date',
      'long_text',
    ]);
    expect(res.body.definition.questions[1].showIf).toEqual({ question: 'uses', anyOf: ['yes'] });
    expect(res.body.issues).toEqual([
      {
        path: 'survey.7.type',
        message: 'Row 7: the type geopoint is not supported.',
        code: 'type_unsupported',
        row: 7,
        detail: 'geopoint',
      },
    ]);
    const created = await centre.post('/api/surveys', {
      ...parentSurveyBody(),
      title: res.body.title,
      definition: res.body.definition,
    });
    expect(created.status).toBe(201);
    const notXlsx = new FormData();
    notXlsx.append('file', new Blob(['<script>alert(1)</script>']), 'survey.xlsx');
    const bad = await centre.postForm('/api/surveys/definition-sheet', notXlsx);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'survey_sheet_unreadable']);
  });
});
