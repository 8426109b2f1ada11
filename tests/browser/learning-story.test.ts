import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/test/pdf-text';
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
  type Api,
  apiSignIn,
  applyWithProfile,
  createStoryCourse,
  pageApi,
  STORY,
} from './learning-story-steps';

/**
 * A learner's whole story through the learning module (docs/learning.md), on the real screens: a nurse signs up
 * on the public pages, the centre confirms the sign-up, she applies to a capped session from the public
 * catalogue; centre staff run the balanced selection — the region with both a medical and a welfare applicant
 * gets one of each, so she waits — and give her a seat with a written reason; she watches the lesson through the
 * real <video> element (at 2×, which the server's real-time rule allows), fails the quiz, then passes it; staff
 * tick her present and issue her certificate; she downloads it (a PDF carrying its serial) and the serial checks
 * on the public page. Set-up the story does not prove (the course, its lesson video and quiz, two demo learners'
 * applications) goes through the API. axe on every page; no request leaves the origin.
 *
 * Runs on both engines (vitest.config.ts BOTH_ENGINE_JOURNEYS).
 */
let h: Harness;
let staff: Page;
let staffApi: Api;
let learner: Page;
let sessionId: string;
let serial: string;

const NURSE = {
  name: '葉山 ひかり',
  email: 'h.hayama@story.learner.example',
  password: 'Story-password-2026',
  municipality: '鎌倉市', // 横須賀・三浦: no other applicant there
  workplace: '鎌倉こども訪問看護ステーション',
};

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('a learner from sign-up to a checked certificate', () => {
  it('centre staff prepare a capped session whose course has a lesson and a day', async () => {
    staff = await h.newPage();
    await signIn(staff, h.account('centre_staff'));
    staffApi = pageApi(staff);
    const course = await createStoryCourse(staffApi);
    sessionId = course.sessionId;
    // The uploaded video is attached to the lesson on the course's e-learning page. Saving remounts the lesson's
    // form (it is keyed on what is attached): the message still says it was saved, and the form shows the video.
    await staff.goto(`/learning/elearning/${course.courseId}`);
    const lesson = staff.getByRole('region', { name: STORY.lessonTitle });
    await lesson.getByLabel('動画').selectOption(course.videoId);
    await lesson.getByRole('button', { name: '講義の教材を保存する' }).click();
    await lesson.getByRole('status').filter({ hasText: '講義の教材を保存しました。' }).waitFor();
    expect(await lesson.getByLabel('動画').inputValue()).toBe(course.videoId);
    // Two demo learners of 湘南東部 apply as well: a nurse (medical) and a teacher (welfare).
    for (const a of h.accounts.filter((x) => x.role === 'learner').slice(0, 2)) {
      const other = await h.newPage();
      await applyWithProfile(await apiSignIn(other, a.email, a.password), sessionId);
      await other.context().close();
    }
  }, 120_000);

  it('a nurse signs up on the public pages and the centre confirms her', async () => {
    learner = await h.newPage({ viewport: { width: 390, height: 844 } });
    await learner.goto('/public/trainings');
    await expectHeading(learner, '研修のご案内');
    await learner.getByRole('article', { name: STORY.sessionTitle }).waitFor();
    await expectNoAxeViolations(learner, 'public catalogue');
    await learner.getByRole('link', { name: '受講者登録' }).click();
    await expectHeading(learner, '受講者の新規登録');
    await learner.getByLabel('氏名').fill(NURSE.name);
    await learner.getByLabel('メールアドレス').fill(NURSE.email);
    await learner.getByLabel('パスワード').fill(NURSE.password);
    await learner.getByLabel('職種').selectOption({ label: '看護師（医療職）' });
    await learner.getByLabel('名称を入力する').check();
    await learner.getByLabel('勤務先の名称', { exact: true }).fill(NURSE.workplace);
    await learner.getByLabel('勤務先の市区町村').selectOption({ label: NURSE.municipality });
    await expectNoAxeViolations(learner, 'sign-up form');
    await learner.getByRole('button', { name: '登録を申請する' }).click();
    await learner.getByText('登録の申請を受け付けました。').waitFor();
    await expectNoAxeViolations(learner, 'sign-up receipt');
    // Until the centre confirms it, the sign-up is no account: signing in answers as for an unknown address.
    const early = await learner.evaluate(
      async ({ email, password }) =>
        (
          await fetch('/api/auth/sign-in', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password }),
          })
        ).status,
      NURSE,
    );
    expect(early).toBe(401);

    await staff.goto('/learning/learners');
    await expectHeading(staff, '受講者アカウント');
    await expectNoAxeViolations(staff, 'sign-up queue');
    await staff.getByRole('button', { name: `${NURSE.name}さんの登録を承認` }).click();
    await staff.getByText(`${NURSE.name}さんの登録を承認しました。`).waitFor();
    h.assertClean();
  }, 120_000);

  it('she applies from the public catalogue, signing in on the way', async () => {
    await learner.goto('/public/trainings');
    await expectHeading(learner, '研修のご案内');
    const card = learner.getByRole('article', { name: STORY.sessionTitle });
    await card.getByRole('link', { name: 'この研修に申し込む' }).click();
    await learner.locator('input[type="email"]').waitFor();
    await expectNoAxeViolations(learner, 'sign-in on the way');
    await learner.locator('input[type="email"]').fill(NURSE.email);
    await learner.locator('input[type="password"]').fill(NURSE.password);
    await learner.locator('form button[type="submit"]').click();
    await expectHeading(learner, '研修の申し込み');
    // The form starts from the profile she gave at sign-up.
    expect(await learner.getByLabel('勤務先', { exact: true }).inputValue()).toBe(NURSE.workplace);
    await expectNoAxeViolations(learner, 'apply form');
    await learner.getByRole('button', { name: '申し込む', exact: true }).click();
    await learner.getByText('申し込みを受け付けました。').waitFor();
    h.assertClean();
  }, 120_000);

  it('centre staff run the balanced selection and give her a seat with a reason', async () => {
    await staff.goto(`/learning/sessions/${sessionId}/applicants`);
    await expectHeading(staff, `申込者と選考：${STORY.sessionTitle}`);
    await staff.getByRole('button', { name: '選考を実行（定員2人・申込者3人）' }).click();
    await staff.getByText('選考しました。').waitFor();
    expect(await staff.getByTestId('selection-check').textContent()).toContain('同じ結果になります');
    await expectNoAxeViolations(staff, 'selection result');

    // 湘南東部 has a medical and a welfare applicant: its guarantee takes both seats, so the nurse waits.
    const rows = staff.getByTestId('applicant-row');
    const mine = rows.filter({ hasText: NURSE.email });
    await expect.poll(textOf(mine)).toContain('補欠（抽選順）');
    expect(await rows.filter({ hasText: '地域の医療職枠' }).count()).toBe(1);
    expect(await rows.filter({ hasText: '地域の福祉職等枠' }).count()).toBe(1);

    await mine.getByRole('button', { name: `席を与える: ${NURSE.name}` }).click();
    const dialog = staff.getByRole('dialog', { name: `${NURSE.name}さんに席を与える` });
    await dialog.getByLabel('理由').fill('横須賀・三浦圏域から受講者がいないため');
    await expectNoAxeViolations(staff, 'seat dialog');
    await dialog.getByRole('button', { name: '席を与える' }).click();
    await staff.getByText(`${NURSE.name}さんに席を与えました。`).waitFor();
    await expect.poll(textOf(mine)).toContain('職員の判断で受講決定');
    expect(await mine.textContent()).toContain('横須賀・三浦圏域から受講者がいないため');

    await staff.getByRole('button', { name: '選考結果を申込者に通知' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: '選考結果を申込者に通知' }).click();
    await staff.getByText('選考結果を通知しました。').waitFor();

    await learner.goto('/learning/me/applications');
    await expectHeading(learner, '申し込みの状況');
    const app = learner.getByTestId('my-application').filter({ hasText: STORY.sessionTitle });
    await expect.poll(textOf(app)).toContain('受講決定');
    await expectNoAxeViolations(learner, 'my applications');
    h.assertClean();
  }, 120_000);

  it('she watches the lesson in the real player, fails the quiz, then passes it', async () => {
    await learner.goto('/learning/me');
    await waitForPage(learner);
    await expectNoAxeViolations(learner, 'my learning');
    await learner.getByRole('link', { name: `次の講義：${STORY.lessonTitle}` }).click();
    await expectHeading(learner, STORY.lessonTitle);
    await expectNoAxeViolations(learner, 'lesson');
    await learner.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    await learner.getByLabel('再生速度').selectOption('2');
    await learner.locator('video').evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      const ended = new Promise((r) => v.addEventListener('ended', r, { once: true }));
      await v.play();
      await ended;
    });
    await learner.getByText('視聴 100% — 視聴完了').waitFor({ timeout: 45_000 });

    await learner.getByRole('link', { name: '確認テストを受ける' }).click();
    await expectHeading(learner, `確認テスト：${STORY.lessonTitle}`);
    await learner.getByRole('button', { name: '開始する' }).click();
    const [first, second] = STORY.questions;
    await learner.getByLabel(first.right, { exact: true }).check();
    await learner.getByLabel(second.wrong, { exact: true }).check();
    await expectNoAxeViolations(learner, 'quiz');
    await learner.getByRole('button', { name: '解答を提出する' }).click();
    await learner.getByText('不合格です').waitFor();
    await learner.getByText('得点 50%').waitFor();
    await expectNoAxeViolations(learner, 'quiz failed');

    await learner.getByRole('button', { name: 'もう一度受験する' }).click();
    await learner.getByLabel(first.right, { exact: true }).check();
    await learner.getByLabel(second.right, { exact: true }).check();
    await learner.getByRole('button', { name: '解答を提出する' }).click();
    await learner.getByText('合格です').waitFor();
    await learner.getByText('得点 100%').waitFor();
    await expectNoAxeViolations(learner, 'quiz passed');
    await learner.getByRole('link', { name: '講義へ戻る' }).click();
    await expectHeading(learner, STORY.lessonTitle);
    await learner.getByText('この講義は修了しました。').waitFor();
    h.assertClean();
  }, 120_000);

  it('staff tick her present and issue her certificate', async () => {
    await staff.goto(`/learning/sessions/${sessionId}/attendance`);
    await expectHeading(staff, `出欠：${STORY.sessionTitle}`);
    await expectNoAxeViolations(staff, 'attendance');
    const present = staff.getByRole('group', { name: NURSE.name }).getByRole('button', { name: '出席' });
    await present.click();
    await expect.poll(() => present.getAttribute('aria-pressed')).toBe('true');
    await staff.getByText('出席 1 名／欠席 0 名／未記録 2 名').waitFor();

    await staff.getByRole('link', { name: '修了判定・修了証へ' }).click();
    await expectHeading(staff, `修了判定・修了証：${STORY.sessionTitle}`);
    const row = staff.getByRole('row').filter({ hasText: NURSE.name });
    await expect.poll(textOf(row)).toContain('修了（');
    await expectNoAxeViolations(staff, 'completions');
    await row.getByRole('button', { name: '発行' }).click();
    await staff.getByText('1 名に修了証を発行しました。').waitFor();
    serial = (await row.locator('.font-mono').textContent())!.trim();
    expect(serial).toMatch(/^\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    h.assertClean();
  }, 120_000);

  it('she downloads the certificate and its serial checks on the public page', async () => {
    await learner.goto('/learning/me/completions');
    await expectHeading(learner, '修了記録');
    const row = learner.getByRole('row').filter({ hasText: serial });
    await row.waitFor();
    await expectNoAxeViolations(learner, 'my completions');
    // The link opens the PDF in a new tab. The browser's viewer keeps the bytes to itself, so they are read
    // again in the same session, as saving the file would.
    const link = row.getByRole('link', { name: '修了証（PDF）' });
    const href = (await link.getAttribute('href'))!;
    const [res, tab] = await Promise.all([
      learner.context().waitForEvent('response', (r) => r.url().endsWith(href)),
      learner.waitForEvent('popup'),
      link.click(),
    ]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toContain(`certificate-${serial}.pdf`);
    await tab.close();
    const saved = await learner.context().request.get(href);
    expect(saved.status()).toBe(200);
    const bytes = await saved.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getSubject()).toContain(serial);
    // What the page shows, read as a PDF reader copies it.
    const printed = extractText(pdf).join('\n');
    expect(printed).toContain(serial);
    expect(printed).toContain(NURSE.name);
    expect(printed).toContain(STORY.courseTitle);

    const visitor = await h.newPage();
    await visitor.goto('/public/trainings');
    await expectHeading(visitor, '研修のご案内');
    await visitor.getByRole('link', { name: '修了証の確認' }).click();
    await expectHeading(visitor, '修了証の確認');
    await visitor.getByLabel('修了証番号').fill(serial.toLowerCase().replaceAll('-', ' '));
    await visitor.getByRole('button', { name: '確認する' }).click();
    await visitor.getByText('この修了証は有効です。').waitFor();
    const facts = await visitor.locator('dl').textContent();
    expect(facts).toContain(serial);
    expect(facts).toContain(NURSE.name);
    expect(facts).toContain(STORY.courseTitle);
    expect(facts).not.toContain(NURSE.workplace);
    await expectNoAxeViolations(visitor, 'certificate check');
    h.assertClean();
  }, 120_000);
});
