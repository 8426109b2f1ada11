import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../src/test/factories';
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
  CHIGASAKI,
  createListing,
  FUJISAWA,
  type ReportFigures,
  readReport,
  STORY,
  todayInJapan,
} from './municipal-story-steps';

/**
 * Municipal support from a meeting to a listing (docs/municipal-support.md §1–6), each step by the role that
 * takes it, on the real screens: the coordinator of 湘南東部 plans a four-division meeting from 藤沢市's page;
 * 藤沢市's staff record it held with three divisions and minutes that record an issue, and raise the issue from
 * the meeting's page (the issue names the meeting, the meeting lists the issue); the coordinator carries it to
 * the prefectural council; the centre proposes it to the prefecture, records the answer and starts a medical
 * short-stay project from it; the 湘南 branch's staff open the project and link its directory listing; the
 * centre's yearly activity report counts each step (its figures before and after, not absolute numbers);
 * 茅ヶ崎市's staff get the not-found page and a 404 from the API for 藤沢市's page, meeting, issue and project.
 * The listing itself is set up through the API. axe on every page; no request leaves the origin.
 *
 * Runs on both engines (vitest.config.ts BOTH_ENGINE_JOURNEYS). It holds what the former regional-issues
 * journey checked (raised by the municipality → council → proposal → answer → a project opened as a listing;
 * another municipality not found).
 */
let h: Harness;
let before: ReportFigures;
let meetingPath = '';
let issuePath = '';
let projectPath = '';
const today = todayInJapan();

