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
 * changes); a file with a wrong status is refused row by row and cannot be imported. Axe on each state.
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
      .poll(() => page.getByRole('status').textContent())
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
});
