import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness';

/**
 * Engagements with municipalities (docs/municipal-support.md §2) on the demo data: 藤沢市's staff record a
 * support log entry for their municipality (an impossible day named at its field), mark it a good example, and
 * plan a four-division meeting that they then record as held with three divisions (bad input named at its fields);
 * the centre reads the four-division overdue list and changes a municipality's cycle, then the cross-tabulation
 * by region with its .xlsx link and the good examples. axe on every page; no request leaves the origin.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('engagements', () => {
  it('municipal staff record their municipality’s support and mark it a good example', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('municipal_staff'));
    await page.getByRole('link', { name: '訪問・協議・支援の記録' }).click();
    await expectHeading(page, '市町村への訪問・協議・支援の記録');
    await page.getByRole('table', { name: '訪問・協議・支援の記録' }).waitFor();
    await expectNoAxeViolations(page, 'engagement list');

    await page.getByRole('link', { name: '市町村支援を記録する' }).click();
    await expectHeading(page, '市町村支援を記録する');
    await page.getByLabel(/^実施日/).fill('令和8年2月30日');
    await page.getByLabel(/^件名/).fill('医療的ケア児の保育所入園の相談');
    await page.getByLabel('生活の要素の区分').selectOption('childcare');
    await page.getByLabel('市町村からの相談内容の区分').selectOption('case_advice');
    await page.getByLabel('結果の内容').fill('看護師の加配で受け入れが決まった');
    await page.getByRole('button', { name: '記録する', exact: true }).click();
    await page.getByText('日付を正しく入力してください', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'support log form with an error');
    await page.getByLabel(/^実施日/).fill('令和8年4月10日');
    await page.getByRole('button', { name: '記録する', exact: true }).click();
    await expectHeading(page, '医療的ケア児の保育所入園の相談');
    await page.getByText('市町村が記録', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'support log entry');

    await page.getByRole('button', { name: '好事例に指定' }).click();
    await page.getByLabel('研修で紹介').check();
    await page.getByLabel('紹介する理由').fill('保育所と訪問看護の連携の例');
    await page.getByRole('button', { name: '好事例に指定する' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await page.getByRole('link', { name: '訪問・協議・支援の記録' }).click();
    await page
      .getByRole('navigation', { name: '市町村支援の画面' })
      .getByRole('link', { name: '好事例' })
      .click();
    await expectHeading(page, '好事例');
    await page.getByRole('link', { name: '医療的ケア児の保育所入園の相談' }).waitFor();
    await expectNoAxeViolations(page, 'good examples');

    // A four-division meeting planned, then held with three divisions.
    await page.getByRole('link', { name: '訪問・協議・支援の記録' }).click();
    await page.getByRole('link', { name: '4課協議を記録する' }).click();
    await page.getByLabel('予定', { exact: true }).check();
    await page.getByLabel(/^実施日/).fill('2099-04-20');
    await page.getByLabel(/^件名/).fill('第6回 4課協議（藤沢市）');
    await page.getByRole('button', { name: '記録する', exact: true }).click();
    await expectHeading(page, '第6回 4課協議（藤沢市）');
    await page.getByText('開催後に「開催した内容を記録」から', { exact: false }).waitFor();
    await page.getByRole('button', { name: '開催した内容を記録' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    // Held in the future, and with no division: each named at its field.
    await page.getByText('実施済みの記録に未来の日付は入力できません', { exact: false }).waitFor();
    await page.getByText('出席した課を1つ以上選んでください', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'four-division meeting with errors');
    await page.getByLabel(/^実施日/).fill('令和8年4月20日');
    for (const d of ['母子保健', '障害福祉', '教育']) await page.getByLabel(d, { exact: true }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await page.getByText('保育：欠席').waitFor();
    expect(await page.getByText('教育：出席').count()).toBe(1);
  });

  it('the centre reads the overdue list, changes a cycle and cross-tabulates the support log', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    await page.getByRole('link', { name: '4課協議の状況' }).first().click();
    await expectHeading(page, '4課協議の状況');
    const table = page.getByRole('table', { name: '市町村ごとの4課協議' });
    await table.waitFor();
    // The most overdue municipality first.
    const first = table.locator('tbody tr').first();
    await first.getByText('期限超過').waitFor();
    await first.getByText(/日超過/).waitFor();
    await expectNoAxeViolations(page, 'four-division meetings');

    const name = (await first.locator('th').first().textContent())!.trim();
    await first.getByRole('button', { name: /の開催間隔と担当を変更$/ }).click();
    await page.getByLabel('期限（前回から）').selectOption('12');
    await page.getByLabel('開催時期（前回から）').selectOption('11');
    await expectNoAxeViolations(page, 'cycle form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: 'の開催間隔を保存しました。' }).waitFor();
    await table.getByRole('row').filter({ hasText: '11〜12か月ごと' }).first().waitFor();
    expect(name.length).toBeGreaterThan(0);

    await page.getByRole('link', { name: '市町村支援のクロス集計' }).click();
    await expectHeading(page, '市町村支援の記録のクロス集計');
    await page.getByRole('table').first().waitFor();
    await page.getByLabel('行', { exact: true }).selectOption('region');
    await page.getByRole('table', { name: /圏域×結果/ }).waitFor();
    await expectNoAxeViolations(page, 'cross-tabulation');
    const href = await page.getByRole('link', { name: /Excelファイル/ }).getAttribute('href');
    expect(href).toContain('/api/engagements/cross-tab/export?');
    expect(href).toContain('row=region');
  });
});
