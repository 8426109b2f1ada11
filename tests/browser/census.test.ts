import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNendo, formatNendo } from '../../src/shared/nendo';
import { uploads } from './census-lists';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  hasJapanese,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';

/**
 * Census (issue 4) end to end: centre staff add three sources, upload an .xlsx, a UTF-8 CSV and a CP932 CSV of
 * 藤沢市's nurses, the board of education and a welfare office, run the linkage, decide the uncertain pair with
 * the keyboard, publish, and download 藤沢市’s discrepancy workbook. The board’s list has one unreadable birth date:
 * its rows left out come as a workbook with the reason, and the good rows are imported. axe runs on every screen.
 */

let h: Harness;
let page: Page;
let runPath = '';
const nendo = currentNendo(new Date());
const nendoJa = `${formatNendo(nendo, 'ja')} (${nendo}年度)`;

beforeAll(async () => {
  h = await startHarness({ children: 20 });
  // A tablet in landscape: the centre's staff work on one as often as on a desktop.
  page = await h.newPage({ viewport: { width: 1024, height: 768 } });
  await signIn(page, h.account('centre_staff'));
});

afterAll(async () => {
  await h?.close();
});

const importsTable = () => page.getByRole('region', { name: `${nendoJa}の取り込み一覧` });
const runsTable = () => page.getByRole('region', { name: `${nendoJa}の照合一覧` });

