import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('user administration and first sign-in', () => {
  it('invites a centre staff member who accepts, passes by forgot-password, enrols TOTP, signs in and chooses a notification by mail; the admin then issues a reset link', async () => {
    const admin = await h.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(admin, h.account('centre_admin'));
    await admin.goto('/admin/users');
    await waitForPage(admin);
    await admin.getByRole('button', { name: '利用者を招待' }).click();
    const form = admin.getByRole('region', { name: '利用者を招待' });
    await form.getByRole('textbox', { name: /メールアドレス/ }).fill('new.staff@example.jp');
    await form.getByRole('textbox', { name: /表示名/ }).fill('新規 職員');
    await form.getByRole('combobox', { name: /役割/ }).selectOption({ label: 'センター職員' });
    // The scope field follows the role: centre staff may be limited to one branch.
    await form.getByRole('combobox', { name: '担当支部' }).waitFor();
    await expectNoAxeViolations(admin, 'invite form');
    await form.getByRole('button', { name: '招待する' }).click();

    const link = admin.getByRole('textbox', { name: 'リンク' });
    await link.waitFor();
    const invitation = await link.inputValue();
    expect(invitation).toMatch(new RegExp(`^${h.baseUrl}/invite#token=`));
    await expectNoAxeViolations(admin, 'invitation link shown');

    // The invitee chooses a password.
    const invitee = await h.newPage();
    await invitee.goto(invitation);
    await waitForPage(invitee);
    await expectHeading(invitee, '招待の受諾');
    expect(new URL(invitee.url()).hash).toBe('');
    await expectNoAxeViolations(invitee, 'invite page');
    await invitee.getByLabel('新しいパスワード', { exact: false }).first().fill('short');
    await invitee.getByLabel('新しいパスワード（確認）').fill('short');
    await invitee.getByRole('button', { name: 'パスワードを設定' }).click();
    await expect.poll(textOf(invitee.locator('main'))).toContain('パスワードは12文字以上にしてください。');
    const password = 'a long new password 2026';
    await invitee.getByLabel('新しいパスワード', { exact: false }).first().fill(password);
    await invitee.getByLabel('新しいパスワード（確認）').fill(password);
    await invitee.getByRole('button', { name: 'パスワードを設定' }).click();
    await invitee.getByRole('status').filter({ hasText: 'パスワードを設定しました。' }).waitFor();

    // On the sign-in page, "forgot password" asks for an address, says what is missing, answers alike for any.
    await invitee.getByRole('link', { name: 'サインイン画面へ' }).click();
    await invitee.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
    await expectHeading(invitee, 'パスワードをお忘れの方');
    await invitee.getByRole('button', { name: '再設定のリンクを送る' }).click();
    await expect.poll(textOf(invitee.locator('main'))).toContain('メールアドレスを入力してください');
    await expectNoAxeViolations(invitee, 'forgot password, with an error');
    await invitee.getByRole('textbox', { name: /メールアドレス/ }).fill('new.staff@example.jp');
    await invitee.getByRole('button', { name: '再設定のリンクを送る' }).click();
    await invitee.getByRole('status').filter({ hasText: '所属の管理者に依頼してください' }).waitFor();
    await expectNoAxeViolations(invitee, 'forgot password, answered');
    await invitee.getByRole('link', { name: 'サインイン画面へ戻る' }).click();

    // First sign-in: centre staff must enrol TOTP.
    await invitee.locator('input[type="email"]').fill('new.staff@example.jp');
    await invitee.locator('input[type="password"]').fill(password);
    await invitee.getByRole('button', { name: 'サインイン' }).click();
    await invitee.getByRole('heading', { level: 1, name: '2段階認証の設定' }).waitFor();
    const secretText = invitee.getByTestId('totp-secret');
    await secretText.waitFor();
    const grouped = await textOf(secretText)();
    expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await expectNoAxeViolations(invitee, 'TOTP enrolment');
    await invitee.getByLabel(/認証コード/).fill(h.totp(grouped.replace(/ /g, '')));
    await invitee.getByRole('button', { name: '設定を完了' }).click();
    await invitee.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
    await waitForPage(invitee);
    expect(await textOf(invitee.locator('header'))()).toContain('新規 職員（センター職員）');

    // The new staff member chooses a notification by mail on the account page (kept while mail is off).
    await invitee.goto('/account');
    await waitForPage(invitee);
    const mailSettings = invitee.getByRole('region', { name: 'お知らせのメール' });
    await mailSettings
      .getByRole('combobox', { name: '相談の担当になったとき' })
      .selectOption({ label: 'すぐにメール' });
    await mailSettings.getByRole('button', { name: 'メールの設定を保存' }).click();
    await mailSettings.getByRole('status').filter({ hasText: '設定を保存しました' }).waitFor();
    await expectNoAxeViolations(invitee, 'account page, notifications by mail');

    // The administrator sees TOTP on and issues a password reset link, after confirming.
    await admin.reload();
    await waitForPage(admin);
    // The list is paged (25 a page) and searched by name or address.
    await admin.getByRole('searchbox', { name: '名前・メールアドレスで探す' }).fill('new.staff@');
    expect(await textOf(admin.getByRole('navigation', { name: 'ページ送り' }))()).toContain('1件中');
    const row = admin.getByRole('row').filter({ hasText: 'new.staff@example.jp' });
    await expect.poll(textOf(row)).toContain('設定済み');
    await row.getByRole('button', { name: 'パスワード再設定リンク: 新規 職員' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor();
    expect(await textOf(dialog)()).toContain('新規 職員 さんのパスワード再設定リンクを発行しますか？');
    await expectNoAxeViolations(admin, 'confirmation dialog');
    await dialog.getByRole('button', { name: 'パスワード再設定リンク' }).click();
    const reset = admin.getByRole('textbox', { name: 'リンク' });
    await expect.poll(() => reset.inputValue()).toMatch(new RegExp(`^${h.baseUrl}/reset-password#token=`));
    h.assertClean();
  }, 120_000);
});
