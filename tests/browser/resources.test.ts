import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import {
  expectShortagesInOrder,
  fillNewService,
  fillProviderCorrections,
  ORGANISATION,
  openGaps,
  pageHeight,
  preschoolVentilator,
  REGION,
  SERVICE,
} from './resources-steps';

/**
 * Resources (社会資源), the issue's acceptance journey: centre staff list a service in 藤沢市 (demo prefecture
 * 神奈川) and issue its provider link; the provider, without signing in, marks the ventilator as accepted and
 * confirms; the public site then finds the service for a search by that care item and municipality, with its
 * last-confirmed date; and the gap view of its region (湘南東部) counts one more service accepting the ventilator for
 * preschool children (its life-stage view), while the shortage table lists shortages only, largest first.
 * Axe runs on every page; the harness fails the test if anything leaves the origin.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 30 });
});

afterAll(async () => {
  await h?.close();
});

describe('resources', () => {
  let staff: Page;
  let regionId = '';
  let supplyBefore = 0;
  let link = '';

  it('centre staff see the directory and the gaps, list a service and issue its provider link', async () => {
    staff = await h.newPage();
    await signIn(staff, h.account('centre_staff'));
    const nav = staff.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '社会資源の一覧' }).click();
    await waitForPage(staff);
    await expectHeading(staff, '社会資源の一覧');
    // A page of twenty rows, each a few lines: the accepted care items open on demand (issue 12: 16,000 px before).
    expect(await pageHeight(staff)).toBeLessThan(4_500);
    const list = staff.getByRole('table', { name: '社会資源の一覧' });
    await list.getByRole('button', { name: '最終確認日で並べ替え' }).click();
    await expect
      .poll(() => list.getByRole('columnheader', { name: /最終確認日/ }).getAttribute('aria-sort'))
      .toBe('ascending');
    await expectNoAxeViolations(staff, 'resources list');

    // The region of 藤沢市, from the network API the screens use.
    const regions = await staff.evaluate(async () => {
      const res = await fetch('/api/network/regions', { credentials: 'same-origin' });
      return (await res.json()) as { id: string; name: string }[];
    });
    regionId = regions.find((r) => r.name === REGION)?.id ?? '';
    expect(regionId).not.toBe('');

    await nav.getByRole('link', { name: '需要と供給の分析' }).click();
    await waitForPage(staff);
    // The whole prefecture leads with its summary and the region heat map; the shortages, municipalities, life
    // stages and bottlenecks open from a line with their count (issue 12: 15,000 px before, then 4,800 px).
    await staff.getByRole('table', { name: '圏域ごとの需要（人）と供給（事業所数）' }).waitFor();
    expect(await textOf(staff.getByTestId('gaps-summary'))()).toMatch(
      /組み合わせ：\d+件.*最も大きい不足：.+の.+（\d+人）/,
    );
    expect(await pageHeight(staff)).toBeLessThan(4_000);
    await staff.getByRole('combobox', { name: '圏域' }).first().selectOption({ label: REGION });
    await expect.poll(() => staff.url()).toContain(`region=${regionId}`);
    await staff.getByRole('table', { name: '圏域ごとの需要（人）と供給（事業所数）' }).waitFor();
    supplyBefore = await preschoolVentilator(staff);
    await expectShortagesInOrder(staff);
    // A cell opens who was counted: by life stage and need, hospitals and pharmacies never among them.
    const heat = staff.locator('section[aria-labelledby="gaps-heatmap"]');
    await heat.locator('td[data-level]:not([data-level="none"]) button').first().click();
    const detail = staff.getByTestId('gap-detail');
    await detail.waitFor();
    expect(await textOf(detail)()).toContain('日中の通い先');
    expect(await textOf(detail)()).not.toMatch(/病院 \d|薬局 \d/);
    await staff.getByText('ライフステージごとに数える事業所の種類').click();
    await staff
      .getByRole('table', { name: 'ライフステージごとの対象年齢と、供給として数える事業所の種類' })
      .waitFor();
    await expectNoAxeViolations(staff, 'gaps (before)');

    // A new listing: organisation added on the way, located in 藤沢市 with coordinates.
    await staff.goto('/resources');
    await waitForPage(staff);
    await staff.getByRole('link', { name: '社会資源を登録' }).click();
    // The form is a lazily loaded chunk: the list's heading stays until it arrives.
    await staff.getByRole('heading', { level: 1, name: '社会資源の登録' }).waitFor();
    await waitForPage(staff);
    await expectHeading(staff, '社会資源の登録');
    await fillNewService(staff);
    await expectNoAxeViolations(staff, 'new service form');
    await staff.getByRole('button', { name: '登録する' }).click();
    await staff.getByRole('heading', { level: 1, name: SERVICE }).waitFor();
    await waitForPage(staff);
    expect(staff.url()).toMatch(/\/resources\/services\/[0-9a-f-]{36}$/);
    // Creating a listing counts as confirming it.
    expect(await textOf(staff.getByTestId('last-confirmed'))()).toMatch(/^最終確認日：令和/);
    await expectNoAxeViolations(staff, 'service (staff)');

    // Optimistic locking: the listing changed meanwhile in another tab → the form says so and offers a way out.
    const tab2 = await staff.context().newPage();
    await tab2.goto(staff.url());
    await waitForPage(tab2);
    await tab2.getByRole('button', { name: '変更なしとして確認' }).click();
    await tab2.getByText('確認日を更新しました。').waitFor();
    await tab2.close();
    // The listing opens as a view; its form is one click away.
    await staff.getByRole('button', { name: '編集する' }).click();
    await staff.getByRole('textbox', { name: '電話番号' }).fill('0466-11-1111');
    await staff.getByRole('button', { name: '保存する' }).click();
    const conflict = staff.getByRole('alert');
    await conflict.waitFor();
    expect(await textOf(conflict)()).toContain('ほかの人が先にこの掲載を変更しました');
    await expectNoAxeViolations(staff, 'service (conflict)');
    await staff.getByRole('button', { name: '自分の入力で上書きする' }).click();
    await staff.getByRole('button', { name: '保存する' }).click();
    await staff.getByText('保存しました。').waitFor();
    // Saved, the listing is shown as a view again, with the new number.
    await staff.getByText('0466-11-1111').waitFor();
    expect(await staff.getByRole('textbox', { name: '電話番号' }).count()).toBe(0);

    await staff.getByRole('button', { name: '事業所用の確認リンクを発行' }).click();
    const linkField = staff.getByRole('textbox', { name: /事業所用の確認リンク/ });
    await linkField.waitFor();
    link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${h.baseUrl}/public/resources/confirm#token=\\S+$`));
    await expectNoAxeViolations(staff, 'service with link');
    h.assertClean();
  }, 240_000);

  it('the provider opens the link without signing in, accepts the ventilator and confirms', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(link);
    await waitForPage(page);
    expect(await textOf(page.getByRole('heading', { level: 1 }))()).toBe(`掲載内容の確認：${SERVICE}`);
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'provider link (review)');

    await fillProviderCorrections(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the form scrolls sideways on a phone').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'provider link (edit)');
    await page.getByRole('button', { name: '修正して確認する' }).click();
    await page.getByRole('heading', { level: 1, name: 'ご協力ありがとうございました' }).waitFor();
    expect(await textOf(page.getByRole('status').first())()).toContain('修正した内容で掲載を更新しました');
    await expectNoAxeViolations(page, 'provider link (thanks)');

    // Single use: the same link now explains itself in both languages (a fresh load, not a hash change).
    await page.goto('/public/resources');
    await page.goto(link);
    await page
      .getByRole('heading', { level: 1, name: 'このリンクは使えません / This link cannot be used' })
      .waitFor();
    const alert = await textOf(page.getByRole('alert'))();
    expect(alert).toContain('有効期限が切れているか、すでに使われています');
    expect(alert).toContain('has expired or has already been used');
    await expectNoAxeViolations(page, 'provider link (used)');
    h.assertClean();
  }, 240_000);

  it('the public site finds it by care item and municipality, with its last-confirmed date', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/public/resources');
    await waitForPage(page);
    expect(await textOf(page.getByRole('heading', { level: 1 }))()).toBe(
      '医療的ケアに対応する社会資源を探す',
    );
    await expectNoAxeViolations(page, 'public search (empty)');

    await page.getByRole('textbox', { name: '市区町村または住所' }).fill('藤沢市');
    // The care items fold under a summary that counts those chosen.
    await page.getByText('必要な医療的ケアを選ぶ', { exact: true }).click();
    await page
      .getByRole('group', { name: '必要な医療的ケア' })
      .getByLabel('人工呼吸器の管理', { exact: true })
      .check();
    await page.getByRole('button', { name: '検索する' }).click();
    await expect.poll(() => page.url()).toContain('care=ventilator');
    await page.getByText('必要な医療的ケアを選ぶ（1件を選択中）').waitFor();
    expect(decodeURIComponent(page.url())).toContain('where=藤沢市');
    // The previous answer stays on show while the new one loads: wait for this search's own answer.
    await expect.poll(textOf(page.getByRole('main'))).toContain('検索した市区町村：藤沢市');
    const list = page.getByRole('region', { name: '一覧', exact: true });
    await list.getByRole('link', { name: SERVICE }).waitFor();
    const item = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: SERVICE }) });
    const confirmed = await textOf(item.getByTestId('last-confirmed'))();
    expect(confirmed).toMatch(/最終確認日：令和\d+年（\d{4}年）\d+月\d+日/);
    expect(confirmed).not.toContain('長い間確認されていません');
    expect(await textOf(item)()).toContain('受け入れ可');
    // On the map too, as a link named after the service (a group of nearby markers zooms in when pressed).
    const map = page.getByRole('region', { name: '検索結果の地図' });
    const named = new RegExp(SERVICE);
    for (let i = 0; i < 8 && (await map.getByRole('link', { name: named }).count()) === 0; i++) {
      await map.getByRole('button', { name: named }).click();
    }
    await map.getByRole('link', { name: named }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the results scroll sideways on a phone').toBeLessThanOrEqual(0);
    // The narrowest phone (320 px, WCAG 1.4.10 reflow): long words break inside the card.
    await page.setViewportSize({ width: 320, height: 640 });
    const narrow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(narrow, 'the results scroll sideways at 320 px').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'public search (results)');

    // The shared URL gives the same search in a fresh context.
    const shared = page.url();
    const other = await h.newPage();
    await other.goto(shared);
    await other
      .getByRole('region', { name: '一覧', exact: true })
      .getByRole('link', { name: SERVICE })
      .waitFor();
    expect(await other.getByRole('textbox', { name: '市区町村または住所' }).inputValue()).toBe('藤沢市');

    // Near me: the device's position (rounded to about a kilometre in the URL), nearest first with distances.
    const phone = await h.newPage({
      viewport: { width: 390, height: 844 },
      geolocation: { latitude: 35.3412, longitude: 139.4885 },
    });
    await phone.goto('/public/resources');
    await waitForPage(phone);
    await phone.getByRole('button', { name: '現在地の近くで探す' }).click();
    await expect.poll(() => decodeURIComponent(phone.url())).toContain('near=35.34,139.49');
    // The previous answer stays on show while the new one loads: wait for the near-me answer itself.
    await expect
      .poll(textOf(phone.getByRole('main')))
      .toContain('現在地から10km以内を近い順に表示しています。');
    const nearList = phone.getByRole('region', { name: '一覧', exact: true });
    await nearList.getByRole('link', { name: SERVICE }).waitFor();
    // The map marks the (rounded) position among the results.
    await phone
      .getByRole('region', { name: '検索結果の地図' })
      .getByRole('img', { name: '現在地（およそ）' })
      .waitFor();
    const nearItem = nearList
      .getByRole('listitem')
      .filter({ has: phone.getByRole('link', { name: SERVICE }) });
    expect(await textOf(nearItem.getByTestId('distance'))()).toMatch(/^約\d+(\.\d)?km$/);
    const distances = await nearList
      .getByTestId('distance')
      .evaluateAll((els) => els.map((e) => Number((e.textContent ?? '').replace(/[^\d.]/g, ''))));
    expect(distances.length).toBeGreaterThan(0);
    expect(distances.every((d) => d <= 10)).toBe(true);
    await phone.getByRole('combobox', { name: '探す範囲' }).selectOption({ label: '5km以内' });
    await expect.poll(() => phone.url()).toContain('radius=5');
    await expect.poll(textOf(phone.getByRole('main'))).toContain('現在地から5km以内');
    await expectNoAxeViolations(phone, 'public search (near me)');
    // Without the permission the page says so and offers the other ways.
    const noPermission = await h.newPage({ viewport: { width: 390, height: 844 } });
    await noPermission.goto('/public/resources');
    await waitForPage(noPermission);
    await noPermission.getByRole('button', { name: '現在地の近くで探す' }).click();
    await noPermission.getByRole('alert').filter({ hasText: '市区町村名や住所で探してください' }).waitFor();
    await expectNoAxeViolations(noPermission, 'public search (location refused)');

    // The listing's page: what it accepts per care item, how to start, last confirmed.
    await item.getByRole('link', { name: SERVICE }).click();
    await page.getByRole('heading', { level: 1, name: SERVICE }).waitFor();
    await waitForPage(page);
    const table = page.getByRole('table', { name: `${SERVICE}の医療的ケアの受け入れ` });
    expect(await textOf(table.locator('tr[data-care="ventilator"]'))()).toContain('受け入れ可');
    expect(await textOf(table.locator('tr[data-care="tracheostomy"]'))()).toContain('不明');
    expect(await textOf(page.getByRole('region', { name: '利用のしかた' }))()).toContain(
      '見学をお申し込みください',
    );
    expect(await textOf(page.getByTestId('last-confirmed'))()).toContain('看護師 山田');
    const facts = await textOf(page.getByRole('region', { name: '対象・定員・送迎・入浴' }))();
    expect(facts).toContain('福祉避難所（電源あり）');
    expect(facts).toContain('非常用発電機あり（72時間）');
    await expectNoAxeViolations(page, 'public listing');
    await page.setViewportSize({ width: 320, height: 640 });
    const listingOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(listingOverflow, 'the listing scrolls sideways at 320 px').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 390, height: 844 });

    // English, complete.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Medical care accepted' }).waitFor();
    const labels = await page
      .locator('main h2, main th, main button, main dt')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    expect(labels.filter(hasJapanese), 'Japanese UI text in English').toEqual([]);
    expect(await textOf(page.getByTestId('last-confirmed'))()).toMatch(
      /Last confirmed on \d+ \w+ \d{4} \(Reiwa \d+\)/,
    );
    await expectNoAxeViolations(page, 'public listing (en)');
    await page.getByRole('button', { name: '日本語' }).click();
    h.assertClean();
  }, 240_000);

  it('the gap view of its region counts one more service accepting the ventilator', async () => {
    await openGaps(staff, regionId);
    expect(await preschoolVentilator(staff)).toBe(supplyBefore + 1);
    await expectNoAxeViolations(staff, 'gaps (after)');

    // A coordinator's qualitative bottleneck appears beside the figures.
    await staff.getByRole('button', { name: 'ボトルネックを記録する' }).click();
    const form = staff.getByRole('form', { name: 'ボトルネックを記録する' });
    await form.getByRole('combobox', { name: /^圏域/ }).selectOption({ label: REGION });
    await form.getByRole('combobox', { name: '医療的ケア' }).selectOption('ventilator');
    await form.getByRole('combobox', { name: /^種類/ }).selectOption('no_transport');
    await form.getByRole('textbox', { name: '内容' }).fill('人工呼吸器の子の送迎ができる事業所が1か所のみ');
    await form.getByRole('button', { name: '記録する' }).click();
    const recorded = staff.getByRole('table', { name: '記録されたボトルネック' });
    await recorded.waitFor();
    expect(await textOf(recorded)()).toContain('送迎ができる事業所が1か所のみ');
    await expectNoAxeViolations(staff, 'gaps (bottleneck)');
    h.assertClean();
  }, 240_000);

  it('centre staff have the re-confirmation dashboard and the open-data import with row errors', async () => {
    const nav = staff.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '掲載内容の確認依頼' }).click();
    await waitForPage(staff);
    await expectHeading(staff, '掲載内容の確認依頼');
    await staff.getByRole('heading', { level: 2, name: '長い間確認されていない掲載' }).waitFor();
    await expectNoAxeViolations(staff, 'confirmation dashboard');

    // The year's round, with its links saved as a workbook for mail merge.
    await staff
      .getByRole('group', { name: 'リンクの受け取り方' })
      .getByLabel('Excel ファイル（.xlsx）で保存する')
      .check();
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: /の確認依頼を作成$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^resource-links-\d{4}-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const sheet = wb.worksheets[0]!;
    const serviceRow = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === SERVICE) as
      | unknown[]
      | undefined;
    expect(serviceRow?.[2]).toBe(ORGANISATION);
    expect(String(serviceRow?.[8])).toMatch(new RegExp(`^${h.baseUrl}/public/resources/confirm#token=`));
    const saved = staff.getByRole('status').filter({ hasText: 'に保存しました' });
    expect(await textOf(saved)()).toContain(`${(sheet.rowCount - 1).toLocaleString('ja-JP')}件のリンク`);
    await staff.getByRole('heading', { level: 2, name: '確認の状況' }).waitFor();
    // The listings to chase: when each link expires and when each was last confirmed; sorted by the server.
    const pending = staff.getByRole('table', { name: /まだ確認されていない掲載/ });
    await pending.getByRole('columnheader', { name: /リンクの期限/ }).waitFor();
    await pending.getByRole('button', { name: '最終確認日で並べ替え' }).click();
    await expect
      .poll(() => pending.getByRole('columnheader', { name: /最終確認日/ }).getAttribute('aria-sort'))
      .toBe('ascending');
    await pending.getByRole('button', { name: '最終確認日で並べ替え' }).click();
    await expect
      .poll(() => pending.getByRole('columnheader', { name: /最終確認日/ }).getAttribute('aria-sort'))
      .toBe('descending');
    await expectNoAxeViolations(staff, 'confirmation dashboard (round created)');

    await staff.goto('/resources/import');
    await waitForPage(staff);
    const csv = [
      '事業所番号,事業所名,サービス種別,住所,緯度,経度',
      '1410000001,つなぐ取込テスト事業所,児童発達支援,藤沢市藤沢2-2-2,35.34,139.49',
      ',番号のない事業所,児童発達支援,藤沢市藤沢3-3-3,,',
    ].join('\r\n');
    await staff.getByLabel('取り込むファイル').setInputFiles({
      name: 'opendata.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await staff.getByRole('button', { name: 'プレビューする' }).click();
    const issues = staff.getByRole('table', { name: /誤りのある行/ });
    await issues.waitFor();
    expect(await textOf(issues)()).toContain('事業所番号がありません');
    expect(await staff.getByRole('button', { name: '取り込む', exact: true }).isDisabled()).toBe(true);
    await expectNoAxeViolations(staff, 'import preview');
    h.assertClean();
  }, 240_000);
});
