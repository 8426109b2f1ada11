import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_RE } from '../../src/modules/registrations/receipt';
import { makeUser, TEST_PASSWORD } from '../../src/test/factories';
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
 * Registration (KA-2) end to end: a family registers on a phone and gets a receipt; centre staff accept it
 * from the review queue; the municipality of residence then sees the child, another municipality does not;
 * a move hands the record over to the new municipality.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 20 });
});

afterAll(async () => {
  await h?.close();
});

const field = (name: string) => `[name="${name}"]`;

describe('registration', () => {
  let childUrl = '';
  let otherAccount: Parameters<typeof signIn>[1] | null = null;
  let receiptNo = '';

  it('a family registers a child on a phone, step by step, and gets a receipt number', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/public/register');
    await waitForPage(page);
    await expectHeading(page, '医療的ケア児の登録');
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    // The honeypot is neither seen by people nor by screen readers, nor reached with the Tab key.
    expect(await page.getByRole('textbox', { name: 'Website' }).count()).toBe(0);
    expect(await page.locator('#register-website').getAttribute('tabindex')).toBe('-1');
    // Four steps, the current one marked; each step is headed "ステップ n / 4 …".
    const steps = page.getByRole('list', { name: '登録の手順' });
    expect(await steps.getByRole('listitem').count()).toBe(4);
    const current = textOf(steps.locator('[aria-current="step"]'));
    const onStep = async (n: number, name: string) => {
      await page.getByRole('heading', { level: 2, name: `ステップ ${n} / 4 ${name}` }).waitFor();
      expect(await current()).toContain(name);
      // Focus on the step's heading, at the top of the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    };
    const next = () => page.getByRole('button', { name: '次へ' }).click();
    expect(await current()).toContain('お子さんについて');
    await expectNoAxeViolations(page, 'register step 1 (empty)');
    // In English too: labels, care items and device kinds come in the chosen language.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(textOf(page.getByRole('heading', { level: 1 })))
      .toBe('Register a child with medical care needs');
    const labels = await page
      .locator('main label, main legend, main h2, main h3, main li, main button')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    expect(labels.filter(hasJapanese), 'Japanese UI text in English').toEqual([]);
    await expectNoAxeViolations(page, 'register (en)');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('医療的ケア児の登録');

    // 次へ on an empty first step is refused: an alert lists this step's problems only and takes focus.
    await next();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const problems = await textOf(alert)();
    expect(problems).toContain('入力内容を確認してください（8件）');
    expect(problems).not.toContain('保護者');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await current()).toContain('お子さんについて');
    await expectNoAxeViolations(page, 'register (errors)');
    // Each problem is a button to its field.
    await alert.getByRole('button', { name: /姓（ふりがな）/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('child.familyKana');

    await page.locator(field('child.familyName')).fill('髙橋');
    await page.locator(field('child.givenName')).fill('悠斗');
    await page.locator(field('child.familyKana')).fill('たかはし');
    await page.locator(field('child.givenKana')).fill('ゆうと');
    await page.locator(field('child.birthDate')).fill('令和6年4月5日');
    await expect
      .poll(() => page.getByText('と読み取りました').textContent())
      .toContain('令和6年（2024年）4月5日');
    await page.locator(field('child.sex')).selectOption('male');
    await page.locator(field('child.municipalityCode')).selectOption({ label: '藤沢市' });
    await page.locator(field('child.address')).fill('藤沢1-2-3');
    await page.locator(field('child.diagnoses.0.name')).fill('脳性麻痺');
    // A code the browser lets through and the server refuses (checked below, on sending).
    await page.locator(field('child.diagnoses.0.icd10')).fill('G80-9');
    // Fixed, the alert goes.
    await expect.poll(() => alert.count()).toBe(0);
    await next();

    await onStep(2, '医療的ケア');
    await page.getByLabel('気管切開の管理', { exact: true }).check();
    await page.getByLabel('見守りの程度：気管切開の管理').selectOption('high');
    await page.getByRole('button', { name: '機器を追加' }).click();
    await page.locator(field('child.devices.0.kind')).selectOption({ label: '吸引器' });
    await page.getByLabel('コンセントの電源が必要').check();
    await page.locator(field('child.devices.0.batteryHours')).fill('2');
    await page.getByLabel('家族構成や、主に介護している人、住まいのことなど').fill('両親と3人暮らし');
    await expectNoAxeViolations(page, 'register step 2');
    await next();

    await onStep(3, '保護者と送信する人');
    // Back and forth loses nothing.
    await page.getByRole('button', { name: '戻る' }).click();
    await onStep(2, '医療的ケア');
    expect(await page.locator(field('child.devices.0.batteryHours')).inputValue()).toBe('2');
    expect(await page.getByLabel('気管切開の管理', { exact: true }).isChecked()).toBe(true);
    await next();
    await onStep(3, '保護者と送信する人');
    await page.locator(field('guardians.0.familyName')).fill('髙橋');
    await page.locator(field('guardians.0.givenName')).fill('美咲');
    await page.locator(field('guardians.0.relationship')).fill('母');
    await page.locator(field('guardians.0.phone')).fill('090-1234-5678');
    await expectNoAxeViolations(page, 'register step 3');
    await next();

    // The last step sums up what was entered, each step with a button back to it.
    await onStep(4, '同意と送信');
    const review = page.getByRole('region', { name: '入力内容の確認' });
    const summary = await textOf(review)();
    for (const part of [
      '髙橋 悠斗（たかはし ゆうと）',
      '令和6年（2024年）4月5日',
      '藤沢市 藤沢1-2-3',
      '脳性麻痺',
      '気管切開の管理',
      '吸引器（電源必要、バッテリー 2 時間）',
      '両親と3人暮らし',
      '髙橋 美咲（母） 090-1234-5678',
    ]) {
      expect(summary).toContain(part);
    }
    // 修正する returns to its step with the answers kept.
    await review.getByRole('button', { name: /^修正する\s*（医療的ケア）$/ }).click();
    await onStep(2, '医療的ケア');
    expect(await page.locator(field('child.devices.0.batteryHours')).inputValue()).toBe('2');
    await next();
    await onStep(3, '保護者と送信する人');
    await next();
    await onStep(4, '同意と送信');
    await page.getByLabel('お住まいの市区町村と情報を共有すること').check();
    await page.getByLabel('災害時の支援の計画に使うこと').check();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the form scrolls sideways on a phone').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'register step 4');

    // The server refuses the ICD-10 code: back to the first step, with the alert there.
    await page.getByRole('button', { name: '送信する', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'ステップ 1 / 4 お子さんについて' }).waitFor();
    await alert.waitFor();
    expect(await textOf(alert)()).toContain('G80.9 のように');
    await page.locator(field('child.diagnoses.0.icd10')).fill('G80.9');
    await next();
    await onStep(2, '医療的ケア');
    await next();
    await onStep(3, '保護者と送信する人');
    await next();
    await onStep(4, '同意と送信');
    expect(await page.getByLabel('災害時の支援の計画に使うこと').isChecked()).toBe(true);

    await page.getByRole('button', { name: '送信する', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '受け付けました' }).waitFor();
    const receipt = await page.getByLabel('受付番号').inputValue();
    expect(receipt).toMatch(RECEIPT_RE);
    receiptNo = receipt;
    expect(await textOf(page.getByRole('region', { name: 'このあとの流れ' }))()).toContain('市区町村');
    await expectNoAxeViolations(page, 'register (receipt)');
    h.assertClean();
  });

  it('centre staff find it in the review queue and accept it as a new record', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_staff'));
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '登録審査' }).click();
    await waitForPage(page);
    await expectHeading(page, '登録審査');
    const table = page.getByRole('table', { name: '申し込みの一覧' });
    await table.waitFor();
    // The row tells the reviewer what to choose by: kanji and kana, who sent it, whether a record may exist.
    const row = table.getByRole('row').filter({ hasText: receiptNo });
    const rowText = await textOf(row)();
    for (const part of ['髙橋 悠斗', 'タカハシ ユウト', '家族', '審査待ち']) expect(rowText).toContain(part);
    expect(rowText).toMatch(/候補なし|一致度 \d+ \/ 100/);
    // Sorting by a column is the server's, and says so on the header.
    await table.getByRole('button', { name: 'ふりがなで並べ替え' }).click();
    await expect.poll(() => page.url()).toContain('sort=kana');
    await expect
      .poll(() => table.getByRole('columnheader', { name: /ふりがな/ }).getAttribute('aria-sort'))
      .toBe('ascending');
    await expectNoAxeViolations(page, 'review queue');

    await row.getByRole('link').click();
    await waitForPage(page);
    await page.getByRole('heading', { name: '既存の記録の候補' }).waitFor();
    expect(await textOf(page.getByRole('region', { name: 'お子さんについて' }))()).toContain('髙橋 悠斗');
    await expectNoAxeViolations(page, 'review detail');

    await page.getByRole('button', { name: '新規登録として受理' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'review confirm');
    await dialog.getByRole('button', { name: '新規登録として受理' }).click();
    await page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('髙橋 悠斗');
    childUrl = new URL(page.url()).pathname;
    h.assertClean();
  });

  it('the municipality of residence sees the child; another municipality does not', async () => {
    expect(childUrl).not.toBe('');
    const own = await h.newPage();
    await signIn(own, h.account('municipal_staff'));
    await own.goto('/children?q=タカハシ');
    await waitForPage(own);
    const results = own.getByRole('table', { name: '検索結果' });
    await results.waitFor();
    expect(await textOf(results)()).toContain('髙橋 悠斗');
    await expectNoAxeViolations(own, 'children (municipality of residence)');
    await own.goto(childUrl);
    await waitForPage(own);
    await expectHeading(own, '髙橋 悠斗');

    const otherUser = await makeUser(h.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142077',
    });
    const other = await h.newPage();
    await signIn(other, {
      role: 'municipal_staff',
      label: '',
      email: otherUser.email,
      password: TEST_PASSWORD,
    });
    await other.goto(childUrl);
    await waitForPage(other);
    await expectHeading(other, 'ページが見つかりません');
    expect(await other.content()).not.toContain('髙橋 悠斗');
    await expectNoAxeViolations(other, 'child (other municipality)');
    otherAccount = { role: 'municipal_staff', label: '', email: otherUser.email, password: TEST_PASSWORD };
    h.assertClean();
  });

  it('a move to 茅ヶ崎市 hands the record over: the new municipality sees it, the old one only its history', async () => {
    expect(otherAccount).not.toBeNull();
    const staff = await h.newPage();
    await signIn(staff, h.account('centre_staff'));
    await staff.goto(childUrl);
    await waitForPage(staff);
    await staff.getByRole('heading', { level: 2, name: '基本情報' }).waitFor();
    await staff.getByRole('button', { name: '転居を登録' }).click();
    const move = staff.getByRole('region', { name: '転居を登録' });
    await move.locator('[data-field="municipalityCode"]').selectOption({ label: '茅ヶ崎市' });
    await move.getByRole('button', { name: '転居を登録' }).click();
    await staff.getByRole('status').filter({ hasText: '茅ヶ崎市 への転居を登録しました。' }).waitFor();

    // The new municipality now opens the record and finds it in its list.
    const newer = await h.newPage();
    await signIn(newer, otherAccount!);
    await newer.goto(childUrl);
    await waitForPage(newer);
    await expectHeading(newer, '髙橋 悠斗');
    await newer.goto('/children?q=タカハシ');
    await waitForPage(newer);
    await newer.getByRole('table', { name: '検索結果' }).getByRole('link', { name: '髙橋 悠斗' }).waitFor();
    await expectNoAxeViolations(newer, 'children (new municipality)');

    // The old municipality keeps a read-only view of the history up to the move, and no longer lists it.
    const older = await h.newPage();
    await signIn(older, h.account('municipal_staff'));
    await older.goto(childUrl);
    await waitForPage(older);
    await older.getByRole('note').filter({ hasText: '以前の居住地としての閲覧です' }).waitFor();
    await expectNoAxeViolations(older, 'child (former municipality)');
    const list = (await (await older.request.get('/api/children?q=タカハシ')).json()) as {
      items: { familyName: string; givenName: string }[];
    };
    expect(list.items.some((c) => c.familyName === '髙橋' && c.givenName === '悠斗')).toBe(false);
    h.assertClean();
  });
});
