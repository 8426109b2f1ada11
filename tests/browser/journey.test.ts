import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  descriptionOf,
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  isFocused,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('centre administrator journey', () => {
  it('signs in, sees the real figures on the home page, and creates a region', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    await expectHeading(page, 'ホーム');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');

    // The figure on screen is the API's figure for this user.
    const api = await page.request.get('/api/home/figures');
    expect(api.ok()).toBe(true);
    const figures = (await api.json()) as { nendo: number; children: { total: number } | null };
    expect(figures.children?.total).toBeGreaterThan(0);
    const total = figures.children!.total.toLocaleString('ja-JP');
    expect(await textOf(page.getByTestId('children-total'))()).toBe(`${total}人`);
    await page.getByText(/令和(\d+|元)年度の状況/).waitFor();
    // The figures say when they were computed (each server keeps them for a minute), in 和暦 to the minute.
    expect(await textOf(page.getByTestId('figures-as-of'))()).toMatch(
      /^令和(\d+|元)年\d+月\d+日（[日月火水木金土]）\d\d:\d\d 時点$/,
    );
    await page.getByRole('table', { name: '状態別の人数' }).waitFor();
    await expectNoAxeViolations(page, 'home');

    // Administration → regions, through the menu.
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    const regionsLink = nav.getByRole('link', { name: '圏域', exact: true });
    await regionsLink.click();
    await waitForPage(page);
    await expectHeading(page, '圏域');
    expect(await regionsLink.getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(page, 'regions list');

    await page.getByRole('button', { name: '圏域を登録' }).click();
    const form = page.getByRole('region', { name: '圏域を登録' });
    await expect.poll(isFocused(form.getByRole('heading', { name: '圏域を登録' }))).toBe(true);
    await expectNoAxeViolations(page, 'region form');

    // Saving without a name shows the error, tied to the field.
    await form.getByRole('button', { name: '保存' }).click();
    const nameInput = form.getByRole('textbox', { name: /圏域名/ });
    await expect.poll(() => nameInput.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(nameInput)()).toBe('圏域名を入力してください。');
    await expect.poll(isFocused(nameInput)).toBe(true);
    await expectNoAxeViolations(page, 'region form with an error');

    await nameInput.fill('ブラウザテスト圏域');
    const municipalityName = (
      (await form.locator('input[type=checkbox] + label').first().textContent()) ?? ''
    ).trim();
    await form.getByRole('checkbox').first().check();
    await form.getByRole('button', { name: '保存' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: '圏域「ブラウザテスト圏域」を登録しました。' })
      .waitFor();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'ブラウザテスト圏域' }) });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('1市町村');
    expect(rowText).toContain(municipalityName);
    await expectNoAxeViolations(page, 'regions after create');
    h.assertClean();
  });

  it('shows the sign-in error in the language of the screen', async () => {
    const page = await h.newPage();
    await page.goto('/signin');
    await waitForPage(page);
    await expectNoAxeViolations(page, 'sign-in');
    const account = h.account('auditor');
    await page.getByLabel('メールアドレス').fill(account.email);
    await page.getByLabel('パスワード').fill('not-the-password');
    await page.getByRole('button', { name: 'サインイン' }).click();
    const alert = page.getByRole('alert');
    await expect
      .poll(textOf(alert))
      .toBe(
        'メールアドレスまたはパスワードが正しくないか、失敗が続いたため一時的にサインインできなくなっています。',
      );
    await expectNoAxeViolations(page, 'sign-in with error');

    // The shown error follows the language switch, and a new attempt in English answers in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(textOf(alert))
      .toBe(
        'The e-mail address or password is not correct, or sign-in is paused for a while after repeated failures.',
      );
    await page.getByLabel('Password').fill('still-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(textOf(page.getByRole('alert')))
      .toBe(
        'The e-mail address or password is not correct, or sign-in is paused for a while after repeated failures.',
      );
    await expectNoAxeViolations(page, 'sign-in with error (English)');
    h.assertClean();
  });

  it('tells the second of two editors that someone else saved first, and reloads', async () => {
    const first = await h.newPage();
    const second = await h.newPage();
    for (const page of [first, second]) {
      await signIn(page, h.account('centre_admin'));
      await page.goto('/admin/regions');
      await waitForPage(page);
      await page
        .getByRole('button', { name: /^編集: / })
        .first()
        .click();
    }
    const firstForm = first.getByRole('region', { name: /を編集$/ });
    await firstForm.getByRole('textbox', { name: /備考/ }).fill('一人目の変更');
    await firstForm.getByRole('button', { name: '保存' }).click();
    await first.getByRole('status').filter({ hasText: 'を更新しました。' }).waitFor();

    const secondForm = second.getByRole('region', { name: /を編集$/ });
    await secondForm.getByRole('textbox', { name: /備考/ }).fill('二人目の変更');
    await secondForm.getByRole('button', { name: '保存' }).click();
    await expect.poll(textOf(second.getByRole('alert'))).toContain('他の人が先に更新しました');
    // The form now holds the other person's version.
    await expect
      .poll(() => secondForm.getByRole('textbox', { name: /備考/ }).inputValue())
      .toBe('一人目の変更');
    await expectNoAxeViolations(second, 'conflict');
    h.assertClean();
  });

  it('searches the audit log, offers exports and verifies the chain', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    await page.goto('/audit');
    await waitForPage(page);
    await page.getByRole('table', { name: '監査ログ' }).waitFor();
    const xlsx = await page.getByRole('link', { name: /Excel/ }).getAttribute('href');
    expect(xlsx).toBe('/api/audit/export?format=xlsx');
    await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: 'サインイン' });
    await page.getByRole('button', { name: '検索' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: /CSV/ }).getAttribute('href'))
      .toBe('/api/audit/export?format=csv&action=sign_in');
    const actions = page.getByRole('table', { name: '監査ログ' }).locator('tbody tr td:nth-child(3)');
    await expect
      .poll(async () => new Set((await actions.allTextContents()).map((s) => s.trim())))
      .toEqual(new Set(['サインイン']));
    const download = await page.request.get(
      (await page.getByRole('link', { name: /CSV/ }).getAttribute('href'))!,
    );
    expect(download.status()).toBe(200);
    await page.getByRole('button', { name: '改ざんがないか検証' }).click();
    await expect
      .poll(textOf(page.getByRole('status').filter({ hasText: '改ざん' })))
      .toMatch(
        /改ざんは見つかりませんでした（記録 \d+件、チェックポイント \d+件を検証）。最新のチェックポイント: /,
      );
    await expectNoAxeViolations(page, 'audit');

    // A database owner deletes the newest entries behind the triggers' back: the signed checkpoint shows it.
    await h.db.systemDb.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await h.db.systemDb.execute(sql`DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)`);
    await h.db.systemDb.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    await page.getByRole('button', { name: '改ざんがないか検証' }).click();
    await expect
      .poll(textOf(page.getByRole('alert')))
      .toMatch(
        /最新の記録が削除されています。.* のチェックポイントは \d+件目までを保証していますが、記録は \d+件で終わっています。/,
      );
    await expectNoAxeViolations(page, 'audit with a cut tail');
    h.assertClean();
  });
});
