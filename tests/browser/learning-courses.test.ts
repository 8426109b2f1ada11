import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoDateInJapan } from '../../src/shared/dates';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';
import {
  expectEntry,
  expectRequestStatus,
  fileRequest,
  requestSummary,
  takeRequestStep,
} from './learning-request-steps';
import { type JourneyMail, linkPath, startJourneyMail } from './mail-steps';

/**
 * Courses and sessions (docs/learning.md §1) end to end: centre staff create a course with its parts, a session
 * of it with a day typed in 和暦, open it, find it in the training year's list, and the public training page
 * lists it with its application open — on a phone, without signing in; a nurse signs up there and confirms her
 * address from the mailed link (mail on); the centre's administrator records a late bounce of that mail on 送信メール,
 * finds the learner's row marked on 管理 › 利用者 and clears it. A municipality's training request then walks its
 * steps (docs/learning.md §6): filed and answered by the town, taken, written down, linked to a session and closed
 * by the branch that covers the town, each step saying it saved and the page showing the new state; another,
 * recorded by the branch on the town's behalf, is declined with a reason the town then reads. axe on every page;
 * no request leaves the origin.
 */
let h: Harness;
let mail: JourneyMail;

beforeAll(async () => {
  mail = await startJourneyMail();
  h = await startHarness({ children: 10, mail: mail.settings });
});

afterAll(async () => {
  await h?.close();
  await mail?.close();
});

const COURSE = '在宅人工呼吸器の基礎研修（ブラウザテスト）';
const SESSION = '令和の第1期（ブラウザテスト）';

/** An ISO date as 和暦 the way officials type it (令和N年M月D日). */
function wareki(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `令和${y - 2018}年${m}月${d}日`;
}

