import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness';

/**
 * The page per municipality (docs/municipal-support.md §1) on the demo data: centre staff open the prefecture
 * view from the 市町村支援 menu (counts, the tile map, the table), open 藤沢市's page from its tile, record the
 * council with a day refused then accepted and read the item's history; 藤沢市's own staff open their page and
 * get the not-found page for 茅ヶ崎市's. axe on every page; no request leaves the origin.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('municipality pages', () => {
  it('centre staff read the prefecture view, open a municipality and record an item with its source', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));

    await page.getByRole('link', { name: '市町村カルテ', exact: true }).click();
    await expectHeading(page, '市町村の取組状況');
    await expectNoAxeViolations(page, 'prefecture view');
    // The map: one tile per municipality of 神奈川県, its band written beside the colour and pattern.
    const map = page.getByRole('figure');
    const tiles = map.getByRole('link');
    expect(await tiles.count()).toBe(33);
    await map.getByRole('link', { name: /^藤沢市：/ }).waitFor();
    // The table names each item's status in words, by region (folded under its count).
    await page.getByText('項目ごとの状況の表を開く（33市町村）').click();
    const table = page.getByRole('table', { name: /の取組状況/ });
    expect(await table.getByRole('rowheader').count()).toBe(33);

    await map.getByRole('link', { name: /^藤沢市：/ }).click();
    await expectHeading(page, '藤沢市のカルテ');
    await expectNoAxeViolations(page, '藤沢市 page');
    await page.getByRole('heading', { name: '4課の担当窓口' }).waitFor();
    await page.getByRole('heading', { name: 'データから分かること' }).waitFor();

    // Record the council: a day that does not exist is refused on the spot, a real one saved.
    await page.getByRole('button', { name: '協議の場の設置を記録する' }).click();
    const form = page.getByRole('form', { name: '協議の場の設置' });
    await form.getByLabel('設置済み').check();
    await form.getByLabel('教育委員会が参加').check();
    await form.getByLabel(/^出典の詳細/).fill('令和8年4月の協議の場');
    await form.getByLabel(/^いつ時点の情報か/).fill('令和8年2月30日');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('日付を正しく入力してください').waitFor();
    await expectNoAxeViolations(page, 'the council form');
    await form.getByLabel(/^いつ時点の情報か/).fill('令和8年4月20日');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('協議の場の設置を記録しました。').waitFor();

    await page.getByRole('button', { name: '協議の場の設置の履歴' }).click();
    const history = page.getByRole('list', { name: '変更の履歴' });
    await history.getByText('令和8年4月の協議の場', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'the council history');
    h.assertClean();
  }, 120_000);

  it('藤沢市 staff keep their own page and get not-found on 茅ヶ崎市', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('municipal_staff'));
    await page.getByRole('link', { name: '市町村カルテ', exact: true }).click();
    await expectHeading(page, '市町村の取組状況');
    await page.getByRole('link', { name: '藤沢市のカルテを開く' }).click();
    await expectHeading(page, '藤沢市のカルテ');
    expect(await page.getByRole('button', { name: /を記録する$/ }).count()).toBeGreaterThan(0);
    await page.goto('/municipalities/142077');
    await expectHeading(page, 'ページが見つかりません');
    await expectNoAxeViolations(page, 'not found');
    h.assertClean();
  }, 120_000);
});
