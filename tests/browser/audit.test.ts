import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, signIn, startHarness, textOf, waitForPage } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A raw code as the log stores it (resource_gaps, sign_in, user_invited …). */
const SNAKE_CODE = /\b[a-z]+_[a-z_]+\b/;

describe('audit log as the centre administrator reads it', () => {
  it('names users, objects and details in the reader’s language, and filters by pickers', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, h.account('centre_admin'));
    // Open a child's record, so the log has a read of a named child.
    await page.goto('/children');
    await waitForPage(page);
    const first = page.getByRole('table', { name: '検索結果' }).getByRole('link').first();
    const childName = (await first.textContent())?.trim() ?? '';
    expect(childName).not.toBe('');
    await first.click();
    await waitForPage(page);

    await page.goto('/audit');
    await waitForPage(page);
    const table = page.getByRole('table', { name: '監査ログ' });
    await table.waitFor();
    const text = await textOf(table)();
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(SNAKE_CODE);
    expect(text).not.toContain('{"');
    expect(text).toContain('医療的ケア児の記録');
    expect(text).toMatch(/令和\d+年\d+月\d+日（[日月火水木金土]）\d\d:\d\d/);

    // Who acted: picked from the prefecture's users, not typed as an id.
    const who = page.getByRole('combobox', { name: '操作者' });
    const options = await who.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(2);
    expect(options.join('\n')).not.toMatch(UUID);
    await who.selectOption({ index: 1 });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByRole('button', { name: '条件をクリア' }).click();
    // The kind of object: a list of named kinds.
    await page.getByRole('combobox', { name: '対象の種類' }).selectOption({ label: '医療的ケア児の記録' });
    await page.getByRole('button', { name: '検索', exact: true }).click();

    // The object by its name: pressing it shows only its entries, and the filter says so by name.
    const object = table.getByRole('button', { name: `この対象の記録だけを表示：${childName}` }).first();
    await object.click();
    await expect
      .poll(() => textOf(page.getByRole('status').filter({ hasText: '対象で絞り込み中' }))())
      .toContain(childName);
    await expectNoAxeViolations(page, 'audit log filtered by an object');

    // The same screen in English: kinds, actions and details in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const en = page.getByRole('table', { name: 'Audit log' });
    await expect.poll(textOf(en)).toContain('Child record');
    expect(await textOf(en)()).not.toMatch(SNAKE_CODE);
    await expectNoAxeViolations(page, 'audit log (English)');
    h.assertClean();
  });
});
