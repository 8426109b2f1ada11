import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  waitForPage,
} from './harness';

/**
 * Resources import screen, HSDS: prefecture-wide centre staff take the directory's own HSDS export, choose
 * HSDS on the import screen, preview it (every listing unchanged: matched by id) and import it (nothing
 * changes); a file with a wrong status is refused row by row and cannot be imported. The place names of the
 * public search: a stations file in Shift_JIS previewed (what it would add) and imported. Axe on each state.
 */
let h: Harness;
let page: Page;
let exported = '';

beforeAll(async () => {
  h = await startHarness({ children: 10 });
  page = await h.newPage();
  await signIn(page, h.account('centre_staff'));
  exported = await page.evaluate(async () => {
    const res = await fetch('/api/resources/export.json', { credentials: 'same-origin' });
    return res.text();
  });
});

afterAll(async () => {
  await h?.close();
});

async function choose(name: string, text: string) {
  await page.getByRole('radio', { name: 'HSDS 3.0（JSON）' }).check();
  await page
    .getByLabel('取り込むファイル')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'プレビューする' }).click();
}

describe('resources import (HSDS)', () => {
  it('previews and imports the directory’s own export: every listing is matched and unchanged', async () => {
    const count = (JSON.parse(exported) as { services: unknown[] }).services.length;
    expect(count).toBeGreaterThan(100);
    await page.goto('/resources/import');
    await waitForPage(page);
    await expectHeading(page, '社会資源データの取り込み');
    await expectNoAxeViolations(page, 'import');
    await choose('resources.json', exported);
    await page.getByRole('table', { name: '読み取った表' }).waitFor();
    await expect
      .poll(() => page.getByText(/取り込むサービス（全\d+件/).textContent())
      .toContain(`全${count}件`);
    await expectNoAxeViolations(page, 'import preview (HSDS)');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`新規 0件、更新 0件、変更なし ${count.toLocaleString('ja-JP')}件`);
    h.assertClean();
  });

  it('refuses a file with a misspelt status, naming the table, row and problem', async () => {
    const doc = JSON.parse(exported);
    doc.services[0].status = 'temporarily_closed';
    await page.goto('/resources/import');
    await waitForPage(page);
    await choose('broken.json', JSON.stringify(doc));
    const issues = page.getByRole('table', { name: '誤りのある行（1件）' });
    await issues.waitFor();
    expect(await issues.textContent()).toContain('services.status');
    await expect
      .poll(() => page.getByRole('button', { name: '取り込む', exact: true }).isDisabled())
      .toBe(true);
    await expectNoAxeViolations(page, 'import preview with issues (HSDS)');
    h.assertClean();
  });

  it('imports a file of station names for the public search, after a preview of what it would add', async () => {
    await page.goto('/resources/import');
    await waitForPage(page);
    const section = page.getByRole('region', { name: /検索用の地名/ });
    const station = section.getByRole('row', { name: /^駅/ });
    const before = Number((await station.getByRole('cell').nth(2).textContent())?.replace(/,/g, ''));
    const csv =
      '名称,よみ,種別,市区町村コード,緯度,経度\r\n善行駅,ぜんぎょうえき,駅,142051,35.3583,139.4641\r\n';
    await section
      .getByLabel('取り込む地名ファイル')
      .setInputFiles({ name: 'stations.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp932') });
    await section.getByRole('button', { name: '内容を確認する' }).click();
    await expect
      .poll(() => section.getByText(/取り込むと：/).textContent())
      .toBe('取り込むと：追加 1件、更新 0件、変更なし 0件');
    expect(await section.getByText('stations.csv（Shift_JIS（CP932））・1行').count()).toBe(1);
    await expectNoAxeViolations(page, 'places preview');
    await section.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toBe('取り込みました：追加 1件、更新 0件、変更なし 0件');
    await expect
      .poll(async () => Number((await station.getByRole('cell').nth(2).textContent())?.replace(/,/g, '')))
      .toBe(before + 1);
    h.assertClean();
  });
});
