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
 * Applications and the balanced selection (docs/learning.md §3) on the demo coordinator course: centre staff
 * reach the applicants from the session's page, run the selection and see its seed, the re-run check and the
 * explanation per region, give a waiting applicant a seat with a written reason, and announce; the demo
 * learner, who applied, then sees the announced result instead of 申込済み. axe on each page.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('applications and selection', () => {
  it('centre staff run the selection, override one seat and announce; the learner sees the result', async () => {
    const learner = await h.newPage();
    await signIn(learner, h.account('learner'));
    await learner.goto('/learning/me/applications');
    await expectHeading(learner, '申し込みの状況');
    const mine = learner.getByTestId('my-application').filter({ hasText: '養成研修（定員40名・選考あり）' });
    await expect.poll(() => mine.textContent()).toContain('申込済み');
    await expectNoAxeViolations(learner, 'my applications');

    const page = await h.newPage();
    await signIn(page, h.account('centre_staff'));
    await waitForPage(page);
    const sessionId = await page.evaluate(async () => {
      const res = await fetch('/api/learning/sessions?kind=coordinator_course&status=open');
      const body = (await res.json()) as { items: { id: string; title: string }[] };
      return body.items.find((s) => s.title === '養成研修（定員40名・選考あり）')!.id;
    });
    await page.goto(`/learning/sessions/${sessionId}`);
    await waitForPage(page);
    await page.getByRole('link', { name: '申込者と選考' }).click();
    await expectHeading(page, '申込者と選考：養成研修（定員40名・選考あり）');
    await page.getByText('まだ選考していません。').waitFor();
    await expectNoAxeViolations(page, 'applicants before the run');

    await page.getByRole('button', { name: /^選考を実行（定員40人・申込者\d+人）$/ }).click();
    await page.getByText('選考しました。').waitFor();
    expect(await page.getByTestId('selection-seed').textContent()).toMatch(/^[0-9a-f]{16}$/);
    expect(await page.getByTestId('selection-check').textContent()).toContain('同じ結果になります');
    const regions = page.getByRole('region', { name: '圏域ごとの説明' });
    expect(await regions.getByRole('row').count()).toBeGreaterThan(2);
    await expectNoAxeViolations(page, 'applicants after the run');

    // A waiting applicant gets a seat by staff's decision, with a reason.
    await page.getByLabel('状況で絞り込む').selectOption('waiting');
    const row = page.getByTestId('applicant-row').first();
    const name = (await row.locator('th span.font-bold').textContent())!.trim();
    // Two applicants may share a generated name; the address tells them apart.
    const email = (await row.locator('th span.break-all').textContent())!.trim();
    await row.getByRole('button', { name: `席を与える: ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `${name}さんに席を与える` });
    await dialog.getByRole('button', { name: '席を与える' }).click();
    await dialog.getByText('理由を入力してください。').waitFor();
    await dialog.getByLabel('理由').fill('地域で唯一の訪問看護師のため');
    await expectNoAxeViolations(page, 'seat dialog');
    await dialog.getByRole('button', { name: '席を与える' }).click();
    await page.getByText(`${name}さんに席を与えました。`).waitFor();
    await page.getByLabel('状況で絞り込む').selectOption('selected');
    const given = page.getByTestId('applicant-row').filter({ hasText: email });
    await expect.poll(() => given.textContent()).toContain('職員の判断で受講決定');
    expect(await given.textContent()).toContain('職員の記録：地域で唯一の訪問看護師のため');

    await page.getByRole('button', { name: '選考結果を申込者に通知' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '選考結果を申込者に通知' }).click();
    await page.getByText('選考結果を通知しました。').waitFor();
    await page.getByText('結果は通知済みです。').waitFor();

    await learner.reload();
    await waitForPage(learner);
    await expect.poll(() => mine.textContent()).toMatch(/受講決定|補欠 \d+番|選外/);
  }, 180_000);
});
