/**
 * Registry screens end to end, one child's story: the list with its URL filters, the new-child form, the record
 * (basic facts, care and score, consents, affiliations, move, history), the conflict view, the move notification
 * seen by the new municipality and the printable summary — in Japanese and English, with axe on each page, at
 * desktop and tablet (1024×768) sizes. The transitions page: registry-transitions.test.ts.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../src/test/factories';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  isFocused,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';
import {
  addAffiliation,
  field,
  readMoveNotification,
  SHOTS,
  saveApplyAndDeleteSearch,
  shot,
  TABLET,
} from './registry-steps';

let h: Harness;
let childId = '';
let otherMunicipality = '';
let otherMunicipalityCode = '';

beforeAll(async () => {
  h = await startHarness();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await h?.close();
});

async function centreStaff(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage(viewport ? { viewport } : undefined);
  await signIn(page, h.account('centre_staff'));
  return page;
}

async function openRecord(page: Page) {
  await page.goto(`/children/${childId}`);
  await waitForPage(page);
  await page.getByRole('heading', { level: 2, name: '基本情報' }).waitFor();
}

describe('registry screens', () => {
  it('registers a child through the new-child form (birth date in 和暦)', async () => {
    const page = await centreStaff();
    const munis = (await (await page.request.get('/api/network/municipalities')).json()) as {
      code: string;
      name: string;
    }[];
    const other = munis.find((m) => m.name !== '藤沢市')!;
    otherMunicipality = other.name;
    otherMunicipalityCode = other.code;

    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '医療的ケア児台帳' })
      .click();
    await waitForPage(page);
    await page.getByRole('link', { name: '新規登録' }).click();
    await waitForPage(page);
    await expectHeading(page, '医療的ケア児の新規登録');
    await expectNoAxeViolations(page, 'new child form');

    // Saving empty: every required field says so, and focus goes to the first.
    await page.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => field(page, 'familyName').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(isFocused(field(page, 'familyName'))).toBe(true);
    await expectNoAxeViolations(page, 'new child form with errors');

    await field(page, 'familyName').fill('髙橋');
    await field(page, 'givenName').fill('陽葵');
    await field(page, 'familyKana').fill('たかはし');
    await field(page, 'givenKana').fill('ひまり');
    await field(page, 'birthDate').fill('H31.4.5');
    await field(page, 'sex').selectOption('female');
    await field(page, 'municipalityCode').selectOption({ label: otherMunicipality });
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
    childId = new URL(page.url()).pathname.split('/').pop()!;
    await waitForPage(page);
    await expectHeading(page, '髙橋 陽葵');
    // 和暦 in, 和暦 (西暦) out.
    expect(await textOf(page.locator('#main dl'))()).toContain('平成31年（2019年）4月5日');
    h.assertClean();
  });

  it('finds 髙橋 by the kana たかはし, keeping the filter in the URL', async () => {
    const page = await centreStaff();
    await page.goto('/children');
    await waitForPage(page);
    await page.getByRole('textbox', { name: /氏名・ふりがな/ }).fill('たかはし');
    await page.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('たかはし');
    const results = page.getByRole('table', { name: '検索結果' });
    await results.getByRole('link', { name: '髙橋 陽葵' }).waitFor();
    // Every row found is a たかはし (whatever kanji the family name is written in).
    const kana = await results.locator('tbody tr td:first-child span').allInnerTexts();
    expect(kana.every((k) => k.startsWith('たかはし') || k.startsWith('タカハシ'))).toBe(true);
    await expectNoAxeViolations(page, 'registry list filtered');
    // The export link carries the same filter.
    const href = await page.getByRole('link', { name: /Excel/ }).getAttribute('href');
    expect(href).toContain('/api/children/export?');
    expect(href).toContain('format=xlsx');
    expect(new URL(href!, h.baseUrl).searchParams.get('q')).toBe('たかはし');
    // Every column sorts on the server, either way; the header says which way.
    const sortBirth = results.getByRole('button', { name: '生年月日・年齢で並べ替え' });
    await sortBirth.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('birthDate');
    const birthHeader = results.getByRole('columnheader', { name: /生年月日/ });
    await expect.poll(() => birthHeader.getAttribute('aria-sort')).toBe('ascending');
    await sortBirth.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('dir')).toBe('desc');
    await expect.poll(() => birthHeader.getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('q')).toBe('たかはし');
    await results.getByRole('columnheader', { name: /更新日/ }).waitFor();
    await expectNoAxeViolations(page, 'registry list sorted');
    // A 和暦 birth date filter is read too.
    await page.goto('/children?birthDate=H31.4.5');
    await waitForPage(page);
    await page.getByRole('table', { name: '検索結果' }).getByRole('link', { name: '髙橋 陽葵' }).waitFor();
    // The back button returns to the previous search.
    await page.goBack();
    await expect
      .poll(() => page.getByRole('textbox', { name: /氏名・ふりがな/ }).inputValue())
      .toBe('たかはし');

    // Save the search, apply it from the list, delete it.
    await saveApplyAndDeleteSearch(page);
    await expectNoAxeViolations(page, 'registry list with saved filters');

    const tablet = await centreStaff(TABLET);
    await tablet.goto('/children?q=たかはし');
    await waitForPage(tablet);
    await tablet.getByRole('table', { name: '検索結果' }).waitFor();
    await expectNoAxeViolations(tablet, 'registry list (tablet)');
    h.assertClean();
  });

  it('edits the address, the care items (live score) and records a consent', async () => {
    const page = await centreStaff();
    await openRecord(page);
    await expectNoAxeViolations(page, 'record');

    await page.getByRole('button', { name: '基本情報を編集' }).click();
    const basic = page.getByRole('region', { name: '基本情報を編集' });
    await expect.poll(isFocused(basic.getByRole('heading', { name: '基本情報を編集' }))).toBe(true);
    await expectNoAxeViolations(page, 'record: basic form');
    await field(basic, 'address').fill('海岸通り1-2-3');
    await basic.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '基本情報を保存しました。' }).waitFor();
    await expect.poll(textOf(page.locator('#main dl').first())).toContain('海岸通り1-2-3');

    await page.getByRole('button', { name: '医療的ケアを編集' }).click();
    const care = page.getByRole('region', { name: '医療的ケアを編集' });
    await care.getByRole('checkbox', { name: '酸素療法' }).check();
    await care.getByRole('checkbox', { name: /^吸引/ }).check();
    // Both at watch level low: 8 + 8 = 16 points, tier 2 — before saving.
    await expect.poll(textOf(care.getByTestId('care-preview'))).toMatch(/16点\s*区分2/);
    await expectNoAxeViolations(page, 'record: care editor');
    await care.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '判定スコアを計算し直しました' }).waitFor();
    await expect.poll(textOf(page.getByTestId('care-score'))).toMatch(/16点\s*区分2/);
    // The breakdown opens from the line with its count, under the score and tier that stay in view.
    const breakdownTable = page.getByRole('table', { name: '判定スコアの内訳' });
    expect(await breakdownTable.isVisible()).toBe(false);
    await page.getByText('判定スコアの内訳を開く（2項目）').click();
    await breakdownTable.waitFor();

    await page.getByRole('button', { name: '同意を記録' }).click();
    const consent = page.getByRole('region', { name: '同意を記録' });
    await field(consent, 'purpose').selectOption('share_municipality');
    await field(consent, 'method').selectOption('paper');
    await consent.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '同意を記録しました。' }).waitFor();
    const inForce = page.getByRole('table', { name: '目的ごとの現在の同意' });
    await expect
      .poll(textOf(inForce.getByRole('row').filter({ hasText: '市町村との情報共有' })))
      .toContain('同意あり');

    // The history lists the changes field by field, with 和暦 dates.
    // The decisions fold under a line with their count; the consents in force stay in view.
    expect(await page.getByRole('table', { name: '同意の記録' }).isVisible()).toBe(false);
    await page.getByText(/^同意の記録を開く（\d+件、撤回もここから）$/).click();
    await page
      .getByRole('table', { name: '同意の記録' })
      .getByRole('row', { name: /市町村との情報共有/ })
      .first()
      .waitFor();

    // The history opens from the record's table of contents (its link opens the fold).
    const history = page.getByRole('region', { name: '変更履歴' });
    await page
      .getByRole('navigation', { name: 'この記録の目次' })
      .getByRole('link', { name: '変更履歴' })
      .click();
    await history.getByRole('heading', { level: 3 }).first().waitFor();
    await expect.poll(textOf(history)).toContain('海岸通り1-2-3');
    expect(await textOf(history)()).toContain('平成31年4月5日');
    await expectNoAxeViolations(page, 'record after edits');
    await shot(page, 'record');

    // English: same record, every label translated.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Basic information' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Medical care and care score' }).waitFor();
    expect(await textOf(page.getByTestId('care-score'))()).toMatch(/16 points\s*Tier 2/);
    await expectNoAxeViolations(page, 'record (English)');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 2, name: '基本情報' }).waitFor();

    const tablet = await centreStaff(TABLET);
    await openRecord(tablet);
    await expectNoAxeViolations(tablet, 'record (tablet)');
    await shot(tablet, 'record-tablet');
    h.assertClean();
  });

  it('keeps the current affiliations in view and folds the ended ones under a line with their count', async () => {
    const page = await centreStaff();
    await openRecord(page);
    const attending = await addAffiliation(page, 0, 'school', { startedOn: 'R6.4.1' });
    // A day service: the longest kind's name, which squeezed the row's actions into a stack.
    const left = await addAffiliation(page, 1, 'day_service', { startedOn: 'R2.4.1', endedOn: 'R6.3.31' });
    const inView = page.getByRole('table', { name: '所属・利用している機関', exact: true });
    await inView.getByRole('row').filter({ hasText: attending }).waitFor();
    expect(await textOf(inView)()).not.toContain(left);
    const ended = page.getByRole('table', { name: '終了した所属', exact: true });
    expect(await ended.isVisible()).toBe(false);
    const line = page.getByText('終了した所属を開く（1件）');
    await line.click();
    const row = ended.getByRole('row').filter({ hasText: left });
    await row.waitFor();
    // The row's actions side by side, not stacked.
    const edit = await row.getByRole('button', { name: `編集: ${left}` }).boundingBox();
    const remove = await row.getByRole('button', { name: `削除: ${left}` }).boundingBox();
    expect(Math.abs(edit!.y - remove!.y)).toBeLessThan(2);
    await expectNoAxeViolations(page, 'record: ended affiliations open');
    // Closed again, printing opens it.
    await line.click();
    await expect.poll(() => ended.isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => ended.isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => ended.isVisible()).toBe(false);
    h.assertClean();
  });

  it('shows the conflict view to the second of two editors and overwrites nothing', async () => {
    const first = await centreStaff();
    const second = await centreStaff();
    for (const page of [first, second]) {
      await openRecord(page);
      await page.getByRole('button', { name: '基本情報を編集' }).click();
    }
    const firstForm = first.getByRole('region', { name: '基本情報を編集' });
    await field(firstForm, 'address').fill('一人目の住所');
    await firstForm.getByRole('button', { name: '保存' }).click();
    await first.getByRole('status').filter({ hasText: '基本情報を保存しました。' }).waitFor();

    const secondForm = second.getByRole('region', { name: '基本情報を編集' });
    await field(secondForm, 'address').fill('二人目の住所');
    await secondForm.getByRole('button', { name: '保存' }).click();
    const alert = second.getByRole('alert');
    await expect.poll(textOf(alert)).toContain('他の人が先に更新しました');
    const diff = alert.getByRole('table', { name: 'あなたの入力と保存されている内容の違い' });
    const row = diff.getByRole('row').filter({ hasText: '住所' });
    await expect.poll(textOf(row)).toContain('二人目の住所');
    expect(await textOf(row)()).toContain('一人目の住所');
    await expectNoAxeViolations(second, 'conflict view');
    await shot(second, 'conflict');
    // Nothing was written: the saved record still has the first editor's address.
    const saved = (await (await second.request.get(`/api/children/${childId}`)).json()) as {
      address: string;
    };
    expect(saved.address).toBe('一人目の住所');
    // Re-applying keeps the second editor's input on the latest version; saving it then succeeds.
    await alert.getByRole('button', { name: '最新の内容に自分の変更を反映する' }).click();
    await expect.poll(() => field(secondForm, 'address').inputValue()).toBe('二人目の住所');
    await secondForm.getByRole('button', { name: '保存' }).click();
    await second.getByRole('status').filter({ hasText: '基本情報を保存しました。' }).waitFor();
    h.assertClean();
  });

  it('moves the child to 藤沢市; the municipal staff there sees it and is notified', async () => {
    const page = await centreStaff();
    await openRecord(page);
    await page.getByRole('button', { name: '転居を登録' }).click();
    const move = page.getByRole('region', { name: '転居を登録' });
    await field(move, 'municipalityCode').selectOption({ label: '藤沢市' });
    await expectNoAxeViolations(page, 'record: move form');
    await move.getByRole('button', { name: '転居を登録' }).click();
    await page.getByRole('status').filter({ hasText: '藤沢市 への転居を登録しました。' }).waitFor();
    await expect.poll(textOf(page.locator('#main dl').first())).toContain('藤沢市');

    const municipal = await h.newPage();
    await signIn(municipal, h.account('municipal_staff'));
    const toChild = await readMoveNotification(municipal, childId);

    await toChild.click();
    await waitForPage(municipal);
    await expectHeading(municipal, '髙橋 陽葵');
    await municipal.goto('/children?q=たかはし');
    await waitForPage(municipal);
    // Children of 藤沢市 without consent to share are counted, never listed.
    const list = (await (await municipal.request.get('/api/children?q=たかはし')).json()) as {
      withheld: number;
    };
    const notice = municipal.getByRole('note').filter({ hasText: '同意がないため表示していない児童' });
    if (list.withheld > 0) {
      expect(await textOf(notice)()).toBe(`同意がないため表示していない児童: ${list.withheld}人`);
    } else {
      expect(await notice.count()).toBe(0);
    }
    await expectNoAxeViolations(municipal, 'registry list (municipal staff)');
    await municipal
      .getByRole('table', { name: '検索結果' })
      .getByRole('link', { name: '髙橋 陽葵' })
      .waitFor();
    h.assertClean();
  });

  it('shows the former municipality a read-only record with a banner', async () => {
    const email = `former-${Date.now()}@example.jp`;
    await makeUser(h.deps.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: otherMunicipalityCode,
      email,
    });
    const page = await h.newPage();
    await signIn(page, { role: 'municipal_staff', label: 'former', email, password: TEST_PASSWORD });
    await page.goto(`/children/${childId}`);
    await waitForPage(page);
    const banner = page.getByRole('note').filter({ hasText: '以前の居住地としての閲覧です' });
    await banner.waitFor();
    expect(await textOf(banner)()).toContain(`${otherMunicipality} から転出しました`);
    expect(await textOf(page.locator('#main'))()).not.toContain('藤沢市');
    expect(await page.getByRole('button', { name: '基本情報を編集' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '医療的ケアを編集' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'record (former residence)');
    h.assertClean();
  });

  it('prints a one-page summary without the menu', async () => {
    const page = await centreStaff();
    await openRecord(page);
    await page.getByRole('link', { name: '概要を印刷' }).click();
    await waitForPage(page);
    await expectHeading(page, '医療的ケア児 概要');
    const text = await textOf(page.locator('#main'))();
    for (const fact of [
      '髙橋 陽葵',
      'タカハシ ヒマリ',
      '平成31年（2019年）4月5日',
      '藤沢市',
      '16点',
      '区分2',
      '同意あり',
    ]) {
      expect(text).toContain(fact);
    }
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectNoAxeViolations(page, 'print view');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '印刷する' }).isVisible()).toBe(false);
    await shot(page, 'print');
    const pdf = await page.pdf({ format: 'A4' });
    // One or two A4 pages.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    h.assertClean();
  });
});