const ISSUE_HEADING = new RegExp(`^R\\d+-\\d{4} ${STORY.issue}$`);
async function issueHeading(page: Page) {
  await page.getByRole('heading', { level: 1, name: ISSUE_HEADING }).waitFor();
  await waitForPage(page);
}
const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('a four-division meeting’s issue carried up to a listing, counted in the yearly report', () => {
  it('the centre reads this 年度’s report before, and sets up the listing to be opened', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    before = await readReport(page, 'activity report before (centre)');
    await createListing(page);
    h.assertClean();
  }, 120_000);

  it('the coordinator of 湘南東部 plans a four-division meeting from 藤沢市’s page', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('regional_coordinator'));
    await menu(page).getByRole('link', { name: '市町村カルテ', exact: true }).click();
    await expectHeading(page, '市町村の取組状況');
    // The region's tiles on the map: 藤沢市's opens its page.
    await page
      .getByRole('figure')
      .getByRole('link', { name: /^藤沢市：/ })
      .click();
    await expectHeading(page, '藤沢市のカルテ');
    await expectNoAxeViolations(page, '藤沢市 page (coordinator)');
    await page.getByRole('link', { name: '4課協議を記録する' }).click();
    await expectHeading(page, '4課協議を記録する');
    await page.getByLabel('予定', { exact: true }).check();
    await page.getByLabel(/^実施日/).fill(today);
    await page.getByLabel(/^件名/).fill(STORY.meeting);
    await expectNoAxeViolations(page, 'four-division meeting form (coordinator)');
    await page.getByRole('button', { name: '記録する', exact: true }).click();
    await expectHeading(page, STORY.meeting);
    await page.getByText('開催後に「開催した内容を記録」から', { exact: false }).waitFor();
    expect(await textOf(page.getByRole('main'))()).toContain('藤沢市');
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/engagements\/[0-9a-f-]{36}$/);
    h.assertClean();
  }, 120_000);

  it('藤沢市’s staff record it held with three divisions and raise the issue its minutes record', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('municipal_staff'));
    await menu(page).getByRole('link', { name: '訪問・協議・支援の記録' }).click();
    await expectHeading(page, '市町村への訪問・協議・支援の記録');
    await page.getByRole('link', { name: STORY.meeting }).click();
    await expectHeading(page, STORY.meeting);
    await page.getByRole('button', { name: '開催した内容を記録' }).click();
    for (const d of ['母子保健', '障害福祉', '保育']) await page.getByLabel(d, { exact: true }).check();
    await page.getByLabel('記録・議事メモ').fill(STORY.minutes);
    await expectNoAxeViolations(page, 'held form (municipal)');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await page.getByText('教育：欠席').waitFor();
    expect(await page.getByText('保育：出席').count()).toBe(1);
    await expect
      .poll(textOf(page.getByRole('region', { name: '記録・議事メモ' })))
      .toContain('地域課題として提起する');
    await expectNoAxeViolations(page, 'held meeting (municipal)');

    // The issue list first (what the former regional-issues journey opened), then the meeting's own link.
    await menu(page).getByRole('link', { name: '地域課題' }).click();
    await expectHeading(page, '地域課題');
    await page.getByRole('link', { name: '地域課題を提起' }).waitFor();
    await expectNoAxeViolations(page, 'issues (municipal)');
    await page.goBack();
    await expectHeading(page, STORY.meeting);
    await page.getByRole('link', { name: '地域課題として提起' }).click();
    await expectHeading(page, '地域課題を提起');
    // The form names the meeting it comes from and sets the area to the meeting's municipality.
    await expect.poll(textOf(page.getByRole('main'))).toContain(`4課協議 ${STORY.meeting}`);
    await expect
      .poll(() =>
        page.getByLabel('地域').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? ''),
      )
      .toContain('藤沢市');
    await page.getByLabel('件名').fill(STORY.issue);
    await page.getByLabel('課題の内容').fill(STORY.issueText);
    await expectNoAxeViolations(page, 'new issue (municipal)');
    await page.getByRole('button', { name: '提起する' }).click();
    await page.waitForURL(/\/regional-issues\/[0-9a-f-]{36}$/);
    await issueHeading(page);
    issuePath = new URL(page.url()).pathname;
    const summary = page.getByRole('region', { name: '概要' });
    expect(await textOf(summary)()).toContain('藤沢市');
    // Municipal staff follow the issue but move nothing.
    expect(await page.getByRole('button', { name: '上の段階へ' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'issue (municipal)');

    // The issue names the meeting, and the meeting lists the issue.
    await summary.getByRole('link', { name: `4課協議：${STORY.meeting}`, exact: false }).click();
    await expectHeading(page, STORY.meeting);
    const raised = page.getByRole('region', { name: 'この記録から提起した地域課題' });
    await raised.getByRole('link', { name: ISSUE_HEADING }).waitFor();
    expect(await textOf(raised)()).toContain('圏域で検討');
    await expectNoAxeViolations(page, 'meeting with its issue (municipal)');
    h.assertClean();
  }, 180_000);

  it('the coordinator carries the issue to the prefectural council', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('regional_coordinator'));
    await menu(page).getByRole('link', { name: '地域課題' }).click();
    await expectHeading(page, '地域課題');
    await page.getByRole('link', { name: STORY.issue }).click();
    await issueHeading(page);
    await page.getByRole('button', { name: '上の段階へ' }).click();
    await expectNoAxeViolations(page, 'carry up (coordinator)');
    await page
      .getByRole('region', { name: '操作' })
      .locator('form')
      .getByRole('button', { name: '上の段階へ' })
      .click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await expect
      .poll(textOf(page.getByRole('list', { name: '地域課題の段階' }).locator('[aria-current="step"]')))
      .toContain('県の協議の場');
    h.assertClean();
  }, 120_000);

  it('the centre proposes it, records the prefecture’s answer and starts a short-stay project', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    await page.goto(issuePath);
    await issueHeading(page);
    const actions = page.getByRole('region', { name: '操作' });
    await actions.getByRole('button', { name: '上の段階へ' }).click();
    await actions.getByLabel('県への提言の内容').fill(STORY.proposal);
    await actions.locator('form').getByRole('button', { name: '上の段階へ' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await actions.getByRole('button', { name: '県の回答を記録' }).click();
    await actions.getByLabel('県の回答の内容').fill(STORY.answer);
    await actions.getByLabel('回答日').fill(today);
    await expectNoAxeViolations(page, 'answer form (centre)');
    await actions.locator('form').getByRole('button', { name: '県の回答を記録' }).click();
    await expect.poll(textOf(page.getByRole('main'))).toContain(STORY.answer);
    await expect.poll(textOf(page.getByRole('region', { name: '経過' }))).toContain('県の回答を記録');

    await actions.getByRole('link', { name: '社会資源の開発を始める' }).click();
    await expectHeading(page, '社会資源の開発の取組を登録');
    await page.getByLabel('名称').fill(STORY.project);
    await page.getByLabel(/事業者へ助言した日/).fill(today);
    await expectNoAxeViolations(page, 'new project (centre)');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/development-projects\/[0-9a-f-]{36}$/);
    await expectHeading(page, STORY.project);
    projectPath = new URL(page.url()).pathname;
    await page.goto(issuePath);
    await issueHeading(page);
    expect(await textOf(page.getByRole('region', { name: '概要' }))()).toContain('社会資源の開発へ');
    h.assertClean();
  }, 180_000);

  it('the 湘南 branch’s staff open the project and link its directory listing', async () => {
    const branch = h.accounts.find((a) => a.role === 'centre_staff' && a.label.includes('のみ'));
    if (!branch) throw new Error('no branch staff account in the demo');
    const page = await h.newPage();
    await signIn(page, branch);
    await menu(page).getByRole('link', { name: '社会資源の開発' }).click();
    await expectHeading(page, '社会資源の開発');
    await page.getByRole('link', { name: STORY.project }).click();
    await expectHeading(page, STORY.project);
    await page.getByRole('button', { name: '段階・内容を変更' }).click();
    await page.getByLabel('段階', { exact: true }).selectOption('opened');
    await page.getByLabel('開設日').fill(today);
    const listing = page.getByLabel('社会資源の掲載', { exact: true });
    await expect.poll(async () => listing.locator('option').count()).toBeGreaterThan(1);
    await listing.selectOption({ label: `${STORY.listing}（${STORY.organisation}）` });
    await expectNoAxeViolations(page, 'project form (branch)');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const summary = page.getByRole('region', { name: '概要' });
    await expect.poll(textOf(summary)).not.toContain('未掲載');
    expect(await textOf(summary)()).toContain(STORY.listing);
    expect(await textOf(summary)()).toContain(STORY.issue);

    await menu(page).getByRole('link', { name: '社会資源の開発' }).click();
    await expectHeading(page, '社会資源の開発');
    await expect.poll(textOf(page.getByRole('main'))).toContain(STORY.project);
    await expectNoAxeViolations(page, 'projects (branch)');
    h.assertClean();
  }, 120_000);

  it('the yearly activity report counts each step', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    const after = await readReport(page, 'activity report after (centre)');
    expect(after).toEqual({
      fourDivision: before.fourDivision + 1,
      raised: before.raised + 1,
      carriedUp: before.carriedUp + 1,
      toCouncil: before.toCouncil + 1,
      proposed: before.proposed + 1,
      answered: before.answered + 1,
      toDevelopment: before.toDevelopment + 1,
      openings: before.openings + 1,
    });
    h.assertClean();
  }, 120_000);

  it('茅ヶ崎市’s staff get not-found for 藤沢市’s page, meeting, issue and project', async () => {
    const other = await makeUser(h.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: CHIGASAKI,
    });
    const page = await h.newPage();
    await signIn(page, { role: 'municipal_staff', label: '', email: other.email, password: TEST_PASSWORD });
    for (const path of [`/municipalities/${FUJISAWA}`, meetingPath, issuePath, projectPath]) {
      expect((await page.request.get(`/api${path}`)).status(), path).toBe(404);
    }
    for (const path of [`/municipalities/${FUJISAWA}`, meetingPath, issuePath, projectPath]) {
      await page.goto(path);
      await expectHeading(page, 'ページが見つかりません');
      await expectNoAxeViolations(page, `${path} (other municipality)`);
    }
    h.assertClean();
  }, 120_000);
});
