/**
 * Survey screens beyond the story (docs/knowledge.md §5; the parent-survey story — builder, personal links by mail,
 * phones, reminder, results and export by region, anonymity — is survey-story.test.ts, on both engines). Here, on
 * PGlite: the list; the demo parents' questionnaire, whose answers lock its questions, read for one region; the
 * printed letters of a survey's personal links (address and QR code on each A4 page); a parent on a phone (360 px)
 * told what is missing, answering every kind of question — the date in 和暦 — and the same link then saying plainly
 * that it has been used, an unknown link too; an auditor reads without any change button, and municipal staff get
 * not-found. axe on each page; nothing leaves the origin.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';
import { pageApi } from './learning-story-steps';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 5 });
}, 300_000);

afterAll(async () => {
  await h?.close();
});

const TITLE = '在宅生活の困りごとアンケート';
const PARENTS = '令和8年度 医療的ケア児の保護者アンケート';
const choice = (value: string, label: string) => ({ value, label });

const SURVEY = {
  title: TITLE,
  description: 'センターの支援を見直すためのアンケートです。5分ほどでお答えいただけます。',
  audience: 'parents',
  anonymous: false,
  closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  definition: {
    questions: [
      {
        id: 'satisfied',
        type: 'single',
        title: 'センターの相談に満足していますか',
        required: true,
        choices: [choice('yes', '満足'), choice('mid', 'どちらともいえない'), choice('no', '不満')],
      },
      {
        id: 'needs',
        type: 'multiple',
        title: '足りないと感じる支援',
        required: true,
        choices: [choice('short_stay', '短期入所'), choice('nursery', '保育所での受け入れ')],
        showIf: { question: 'satisfied', anyOf: ['mid', 'no'] },
      },
      { id: 'age', type: 'number', title: 'お子さんの年齢', required: true, min: 0, max: 25 },
      { id: 'first_contact', type: 'date', title: '初めて相談した日', required: false },
      {
        id: 'services',
        type: 'matrix',
        title: 'サービスの使いやすさ',
        required: true,
        choices: [choice('easy', '使いやすい'), choice('hard', '使いにくい')],
        rows: [choice('nurse', '訪問看護'), choice('stay', '短期入所の予約')],
      },
      { id: 'comment', type: 'long_text', title: 'ご意見', required: false },
    ],
  },
};

describe('survey screens', () => {
  it('the centre reads a locked questionnaire by region and prints letters; a parent answers every kind of question on a phone, and the link then says it was used', async () => {
    const staff = await h.newPage();
    await signIn(staff, h.account('centre_staff'));
    await staff.getByRole('link', { name: 'アンケート', exact: true }).first().click();
    await expectHeading(staff, 'アンケート');
    await expect.poll(() => staff.getByRole('link', { name: PARENTS }).count()).toBe(1);
    await expectNoAxeViolations(staff, 'surveys list');

    // The demo parents' questionnaire: its answers lock the questions, and the builder says why.
    await staff.getByRole('link', { name: PARENTS }).click();
    await expectHeading(staff, PARENTS);
    await staff.getByRole('link', { name: '編集' }).click();
    await expectHeading(staff, `アンケートを編集：${PARENTS}`);
    await expect
      .poll(() => staff.getByText(/件の回答が届いているため、質問は変更できません/).count())
      .toBe(1);
    expect(await staff.getByRole('button', { name: '質問を追加' }).count()).toBe(0);
    await staff.getByRole('link', { name: 'アンケートのページへ戻る' }).click();
    await expectHeading(staff, PARENTS);
    // Its results, then one region's.
    await staff.getByRole('link', { name: '集計を見る' }).click();
    await expectHeading(staff, `集計：${PARENTS}`);
    const byRegion = staff.getByRole('table', { name: '圏域別の回答数', exact: true });
    await expect.poll(() => byRegion.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const region = (await byRegion.locator('tbody th').first().textContent())!.trim();
    await staff.getByLabel('圏域で絞り込む').selectOption({ label: region });
    await expect.poll(() => byRegion.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => staff.getByRole('table', { name: /質問1の選択肢ごとの回答数/ }).count()).toBe(1);

    // A survey of every question kind, published and sent to one recipient (through the API, as its screens do).
    const api = pageApi(staff);
    const created = await api<{ id: string }>('POST', '/api/surveys', SURVEY);
    await api('POST', `/api/surveys/${created.id}/status`, { version: 1, status: 'open' });
    await api('POST', `/api/surveys/${created.id}/invitations`, { recipients: [{ name: '山田 花子' }] });

    // The letters: fresh links for whoever has not answered, one A4 page each with the address and QR code.
    await staff.goto(`/surveys/${created.id}/letter`);
    await expectHeading(staff, 'アンケートの案内状の印刷');
    await staff.getByText('まだ回答していない方：1人').waitFor();
    await expectNoAxeViolations(staff, 'the letters before links are issued');
    await staff.getByRole('button', { name: '未回答の方のリンクを発行して案内状を作る' }).click();
    const letter = staff.getByRole('article', { name: '山田 花子 様' });
    await letter.waitFor();
    expect(await letter.textContent()).toContain(TITLE);
    expect(await letter.textContent()).toMatch(/回答の締切：令和\d+年\d+月\d+日/);
    const address = ((await letter.getByTestId('letter-address').textContent()) ?? '').trim();
    expect(address).toMatch(new RegExp(`^${h.baseUrl}/public/surveys/[A-Za-z0-9_-]{16,64}$`));
    const qr = letter.getByRole('img', { name: `回答ページの QR コード: ${address}` });
    await qr.waitFor();
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d/);
    await expectNoAxeViolations(staff, 'the letters');
    // On paper: the letter and its QR code, without the screen's buttons.
    await staff.emulateMedia({ media: 'print' });
    expect(await qr.isVisible()).toBe(true);
    expect(await staff.getByRole('button', { name: '印刷する' }).isVisible()).toBe(false);
    const pdf = await staff.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);

    // A parent on a phone opens the link.
    const phone = await h.newPage({ viewport: { width: 360, height: 780 } });
    await phone.goto(address.slice(h.baseUrl.length));
    await expectHeading(phone, TITLE);
    await phone
      .getByText('この回答は、ご案内をお送りした方からの回答としてセンターに届きます。', { exact: false })
      .waitFor();
    await phone.getByText(/回答の締切：令和\d+年/).waitFor();
    await expectNoAxeViolations(phone, 'the survey on a phone');
    const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow(), 'the survey scrolls sideways on a phone').toBeLessThanOrEqual(0);

    // Sending nothing: the missing answers are listed and marked on their questions.
    await phone.getByRole('button', { name: '回答を送信する' }).click();
    const problems = phone.getByRole('alert').filter({ hasText: '回答に不足または誤りがあります' });
    await problems.waitFor();
    expect(await problems.getByRole('link').count()).toBe(3);
    await expectNoAxeViolations(phone, 'the survey with its problems listed');

    // The answers: a condition shows the next question; the date in 和暦 is read back.
    expect(await phone.getByRole('group', { name: /足りないと感じる支援/ }).count()).toBe(0);
    await phone.getByRole('radio', { name: 'どちらともいえない' }).check();
    const needs = phone.getByRole('group', { name: /足りないと感じる支援/ });
    await needs.getByRole('checkbox', { name: '短期入所' }).check();
    await phone.getByRole('textbox', { name: /お子さんの年齢/ }).fill('７');
    await phone.getByRole('textbox', { name: /初めて相談した日/ }).fill('令和7年4月1日');
    await phone.getByText('令和7年（2025年）4月1日 として受け付けます。').waitFor();
    await phone.getByRole('group', { name: '訪問看護' }).getByRole('radio', { name: '使いやすい' }).check();
    await phone
      .getByRole('group', { name: '短期入所の予約' })
      .getByRole('radio', { name: '使いにくい' })
      .check();
    await phone.getByRole('textbox', { name: /ご意見/ }).fill('夜間に相談できると助かります。');
    expect(await overflow(), 'the matrix scrolls sideways on a phone').toBeLessThanOrEqual(0);
    await phone.getByRole('button', { name: '回答を送信する' }).click();
    await expectHeading(phone, 'ご回答ありがとうございました');
    await expectNoAxeViolations(phone, 'thanks');

    const [kept] = rowsOf<{ answers: Record<string, unknown> }>(
      await h.db.systemDb.execute(sql`select answers from survey_answers where survey_id = ${created.id}`),
    );
    expect(kept?.answers).toEqual({
      satisfied: 'mid',
      needs: ['short_stay'],
      age: 7,
      first_contact: '2025-04-01',
      services: { nurse: 'easy', stay: 'hard' },
      comment: '夜間に相談できると助かります。',
    });

    // Its results lead with the first three questions; the others are listed by title and answer count and
    // open one at a time, and the tables by municipality and by region open from their counts.
    await staff.emulateMedia({ media: 'screen' });
    await staff.goto(`/surveys/${created.id}/results`);
    await expectHeading(staff, `集計：${TITLE}`);
    await staff.getByRole('heading', { level: 3, name: /^質問3\s+お子さんの年齢/ }).waitFor();
    expect(await staff.getByRole('heading', { level: 3, name: /^質問4/ }).count()).toBe(0);
    const matrixRow = staff.getByRole('table', { name: '質問5「訪問看護」の回答数' });
    expect(await matrixRow.isVisible()).toBe(false);
    await staff.getByText(/^質問5\s+サービスの使いやすさ（回答 1件）$/).click();
    await expect
      .poll(textOf(matrixRow.locator('tbody tr').filter({ hasText: '使いやすい' })))
      .toMatch(/1件$/);
    const byMunicipality = staff.getByRole('table', { name: '市町村別の回答数' });
    expect(await byMunicipality.isVisible()).toBe(false);
    await staff.getByText(/^市町村別の回答数を開く（\d+市町村）$/).click();
    await byMunicipality.waitFor();
    await expectNoAxeViolations(staff, 'survey results, folded questions');

    // The same link again, opened later: used, said plainly.
    const again = await h.newPage({ viewport: { width: 360, height: 780 } });
    await again.goto(address.slice(h.baseUrl.length));
    const heading = again.getByRole('heading', { level: 1 });
    await expect
      .poll(() => heading.textContent(), { timeout: 30_000 })
      .toBe('このリンクからはすでに回答いただいています');
    await waitForPage(again);
    await again.getByText('回答は変更されていません。', { exact: false }).waitFor();
    await expectNoAxeViolations(again, 'a used link');
    // An unknown link.
    await again.goto('/public/surveys/NoSuchLinkNoSuchLink00');
    await expect
      .poll(() => heading.textContent(), { timeout: 30_000 })
      .toBe('このアンケートのリンクは無効です');
    h.assertClean();
  }, 300_000);

  it('shows an auditor no change button, and municipal staff not-found', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('auditor'));
    await page.goto('/surveys');
    await expectHeading(page, 'アンケート');
    expect(await page.getByRole('link', { name: '新規作成' }).count()).toBe(0);
    await page.getByRole('link', { name: PARENTS }).click();
    await expectHeading(page, PARENTS);
    for (const name of ['締め切る', '編集', '送付先を追加', '未回答者にリマインド']) {
      expect(await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count()).toBe(0);
    }
    expect(await page.getByRole('link', { name: '集計を見る' }).count()).toBe(1);

    const other = await h.newPage();
    await signIn(other, h.account('municipal_staff'));
    expect(await other.getByRole('link', { name: 'アンケート', exact: true }).count()).toBe(0);
    await other.goto('/surveys');
    await expectHeading(other, 'ページが見つかりません');
    h.assertClean();
  }, 90_000);
});