describe('census', () => {
  it('centre staff open the census from the menu, add three sources and upload three lists', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '実態把握' })
      .click();
    await waitForPage(page);
    await expectHeading(page, '実態把握');
    const nendoSelect = page.getByLabel('年度', { exact: true });
    expect(await nendoSelect.locator('option:checked').textContent()).toBe(nendoJa);
    await expectNoAxeViolations(page, 'census (empty)');

    const files = await uploads();
    for (const f of files) {
      await page.getByRole('button', { name: '提供元を追加' }).click();
      await page.locator('[name="source.name"]').fill(f.source);
      await page.locator('[name="source.sourceType"]').selectOption({ label: f.type });
      if (f.municipality)
        await page.locator('[name="source.municipalityCode"]').selectOption({ label: f.municipality });
      if (f === files[0]) await expectNoAxeViolations(page, 'census (add source)');
      await page.getByRole('button', { name: '追加する' }).click();
      await page.getByText(`提供元「${f.source}」を追加しました。`).waitFor();
    }
    const sources = page.getByRole('table', { name: '提供元の一覧' });
    for (const f of files) expect(await textOf(sources)()).toContain(f.source);

    for (const f of files) {
      await page.locator('[name="upload.sourceId"]').selectOption({ label: f.source });
      await page
        .locator('[name="upload.file"]')
        .setInputFiles({ name: f.name, mimeType: f.mimeType, buffer: f.buffer });
      await page.getByRole('button', { name: '内容を確認する' }).click();
      const columns = page.getByRole('table', { name: '読み取った列と項目の対応' });
      await columns.waitFor();
      const preview = page.getByRole('table', { name: /^先頭の\d+行/ });
      await preview.waitFor();
      if (f.name.endsWith('.xlsx')) {
        // Hand mapping: choose the address column's field explicitly and keep it for the source.
        expect(await page.getByLabel('列「児童氏名」の取り込む項目').inputValue()).toBe('name');
        await page.getByLabel('列「住所」の取り込む項目').selectOption({ label: '住所' });
        await page.getByLabel('この列の対応を提供元に保存し、次回から使う').check();
        await expectNoAxeViolations(page, 'census (preview)');
      }
      if (f.name === 'fukushi-jimusho.csv') {
        // CP932 with the NEC/IBM extension characters, and 和暦 dates read.
        const text = await textOf(preview)();
        expect(text).toContain('髙橋 悠斗');
        expect(text).toContain('山﨑 さくら');
        expect(text).toContain('平成31年（2019年）4月5日');
      }
      if (f.name === 'kyouiku-iinkai.csv') {
        // One unreadable date no longer blocks the file: the rows left out and why, as a workbook, then the others.
        await page.getByText(/問題のない 5行だけを取り込めます/).waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '取り込めない行と理由（Excel）' }).click(),
        ]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(await download.path());
        const sheet = wb.worksheets.map((ws) => ws.getSheetValues().flat().join(' ')).join('\n');
        expect(sheet).toContain('森 一花');
        expect(sheet).toContain('日付として読めません');
        await expectNoAxeViolations(page, 'census (preview with rows left out)');
        await page.getByRole('button', { name: '問題のない 5行だけ取り込む' }).click();
        await page
          .getByText(`「${f.name}」の問題のない行の取り込みを開始しました（取り込まない行 1行）。`)
          .waitFor();
        continue;
      }
      await page.getByRole('button', { name: '取り込む', exact: true }).click();
      await page.getByText(`「${f.name}」の取り込みを開始しました。`).waitFor();
    }
    expect(await textOf(sources)()).toContain('保存済み');
    h.assertClean();
  }, 120_000);

  it('shows the imports finishing, also after leaving the page and coming back', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'ホーム' })
      .click();
    await waitForPage(page);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '実態把握' })
      .click();
    await waitForPage(page);
    await importsTable().waitFor();
    await expect
      .poll(() => importsTable().getByText('取り込み済み', { exact: true }).count(), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(3);
    const text = await textOf(importsTable())();
    for (const name of ['fujisawa-hokenshi.xlsx', 'kyouiku-iinkai.csv', 'fukushi-jimusho.csv']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('取り込まなかった行 1行');
    await expectNoAxeViolations(page, 'census (imported)');
    h.assertClean();
  }, 90_000);

  it('runs the linkage and follows its progress', async () => {
    await page.getByRole('button', { name: '照合を実行' }).click();
    await runsTable().waitFor();
    await expect
      .poll(() => runsTable().getByText('照合済み', { exact: true }).count(), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(1);
    await expectNoAxeViolations(page, 'census (linked)');
    h.assertClean();
  }, 90_000);

  it('reviews the uncertain pair side by side and decides it with the keyboard', async () => {
    await runsTable()
      .getByRole('link', { name: /確認する組/ })
      .click();
    await waitForPage(page);
    await expectHeading(page, '名寄せの確認');
    runPath = new URL(page.url()).pathname.replace(/\/review$/, '');
    const pairHeading = page.getByRole('heading', { name: /組中 \d+組目/ });
    await pairHeading.waitFor();
    const none = page.getByText('確認待ちの組はありません。');
    const compare = page.getByRole('table', { name: '2つの記録の比較' });
    // Worth a clerk's time: the one uncertain pair, not the lists' obvious non-matches against the registry.
    expect(await textOf(pairHeading)()).toContain('1組中 1組目');
    // Decide every pending pair with one key each: "D" (different children) for 小林 湊 / 古林 奏, "1" (same
    // child) for any other. Each decision brings the next pair.
    let found = false;
    for (let i = 0; i < 30 && !(await none.isVisible()); i++) {
      const before = await textOf(pairHeading)();
      const text = await textOf(compare)();
      if (text.includes('小林 湊') && text.includes('古林 奏')) {
        found = true;
        expect(text).toContain('平成30年（2018年）2月14日');
        expect(text).toMatch(/fujisawa-hokenshi\.xlsx の \d+行目/);
        expect(text).toMatch(/fukushi-jimusho\.csv の \d+行目/);
        const reasons = await textOf(page.getByRole('table', { name: '点数の内訳' }))();
        expect(reasons).toContain('フリガナ');
        expect(reasons).toContain('同じ子どもである確率');
        expect(await page.getByRole('button', { name: /同じ子ども/ }).getAttribute('aria-keyshortcuts')).toBe(
          'S 1',
        );
        expect(await page.getByRole('button', { name: /別の子ども/ }).getAttribute('aria-keyshortcuts')).toBe(
          'D 2',
        );
        // Single-key shortcuts can be turned off (WCAG 2.1.4); they are on by default.
        expect(await page.getByLabel('1文字のキー（S・D・1・2）で判定する').isChecked()).toBe(true);
        await expectNoAxeViolations(page, 'census review');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'the review scrolls sideways on a tablet').toBeLessThanOrEqual(0);
        await page.keyboard.press('d');
        await page.getByText('「別の子ども」と判定しました。').waitFor();
      } else {
        await page.keyboard.press('1');
      }
      await expect
        .poll(
          async () => (await none.isVisible()) || (await textOf(pairHeading)().catch(() => '')) !== before,
        )
        .toBe(true);
    }
    expect(found, 'the pair 小林 湊 / 古林 奏 went to review').toBe(true);
    await none.waitFor();

    await page.getByRole('link', { name: '判定済み' }).click();
    const decided = page.getByRole('table', { name: '判定済み' });
    await decided.waitFor();
    const decidedText = await textOf(decided)();
    expect(decidedText).toContain('小林 湊');
    expect(decidedText).toContain('別の子ども');
    await expectNoAxeViolations(page, 'census review (decided)');
    h.assertClean();
  }, 90_000);

  it('publishes the results and downloads 藤沢市’s discrepancy workbook', async () => {
    expect(runPath).not.toBe('');
    await page.goto(runPath);
    await waitForPage(page);
    expect(await textOf(page.getByRole('heading', { level: 1 }))()).toBe(`${nendoJa} 実態把握の集計結果`);
    await page.getByRole('table', { name: '市町村別' }).waitFor();
    expect(await textOf(page.getByRole('table', { name: '市町村別' }))()).toContain('藤沢市');
    await expectNoAxeViolations(page, 'census results');

    await page.getByRole('button', { name: '集計を公開' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'census publish (confirm)');
    await dialog.getByRole('button', { name: '集計を公開' }).click();
    await page.getByText('集計を公開しました。').waitFor();
    await page.getByText('公開済みです。').waitFor();

    const link = page.getByRole('link', { name: '藤沢市の差異（.xlsx）をダウンロード' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cells: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(cell.text);
        }),
      ),
    );
    const all = cells.join('\n');
    // 鈴木 蓮 lives in 藤沢市 and is known to two other sources, but not to 藤沢市's own list.
    expect(all).toContain('鈴木 蓮');
    // 田中 結衣's birth date differs between the nurses' list and the board's.
    expect(all).toContain('田中 結衣');
    // Children of other municipalities are not sent to 藤沢市.
    expect(all).not.toContain('佐藤 陽菜');
    await expectNoAxeViolations(page, 'census results (published)');
    h.assertClean();
  }, 90_000);

  it('pushes the confirmed children to the registry and reports the outcome', async () => {
    await page.getByRole('button', { name: '台帳に反映' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '台帳に反映' }).click();
    await page.getByText(/台帳に反映しました：新規登録 \d+人/).waitFor();
    await expectNoAxeViolations(page, 'census results (pushed)');
    h.assertClean();
  });

  it('reads in English too', async () => {
    await page.goto('/census');
    await waitForPage(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('Census');
    const nendoSelect = page.getByLabel('Fiscal year', { exact: true });
    expect(await nendoSelect.locator('option:checked').textContent()).toMatch(
      new RegExp(`^FY${nendo} \\(Reiwa \\d+\\)$`),
    );
    await page.getByRole('table', { name: /^Imports of/ }).waitFor();
    const labels = await page
      .locator('main h1, main h2, main h3, main label, main button, main th[scope="col"], main p')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    // Data (source names, file names) may be Japanese; the interface may not.
    const ui = labels.filter((l) => !/藤沢市|県教育委員会|湘南福祉事務所/.test(l));
    expect(ui.filter(hasJapanese), 'Japanese UI text in English').toEqual([]);
    expect(labels).toContain('Run linkage');
    await expectNoAxeViolations(page, 'census (en)');

    await page.goto(runPath);
    await waitForPage(page);
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toMatch(/^Census results, FY\d+/);
    await page.getByRole('table', { name: 'By municipality' }).waitFor();
    await expectNoAxeViolations(page, 'census results (en)');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toContain('実態把握の集計結果');
    h.assertClean();
  });

  it('lets auditors read the census without the buttons that change it', async () => {
    const auditor = await h.newPage();
    await signIn(auditor, h.account('auditor'));
    await auditor
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '実態把握' })
      .click();
    await waitForPage(auditor);
    await auditor.getByRole('table', { name: '提供元の一覧' }).waitFor();
    expect(await auditor.getByRole('button', { name: '提供元を追加' }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: '照合を実行' }).count()).toBe(0);
    expect(await auditor.getByRole('heading', { name: '名簿の取り込み' }).count()).toBe(0);
    await auditor.goto(runPath);
    await waitForPage(auditor);
    await auditor.getByRole('table', { name: '市町村別' }).waitFor();
    expect(await auditor.getByRole('button', { name: '集計を公開' }).count()).toBe(0);
    await expectNoAxeViolations(auditor, 'census results (auditor)');
    h.assertClean();
  });

  it("gives municipal staff their own municipality's list and discrepancies, and nothing else", async () => {
    const other = await h.newPage();
    await signIn(other, h.account('municipal_staff'));
    const nav = other.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '実態把握' }).click();
    await waitForPage(other);
    expect(await textOf(other.getByRole('heading', { level: 1 }))()).toBe('自分の市町村の名簿');
    await other.getByRole('link', { name: '共通様式をダウンロード（Excel）' }).waitFor();
    await expectNoAxeViolations(other, 'census (municipal staff)');
    // The run opens on their own discrepancies: no prefecture figures, no publishing.
    await other.goto(runPath);
    await waitForPage(other);
    await other.getByRole('heading', { name: '市町村ごとの差異' }).waitFor();
    expect(await other.getByRole('table', { name: '市町村別' }).count()).toBe(0);
    expect(await other.getByRole('button', { name: '集計を公開' }).count()).toBe(0);
    h.assertClean();
  });
});
