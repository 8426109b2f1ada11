import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centres, people, supervisePoolMembers, users } from '../../src/db/schema';
import { intakeBody } from '../../src/modules/consultations/testing';
import { makePerson, makeUser, TEST_PASSWORD } from '../../src/test/factories';
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
 * A supervise team (ME-2) with a provider's nurse in it: the municipality asks the team to supervise a case;
 * the nurse, signed in as provider staff, finds the request among the notifications, opens the case, accepts
 * and records advice on the timeline — without the owning team's controls. A provider outside the team gets
 * the not-found page. Axe runs on every page; the harness fails the test if anything leaves the origin.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

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

describe('a provider in a supervise team', () => {
  let id = '';

  it('is asked by the municipality to supervise a case', async () => {
    const db = h.db.systemDb;
    const provider = h.account('provider_staff');
    const [row] = await db.select().from(users).where(eq(users.email, provider.email));
    const nurse = await makePerson(db, '14', { familyName: '訪問看護', givenName: '花子' });
    await db.update(users).set({ personId: nurse.id }).where(eq(users.id, row!.id));

    const admin = await h.newPage();
    await signIn(admin, h.account('centre_admin'));
    const team = await api(admin, 'POST', '/api/consultations/supervise-teams', {
      name: '在宅医療的ケア支援チーム',
      memberPersonIds: [nurse.id],
    });
    expect(team.status).toBe(201);

    const municipal = await h.newPage();
    await signIn(municipal, h.account('municipal_staff'));
    const made = await api(municipal, 'POST', '/api/consultations', intakeBody());
    expect(made.status).toBe(201);
    id = String(made.body.id);
    const asked = await api(municipal, 'POST', `/api/consultations/${id}/handoffs`, {
      kind: 'supervise',
      to: { teamId: team.body.id },
      reason: '人工呼吸器の在宅管理について助言がほしい',
    });
    expect(asked.status).toBe(201);
    h.assertClean();
  });

  it('opens the request from the notifications, accepts it and records advice', async () => {
    const page = await h.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, h.account('provider_staff'));
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '相談の一覧' }).click();
    await expectHeading(page, '相談の一覧');
    await page.getByRole('table').locator(`a[href="/consultations/${id}"]`).waitFor();
    await expectNoAxeViolations(page, 'queue (provider)');

    await page.goto('/notifications');
    await expectHeading(page, 'お知らせ');
    const notice = page.getByRole('main').locator(`a[href="/consultations/${id}"]`).first();
    expect(await textOf(notice)()).toContain('スーパーバイズ');
    await notice.click();
    await page.getByRole('region', { name: '相談の内容' }).waitFor();
    await waitForPage(page);
    const requests = page.getByRole('region', { name: '依頼と共有' });
    await requests.getByRole('button', { name: '受諾する' }).waitFor();
    await expectNoAxeViolations(page, 'consultation (provider, request pending)');
    await requests.getByRole('button', { name: '受諾する' }).click();
    await expect.poll(textOf(requests)).toContain('スーパーバイズ：受諾');

    // It records its own work; the owning team's controls are not offered.
    expect(await page.getByRole('region', { name: '終結する' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: '依頼する' }).count()).toBe(0);
    for (const name of ['件名・次の対応を変更', '移管・後方支援を依頼する', '終結する']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    await page.getByRole('button', { name: '記録する', exact: true }).click();
    const record = page.getByRole('region', { name: '対応を記録' });
    expect(await record.getByLabel('次の対応日（変更するとき）').count()).toBe(0);
    await record.getByLabel('対応の種類').selectOption({ label: '会議' });
    await record
      .getByLabel('メモ', { exact: true })
      .fill('訪問看護の立場から、夜間の吸引体制について助言した。');
    await record.getByRole('button', { name: '記録する' }).click();
    await page.getByRole('status').filter({ hasText: '対応を記録しました。' }).waitFor();
    await expect.poll(textOf(page.getByRole('main'))).toContain('夜間の吸引体制について助言した');
    await expectNoAxeViolations(page, 'consultation (provider, advice recorded)');
    h.assertClean();
  });

  it('is not found by a provider outside the team', async () => {
    const outsider = await makeUser(h.db.systemDb, 'provider_staff', {
      prefectureCode: '14',
      organisationId: (await h.db.systemDb.select().from(users).where(eq(users.role, 'provider_staff')))[0]!
        .scopeOrganisationId!,
    });
    const page = await h.newPage();
    await signIn(page, { role: 'provider_staff', label: '', email: outsider.email, password: TEST_PASSWORD });
    expect((await page.request.get(`/api/consultations/${id}`)).status()).toBe(404);
    await page.goto(`/consultations/${id}`);
    await waitForPage(page);
    await expectHeading(page, 'ページが見つかりません');
    await expectNoAxeViolations(page, 'consultation (outside provider)');
    h.assertClean();
  });
});

describe('the municipality asking for supervision from the case page', () => {
  it('ticks the expertise needed, takes the proposed team into the request and sends it', async () => {
    const db = h.db.systemDb;
    const [nurse] = await db.select().from(people).where(eq(people.familyName, '訪問看護'));
    const [centre] = await db.select().from(centres).where(eq(centres.prefectureCode, '14'));
    await db.insert(supervisePoolMembers).values({
      prefectureCode: '14',
      centreId: centre!.id,
      personId: nurse!.id,
      tags: ['medical', 'nursing'],
    });

    const page = await h.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, h.account('municipal_staff'));
    const made = await api(page, 'POST', '/api/consultations', intakeBody());
    expect(made.status).toBe(201);
    await page.goto(`/consultations/${made.body.id}`);
    await page.getByRole('region', { name: '相談の内容' }).waitFor();
    await waitForPage(page);
    await page.getByRole('button', { name: '移管・後方支援を依頼する', exact: true }).click();
    const form = page.getByRole('region', { name: '依頼する' });
    await form.getByLabel('依頼の種類').selectOption({ label: 'スーパーバイズ' });
    await form.getByRole('group', { name: 'この相談に必要な専門分野' }).getByLabel('看護').check();
    await form.getByRole('button', { name: 'チーム案を出す' }).click();
    const members = form.getByRole('table', { name: '提案されたメンバー' });
    // The demo pools hold nurses without open requests: one of them is proposed.
    await expect.poll(textOf(members)).toContain('看護');
    // The team formed above covers 看護 through its nurse (now in a pool) and is offered with its open request.
    const teams = form.getByRole('list').filter({ hasText: '在宅医療的ケア支援チーム' });
    await expect.poll(textOf(teams)).toContain('対応中の依頼：1 件');
    await expectNoAxeViolations(page, 'consultation (supervise proposal)');
    await form.getByRole('button', { name: '在宅医療的ケア支援チームを依頼先にする' }).click();
    await expect.poll(() => form.getByLabel('依頼の理由').inputValue()).toBe('必要な専門分野：看護');
    await form.getByRole('status').filter({ hasText: '在宅医療的ケア支援チーム' }).waitFor();
    await form.getByRole('button', { name: '依頼を送る' }).click();
    await form.getByRole('status').filter({ hasText: '依頼を送りました。' }).waitFor();
    const requests = page.getByRole('region', { name: '依頼と共有' });
    await expect.poll(textOf(requests)).toContain('在宅医療的ケア支援チーム');
    h.assertClean();
  });
});