describe('training courses and sessions', () => {
  const today = isoDateInJapan(new Date());
  const day = addDays(today, 40);

  it('centre staff create a course, a session with its day, and open it; the public page lists it', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));

    // The menu leads to the courses.
    await page.getByRole('link', { name: '研修コース' }).click();
    await expectHeading(page, '研修コース');
    await expectNoAxeViolations(page, 'courses list');

    await page.getByRole('link', { name: '研修コースを作成' }).click();
    await expectHeading(page, '研修コースを作成');
    await page.getByLabel('種別').selectOption('coordinator_course');
    await page.getByLabel('研修名').fill(COURSE);
    await page.getByLabel('内容').fill('人工呼吸器を使う子どもの支援の基礎。');
    await page.getByRole('button', { name: '構成を追加' }).click();
    await page.getByLabel('名称').fill('講義と演習');
    await page.getByLabel('時間（分）').fill('300');
    await expectNoAxeViolations(page, 'new course form');
    await page.getByRole('button', { name: '作成する' }).click();
    await expectHeading(page, COURSE);
    expect(await page.getByText('1. 講義と演習').count()).toBe(1);
    expect(await page.getByText('すべての日に出席、すべてのeラーニング講座を完了').count()).toBe(1);
    await expectNoAxeViolations(page, 'course page');

    await page.getByRole('link', { name: 'この研修の回を作成' }).click();
    await expectHeading(page, '研修の回を作成');
    // The course is chosen already; a day typed wrongly is named at its field.
    await page.getByLabel('回の名称').fill(SESSION);
    await page.getByLabel('定員').fill('30');
    await page.getByLabel(/^会場/).fill('県立総合療育センター 研修室\n藤沢市○○1-2-3');
    await page.getByLabel('受付開始日').fill(today);
    await page.getByLabel('締切日').fill(addDays(today, 20));
    await page.getByRole('button', { name: '日程を追加' }).click();
    await page.getByLabel(/^日付/).fill('令和8年2月30日');
    await page.getByLabel('開始時刻', { exact: true }).fill('13:00');
    await page.getByLabel('終了時刻', { exact: true }).fill('16:30');
    await page.getByLabel('構成（講義・演習日）').selectOption({ label: '1. 講義と演習' });
    await page.getByLabel('共催').fill('県医師会\n県看護協会');
    await page.getByRole('button', { name: '作成する' }).click();
    await page.getByText('日付を読み取れません', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'new session form with errors');
    await page.getByLabel(/^日付/).fill(wareki(day));
    await page.getByRole('button', { name: '作成する' }).click();
    await expectHeading(page, SESSION);
    const summary = page.getByRole('region', { name: '概要' });
    expect(await summary.getByText('準備中').count()).toBe(1);
    expect(await summary.getByText('県医師会、県看護協会').count()).toBe(1);
    await expectNoAxeViolations(page, 'session page (draft)');

    await page.getByRole('button', { name: '募集を開始' }).click();
    await page.getByRole('button', { name: '募集を開始' }).last().click();
    await page.getByRole('status').filter({ hasText: '状態を変更しました。' }).waitFor();
    await summary.getByText('募集中').waitFor();
    expect(await summary.getByText('申込受付中').count()).toBe(1);
    // The rest of the session's work is one click away.
    expect(await page.getByRole('link', { name: '申込者と選考' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '出欠', exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'session page (open)');

    await page.goto('/learning/sessions?nendo=0&mine=true');
    await expectHeading(page, '研修の回');
    const row = page.getByRole('row').filter({ hasText: SESSION });
    await row.waitFor();
    expect(await row.getByText('0人 / 定員30').count()).toBe(1);
    await expectNoAxeViolations(page, 'sessions list');

    const phone = await h.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto('/public/trainings?prefecture=14');
    await waitForPage(phone);
    await expectHeading(phone, '研修のご案内');
    const card = phone.getByRole('article', { name: SESSION });
    await card.waitFor();
    expect(await card.getByText(/受付中（締切/).count()).toBe(1);
    expect(await card.getByText('定員 30人').count()).toBe(1);
    const apply = card.getByRole('link', { name: 'この研修に申し込む' });
    expect(await apply.getAttribute('href')).toMatch(/^\/learning\/me\/apply\//);
    expect(await phone.getByRole('link', { name: '受講者登録' }).getAttribute('href')).toBe(
      '/learning/sign-up',
    );
    await expectNoAxeViolations(phone, 'public trainings');

    // A nurse signs up from there; with mail on, the mailed link confirms her address and opens the account.
    await phone.getByRole('link', { name: '受講者登録' }).click();
    await expectHeading(phone, '受講者の新規登録');
    await phone.getByLabel('氏名').fill('湘南 看子');
    await phone.getByLabel('メールアドレス').fill('kango@example.jp');
    await phone.getByLabel('パスワード').fill('Kango-password-2026');
    await phone.getByLabel('職種').selectOption({ label: '看護師（医療職）' });
    await phone.getByLabel('名称を入力する').check();
    await phone.getByLabel('勤務先の名称', { exact: true }).fill('湘南訪問看護ステーション');
    await phone.getByLabel('勤務先の市区町村').selectOption({ label: '藤沢市' });
    await phone.getByRole('button', { name: '登録を申請する' }).click();
    await phone.getByText('入力したメールアドレスに確認のメールを送りました。', { exact: false }).waitFor();
    const [confirmMail, ...more] = await mail.deliver(h);
    expect(more).toEqual([]);
    expect([confirmMail!.to, confirmMail!.subject]).toEqual([
      ['kango@example.jp'],
      '【つなぐ】受講者登録の確認',
    ]);
    const link = linkPath(confirmMail!);
    expect(link).toMatch(/^\/learning\/sign-up\/confirm#token=/);
    await phone.goto(link!);
    await expectHeading(phone, '受講者登録の完了');
    // The token leaves the address bar at once; the account is made only when she presses the button.
    await expect.poll(() => phone.url()).not.toContain('token=');
    await expectNoAxeViolations(phone, 'sign-up confirm');
    await phone.getByRole('button', { name: '登録を完了する' }).click();
    await phone.getByRole('status').filter({ hasText: '登録が完了しました。' }).waitFor();
    const signedIn = await phone.evaluate(
      async () =>
        (
          await fetch('/api/auth/sign-in', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'kango@example.jp', password: 'Kango-password-2026' }),
          })
        ).status,
    );
    expect(signedIn).toBe(200);
    h.assertClean();
  });

  it('the administrator records a late bounce of that mail, sees the address marked, and clears it', async () => {
    const admin = await h.newPage();
    await signIn(admin, h.account('centre_admin'));
    await admin.goto('/admin/mail');
    await expectHeading(admin, '送信メール');
    await admin.getByRole('button', { name: '不達として記録: kango@example.jp' }).click();
    await admin.getByLabel('不達の理由（任意）').fill('550 5.1.1 User unknown');
    await admin.getByRole('button', { name: '記録する' }).click();
    const bouncing = admin.getByRole('region', { name: '不達のアドレス', exact: true });
    await expect.poll(textOf(bouncing)).toContain('kango@example.jp');
    expect(await textOf(bouncing)()).toContain('550 5.1.1 User unknown');
    await expectNoAxeViolations(admin, 'outbox (a bouncing address)');

    await admin.goto('/admin/users');
    await expectHeading(admin, '利用者');
    await admin.getByLabel('役割で絞り込む').selectOption({ label: '受講者' });
    await admin.getByRole('searchbox', { name: '名前・メールアドレスで探す' }).fill('kango@example.jp');
    const row = admin.getByRole('row').filter({ hasText: 'kango@example.jp' });
    await expect.poll(textOf(row)).toContain('メール不達');
    await row.getByRole('button', { name: '不達を解除: 湘南 看子' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '不達を解除' }).click();
    await admin.getByRole('status').filter({ hasText: 'kango@example.jp の不達を解除しました' }).waitFor();
    await expect.poll(textOf(row)).not.toContain('メール不達');
    h.assertClean();
  });

  it("a municipality's training request walks from filing to done, each step as the side that takes it", async () => {
    const asked = '保育士向けに胃ろうからの注入と緊急時の対応を学びたい（ブラウザテスト）';
    const town = await h.newPage();
    await signIn(town, h.account('municipal_staff'));
    await fileRequest(town, {
      department: '障害福祉課',
      contact: '福祉 花子',
      askedFor: asked,
      reason: '来年度、胃ろうのある子どもが市立保育園に入園するため',
    });
    const message = (text: string) => (form: Locator) =>
      form.getByRole('textbox', { name: /^内容/ }).fill(text);
    await takeRequestStep(town, {
      action: 'やりとりを追加',
      fill: message('対象は市内の保育士20人ほどです。'),
      saved: '追加しました。',
      status: '聞き取り中',
    });
    await expectNoAxeViolations(town, 'training request (requester)');

    // The branch covering the town's region receives it: waiting for the centre, nobody handling it yet.
    const branch = await h.newPage();
    const branchStaff = h.accounts.find((a) => a.email.startsWith('branch-staff@'));
    await signIn(branch, branchStaff!);
    await branch.goto('/learning/requests');
    await expectHeading(branch, '研修の依頼');
    await branch.getByLabel('キーワード').fill('ブラウザテスト');
    await branch.getByRole('button', { name: '検索', exact: true }).click();
    const row = branch.getByRole('row').filter({ hasText: asked });
    await expect.poll(textOf(row)).toContain('センターの返信待ち');
    expect(await textOf(row)()).toContain('担当者未定');
    await row.getByRole('link', { name: asked }).click();
    await expectHeading(branch, asked);

    await takeRequestStep(branch, {
      action: '自分が担当する',
      saved: '保存しました。',
      status: '聞き取り中',
    });
    // The state stays 聞き取り中; the step has waited for the request to be read again, so the handler shows.
    expect(await textOf(requestSummary(branch))()).not.toContain('担当者未定');
    await takeRequestStep(branch, {
      action: 'やりとりを追加',
      fill: message('2月の平日午後で調整します。会場は市の研修室を使えますか。'),
      saved: '追加しました。',
      status: '聞き取り中',
    });
    await takeRequestStep(branch, {
      action: 'ニーズを記入',
      fill: (form) =>
        form
          .getByLabel('整理したニーズ')
          .fill('市内の保育士20人。胃ろうからの注入の手順と、抜けたときの対応。2月中。'),
      saved: '保存しました。',
      status: 'ニーズ整理済み',
    });
    await takeRequestStep(branch, {
      action: '研修の回を設定',
      fill: async (form) => {
        // A session the branch manages (the demo's case meeting of the branch).
        const select = form.getByLabel('研修の回', { exact: true });
        const value = await select.locator('option', { hasText: '第2回 事例検討会' }).getAttribute('value');
        await select.selectOption(value!);
      },
      saved: '保存しました。',
      status: '研修の回あり',
    });
    await requestSummary(branch)
      .getByRole('link', { name: /第2回 事例検討会/ })
      .waitFor();
    await expectNoAxeViolations(branch, 'training request (centre)');
    await takeRequestStep(branch, { action: '完了にする', saved: '保存しました。', status: '完了' });
    expect(await branch.getByRole('region', { name: '操作', exact: true }).count()).toBe(0);

    // The town sees it done, with the branch's entry in the dialogue.
    await town.reload();
    await expectHeading(town, asked);
    await expectRequestStatus(town, '完了');
    await expectEntry(town, '2月の平日午後で調整します。');
    h.assertClean();
  }, 120_000);

  it('the centre records a request for a municipality and declines it with a reason, which the town reads', async () => {
    const asked = '市の窓口職員全員に医療的ケア児の基礎を（ブラウザテスト・見送り）';
    const why = '県の研修計画で来年度に全市町村向けの回を開くため、個別の開催は見送ります。';
    const branch = await h.newPage();
    await signIn(branch, h.accounts.find((a) => a.email.startsWith('branch-staff@'))!);
    await branch.goto('/learning/requests');
    await expectHeading(branch, '研修の依頼');
    await branch.getByRole('link', { name: '依頼を登録' }).click();
    await expectHeading(branch, '研修の依頼の登録');
    await branch.getByLabel('依頼元の種類').selectOption({ label: '市町村' });
    await branch.getByRole('combobox', { name: /^市町村/ }).selectOption({ label: '藤沢市' });
    await branch.getByLabel('担当課').fill('保育課');
    await branch.getByLabel('依頼の内容').fill(asked);
    await branch
      .getByLabel('なぜこの研修を（依頼の理由）')
      .fill('電話で受けた依頼（窓口での対応に不安がある）');
    await expectNoAxeViolations(branch, 'new training request (centre, for a municipality)');
    await branch.getByRole('button', { name: '登録する' }).click();
    await expectHeading(branch, asked);
    await expectRequestStatus(branch, '受付');
    expect(await textOf(requestSummary(branch))()).toContain('藤沢市 保育課');
    await takeRequestStep(branch, {
      action: '見送る',
      fill: (form) => form.getByLabel('見送りの理由').fill(why),
      saved: '保存しました。',
      status: '見送り',
    });
    expect(await textOf(requestSummary(branch))()).toContain(why);
    expect(await branch.getByRole('region', { name: '操作', exact: true }).count()).toBe(0);

    // The town finds it among its closed requests, declined, with the centre's reason.
    const town = await h.newPage();
    await signIn(town, h.account('municipal_staff'));
    await town.goto('/learning/requests?status=closed&q=ブラウザテスト・見送り');
    await expectHeading(town, '研修の依頼');
    const row = town.getByRole('row').filter({ hasText: asked });
    await expect.poll(textOf(row)).toContain('見送り');
    await row.getByRole('link', { name: asked }).click();
    await expectHeading(town, asked);
    await expectRequestStatus(town, '見送り');
    expect(await textOf(requestSummary(town))()).toContain(`見送りの理由：${why}`);
    expect(await town.getByRole('region', { name: '操作', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(town, 'declined training request (requester)');
    h.assertClean();
  }, 60_000);
});
