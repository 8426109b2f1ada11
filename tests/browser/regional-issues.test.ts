import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBody } from '../../src/modules/resources/testing';
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

/**
 * A regional issue on screen: 藤沢市's staff raise it; the coordinator of 湘南東部 carries it to the prefectural
 * council; the centre proposes it to the prefecture, records the answer and starts a medical short-stay project
 * from it, which opens and is linked to its directory listing; 茅ヶ崎市's staff get the not-found page for it.
 * Axe runs on every page; the harness fails the test if anything leaves the origin.
 */
let h: Harness;
let issuePath = '';

/** A JSON request with the session's CSRF token, as the screens send it. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

/** The issue page's heading: its number and title. */
async function issueHeading(page: Page) {
  await page.getByRole('heading', { level: 1, name: new RegExp(`^R\\d+-\\d{4} ${TITLE}$`) }).waitFor();
  await waitForPage(page);
}
const TITLE = '医療的ケア児の一時預かり先が市内にない';

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('a regional issue carried up and developed', () => {
  it('is raised by the municipality’s staff for their municipality', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('municipal_staff'));
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '地域課題' }).click();
    await expectHeading(page, '地域課題');
    await expectNoAxeViolations(page, 'issues (municipal)');
    await page.getByRole('link', { name: '地域課題を提起' }).click();
    await expectHeading(page, '地域課題を提起');
    await page.getByLabel('件名').fill(TITLE);
    await page.getByLabel('課題の内容').fill('保護者の通院や兄弟の行事のときに、子を預けられる先がない。');
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
    h.assertClean();
  });

  it('is carried to the prefectural council by the region’s coordinator', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('regional_coordinator'));
    await page.goto(issuePath);
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
  });

  it('is proposed and answered by the centre, and ends in a project that opens as a directory listing', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    // The opened place's listing in the directory (藤沢市, medical short stay).
    await page.goto('/');
    const org = await api(page, 'POST', '/api/resources/organizations', { name: '医療法人 しおさい会' });
    expect(org.status).toBe(200);
    const service = await api(
      page,
      'POST',
      '/api/resources/services',
      serviceBody(String(org.body.id), {
        name: 'しおさいこども病院 短期入所',
        type: 'medical_short_stay',
        location: { address: '藤沢市鵠沼海岸1-1', municipalityCode: '142051' },
      }),
    );
    expect(service.status).toBe(200);
    await page.goto(issuePath);
    await issueHeading(page);
    const actions = page.getByRole('region', { name: '操作' });
    await actions.getByRole('button', { name: '上の段階へ' }).click();
    await actions
      .getByLabel('県への提言の内容')
      .fill('圏域ごとに医療的ケア児の一時預かりの場を確保することを提言する。');
    await actions.locator('form').getByRole('button', { name: '上の段階へ' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await actions.getByRole('button', { name: '県の回答を記録' }).click();
    await actions.getByLabel('県の回答の内容').fill('来年度、モデル事業として2圏域で実施する。');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    await actions.getByLabel('回答日').fill(today);
    await expectNoAxeViolations(page, 'answer form (centre)');
    await actions.locator('form').getByRole('button', { name: '県の回答を記録' }).click();
    await expect.poll(textOf(page.getByRole('main'))).toContain('来年度、モデル事業として2圏域で実施する。');
    await expect.poll(textOf(page.getByRole('region', { name: '経過' }))).toContain('県の回答を記録');

    await actions.getByRole('link', { name: '社会資源の開発を始める' }).click();
    await expectHeading(page, '社会資源の開発の取組を登録');
    await page.getByLabel('名称').fill('藤沢市の医療型短期入所');
    await page.getByLabel(/事業者へ助言した日/).fill(today);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/development-projects\/[0-9a-f-]{36}$/);
    await expectHeading(page, '藤沢市の医療型短期入所');
    await page.getByRole('button', { name: '段階・内容を変更' }).click();
    await page.getByLabel('段階', { exact: true }).selectOption('opened');
    await page.getByLabel('開設日').fill(today);
    const listing = page.getByLabel('社会資源の掲載', { exact: true });
    await expect.poll(async () => listing.locator('option').count()).toBeGreaterThan(1);
    await listing.selectOption({ label: 'しおさいこども病院 短期入所（医療法人 しおさい会）' });
    await expectNoAxeViolations(page, 'project form (centre)');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const summary = page.getByRole('region', { name: '概要' });
    await expect.poll(textOf(summary)).not.toContain('未掲載');
    expect(await textOf(summary)()).toContain(TITLE);

    await page.goto('/development-projects');
    await expectHeading(page, '社会資源の開発');
    await expect.poll(textOf(page.getByRole('main'))).toContain('藤沢市の医療型短期入所');
    await expectNoAxeViolations(page, 'projects (centre)');
    await page.goto(issuePath);
    await issueHeading(page);
    expect(await textOf(page.getByRole('region', { name: '概要' }))()).toContain('社会資源の開発へ');
    h.assertClean();
  });

  it('is not found by another municipality’s staff', async () => {
    const other = await makeUser(h.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142077',
    });
    const page = await h.newPage();
    await signIn(page, { role: 'municipal_staff', label: '', email: other.email, password: TEST_PASSWORD });
    expect((await page.request.get(`/api${issuePath}`)).status()).toBe(404);
    await page.goto(issuePath);
    await waitForPage(page);
    await expectHeading(page, 'ページが見つかりません');
    await expectNoAxeViolations(page, 'issue (other municipality)');
    h.assertClean();
  });
});
