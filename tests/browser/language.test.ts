import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('shows English everywhere after switching, keeps it after a reload, and passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await expect.poll(textOf(nav)).toContain('Home');
    const links = await nav
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(5);

    for (const href of links) {
      await page.goto(href);
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
      await expectNoAxeViolations(page, `${href} (English)`);
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
    // Every screen of the centre administrator's menu (twenty) is opened and checked with axe.
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
});
