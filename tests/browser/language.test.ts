import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
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

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const ENGLISH_NAV = [
  'Home',
  'Registry',
  'Administration',
  'Regions',
  'Municipalities',
  'Centres and branches',
  'Organisations',
  'People',
  'Users',
  'Audit log',
  'Account',
];

describe('language switch', () => {
  /**
   * Every page of the centre administrator's menu in English, reached by the menu as a user would (client-side,
   * no reload) at the narrowest tablet size, where longer English words are likeliest to overflow. axe runs on
   * the first and the last page only: the accessibility walk runs it on every page in Japanese, and the markup
   * axe reads (names, roles, labels, contrast, target size) does not change with the language; what does —
   * the words — is checked here on every page.
   */
  it('shows English everywhere after switching, without overflow, keeps it after a reload, and passes axe', async () => {
    const page = await h.newPage({ viewport: { width: 768, height: 1024 } });
    await signIn(page, h.account('centre_admin'));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await expect.poll(textOf(nav)).toContain('Home');
    const count = await nav.getByRole('link').count();
    expect(count).toBeGreaterThan(40);

    for (let i = 0; i < count; i++) {
      const link = nav.getByRole('link').nth(i);
      const href = (await link.getAttribute('href')) ?? '';
      await link.click();
      await expect
        .poll(() => link.getAttribute('aria-current'), { message: `${href} is the current page` })
        .toBe('page');
      await waitForPage(page);
      const navText = await textOf(nav)();
      expect(hasJapanese(navText), `Japanese left in the menu on ${href}: ${navText}`).toBe(false);
      for (const label of ENGLISH_NAV) expect(navText).toContain(label);
      const heading = await textOf(page.getByRole('heading', { level: 1 }))();
      expect(hasJapanese(heading), `Japanese heading on ${href}: ${heading}`).toBe(false);
      // Labels, headers and buttons are English (names of places and people stay as they are: a button inside
      // a table cell is a row's data, such as the audit log's user or child by name).
      const chrome = await page
        .locator('main label, main th[scope=col], main button:not(td *), main h2, main legend')
        .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
      const japanese = chrome.filter((s) => /[\u3040-\u30ff\u3400-\u9fff]/.test(s) && !/^(日本語)$/.test(s));
      expect(japanese, `Japanese UI text on ${href}`).toEqual([]);
      expect(await page.title()).toMatch(/Tsunagu$/);
      // English words are longer than Japanese ones: no horizontal scrolling of the page itself at 768 px.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${href} overflows horizontally in English at 768px`).toBeLessThanOrEqual(0);
      if (i === 0 || i === count - 1) await expectNoAxeViolations(page, `${href} (English)`);
    }

    // Saved in the profile: a reload (and the next sign-in) keeps English.
    await page.reload();
    await waitForPage(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectHeading(page, 'Account');

    // Back to Japanese.
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('アカウント');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    h.assertClean();
  }, 240_000);

  it('remembers the language chosen before signing in on this device', async () => {
    const page = await h.newPage();
    await page.goto('/signin');
    await waitForPage(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('Sign in');
    await page.reload();
    await waitForPage(page);
    await expectHeading(page, 'Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'sign-in (English)');

    // Signing in keeps the language picked here (and saves it to the profile).
    await signIn(page, h.account('municipal_staff'));
    await expectHeading(page, 'Home');
    const profileLocale = async () => {
      const session = (await (await page.request.get('/api/auth/session')).json()) as {
        user: { locale: string };
      };
      return session.user.locale;
    };
    await expect.poll(profileLocale).toBe('en');
    h.assertClean();
  });

  it('switches between demo roles through the demo-only panel, in both languages, by keyboard', async () => {
    const page = await h.newPage();
    await page.goto('/signin');
    await waitForPage(page);
    const panel = page.getByRole('region', { name: 'デモ用：役割を選んでサインイン' });
    expect(await textOf(panel)()).toContain('本番の環境には存在しません');
    await expectNoAxeViolations(page, 'sign-in with the demo panel');

    // By keyboard: the regional coordinator, whose role needs TOTP, signs in with no code asked.
    await panel.getByRole('button', { name: /デモ 圏域コーディネーター/ }).focus();
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.waitFor({ state: 'visible' });
    await waitForPage(page);
    await expectHeading(page, 'ホーム');
    const header = page.getByRole('banner');
    expect(await textOf(header)()).toContain('デモ 圏域コーディネーター');

    // The header's link leads back to the panel, which marks the current account; switch to the provider.
    await header.getByRole('link', { name: '役割を切り替え' }).click();
    await expectHeading(page, '役割を切り替え');
    const current = panel.getByRole('button', { name: /デモ 圏域コーディネーター/ });
    expect(await current.getAttribute('aria-current')).toBe('true');
    await expectNoAxeViolations(page, 'switch role');
    await panel.getByRole('button', { name: /デモ 事業所職員/ }).click();
    await nav.waitFor({ state: 'visible' });
    await waitForPage(page);
    await expectHeading(page, 'ホーム');
    expect(await textOf(header)()).toContain('デモ 事業所職員');

    // In English the panel says the same: demo only, never in production.
    await page.getByRole('button', { name: 'English' }).click();
    await header.getByRole('link', { name: 'Switch role' }).click();
    await expectHeading(page, 'Switch role');
    const enPanel = page.getByRole('region', { name: 'Demo only: choose a role to sign in' });
    expect(await textOf(enPanel)()).toContain('It never exists in production.');
    await expectNoAxeViolations(page, 'switch role (English)');

    // Each switch is in the audit log as a demo sign-in.
    const [demoSignIns] = await h.db.systemDb
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign_in'), sql`${auditLog.detail} @> '{"demo": true}'::jsonb`));
    expect(demoSignIns!.n).toBeGreaterThanOrEqual(2);
    h.assertClean();
  });
});
