import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, users } from '../../src/db/schema';
import { makeChild } from '../../src/test/factories';
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
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('municipal staff scope', () => {
  it('lists only children of their municipality and gets the not-found page for another one', async () => {
    const account = h.account('municipal_staff');
    const db = h.deps.db.systemDb;
    const [user] = await db.select().from(users).where(eq(users.email, account.email));
    const own = user?.scopeMunicipalityCode;
    expect(own).toBeTruthy();
    const [other] = await db.select().from(children).where(ne(children.municipalityCode, own!)).limit(1);
    expect(other).toBeDefined();
    // A small seed may give the demo municipality no child: add two so the list has rows.
    await makeChild(db, '14', own!, { familyName: '藤沢', givenName: '一郎', birthDate: '2019-05-01' });
    await makeChild(db, '14', own!, { familyName: '藤沢', givenName: '花子', sex: 'female' });

    const page = await h.newPage();
    await signIn(page, account);
    // The menu offers the registry but no administration or audit log.
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    const navText = await textOf(nav)();
    expect(navText).toContain('医療的ケア児台帳');
    expect(navText).not.toContain('管理');
    expect(navText).not.toContain('監査ログ');

    await nav.getByRole('link', { name: '医療的ケア児台帳' }).click();
    await waitForPage(page);
    await page.getByRole('table', { name: '検索結果' }).waitFor();
    const municipalities = await page
      .getByRole('table', { name: '検索結果' })
      .locator('tbody tr td:nth-child(4)')
      .allInnerTexts();
    expect(municipalities.length).toBeGreaterThan(0);
    expect(new Set(municipalities.map((m) => m.trim())).size).toBe(1);
    // The API agrees: every child listed is of the user's municipality.
    const api = (await (await page.request.get('/api/children?pageSize=100')).json()) as {
      items: { municipalityCode: string }[];
    };
    expect(api.items.every((c) => c.municipalityCode === own)).toBe(true);
    await expectNoAxeViolations(page, 'registry (municipal staff)');

    // One of their own children opens…
    await page.getByRole('table', { name: '検索結果' }).getByRole('link').first().click();
    await waitForPage(page);
    await page.getByRole('heading', { name: '基本情報' }).waitFor();
    await expectNoAxeViolations(page, 'child detail');

    // …a child of another municipality does not exist for them.
    await page.goto(`/children/${other!.id}`);
    await waitForPage(page);
    await expectHeading(page, 'ページが見つかりません');
    expect(await page.content()).not.toContain(`${other!.familyName} ${other!.givenName}`);
    await expectNoAxeViolations(page, 'not found');

    // Administration pages are not reachable either.
    await page.goto('/admin/users');
    await waitForPage(page);
    await expectHeading(page, 'ページが見つかりません');
    h.assertClean();
  });

  it('sends a signed-out visitor to sign-in, and back to the page asked for afterwards', async () => {
    const page = await h.newPage();
    await page.goto('/children?status=at_home');
    await waitForPage(page);
    await expectHeading(page, 'サインイン');
    expect(new URL(page.url()).pathname).toBe('/signin');
    // After signing in, the page first asked for opens, filter included.
    await page.locator('input[type="email"]').fill(h.account('municipal_staff').email);
    await page.locator('input[type="password"]').fill(h.account('municipal_staff').password);
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => `${new URL(page.url()).pathname}${new URL(page.url()).search}`)
      .toBe('/children?status=at_home');
    await waitForPage(page);
    await expectHeading(page, '医療的ケア児台帳');
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.getByRole('heading', { level: 1, name: 'サインイン' }).waitFor();
    await page.goto('/no/such/page');
    await waitForPage(page);
    await expectHeading(page, 'ページが見つかりません');
    await expectNoAxeViolations(page, 'not found (signed out)');
    h.assertClean();
  });

  it('goes to sign-in when the session ends in the middle of work', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('municipal_staff'));
    // The session cookie disappears (expiry, sign-out elsewhere); the next call answers 401.
    await page.context().clearCookies();
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '医療的ケア児台帳' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'サインイン' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/signin');
    expect(url.searchParams.get('redirect')).toBe('/children');
    h.assertClean();
  });
});

describe('centre staff of a branch', () => {
  it('keeps prefecture-wide work (census, resources import and rounds) from centre staff of a branch', async () => {
    const db = h.deps.db.systemDb;
    const [branchStaff] = await db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.role, 'centre_staff'), isNotNull(users.scopeCentreId)));
    const email = branchStaff?.email;
    const account = h.accounts.find((a) => a.role === 'centre_staff' && a.email === email);
    expect(account, 'the demo has a branch staff account').toBeDefined();
    const page = await h.newPage();
    await signIn(page, account!);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '社会資源の一覧' }).waitFor();
    expect(await nav.getByRole('link', { name: '実態把握' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '掲載内容の確認依頼' }).count()).toBe(0);
    for (const path of ['/census', '/resources/confirmation', '/resources/import']) {
      await page.goto(path);
      await waitForPage(page);
      expect(await textOf(page.getByRole('heading', { level: 1 }))(), path).toBe('ページが見つかりません');
    }
    // The API agrees: the census is not found for them.
    expect((await page.request.get('/api/census/sources')).status()).toBe(404);
    // Prefecture-wide centre staff have both entries.
    const wide = await h.newPage();
    await signIn(wide, h.accounts.find((a) => a.role === 'centre_staff' && a.email !== email)!);
    const wideNav = wide.getByRole('navigation', { name: 'メインメニュー' });
    await wideNav.getByRole('link', { name: '実態把握' }).waitFor();
    await wideNav.getByRole('link', { name: '掲載内容の確認依頼' }).waitFor();
    h.assertClean();
  });
});
