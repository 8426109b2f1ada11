import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { expectNoAxeViolations, type Harness, signIn, startHarness, waitForPage } from './harness';

let h: Harness;
const LONG_NAME = '医療的ケア児等コーディネーター統括担当　長谷川部田村之内左衛門三郎太郎';

beforeAll(async () => {
  h = await startHarness();
  await h.db.systemDb
    .update(users)
    .set({ displayName: LONG_NAME })
    .where(eq(users.email, h.account('centre_admin').email));
});

afterAll(async () => {
  await h?.close();
});

describe('phones and small screens', () => {
  it('folds the staff menu behind a button on a phone: opens, closes on Escape and after choosing a page', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, h.account('centre_admin'));
    const button = page.getByRole('button', { name: 'メニュー', exact: true });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'home on a phone, menu closed');

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await nav.waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, 'home on a phone, menu open');
    // Escape from inside the menu closes it and puts focus back on the button.
    await nav.getByRole('link').first().focus();
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    // Choosing a page closes the menu and shows the page.
    await button.click();
    await nav.locator('a[href="/resources"]').click();
    await expect.poll(() => page.url()).toContain('/resources');
    await waitForPage(page);
    await nav.waitFor({ state: 'hidden' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'resources on a phone');
    h.assertClean();
  }, 120_000);

  it('shows the whole menu without the button from 768 px', async () => {
    const page = await h.newPage({ viewport: { width: 768, height: 1024 } });
    await signIn(page, h.account('centre_admin'));
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'メニュー', exact: true }).isVisible()).toBe(false);
  }, 60_000);

  it('keeps the header on one line at 1280 px with a long name, cut short with the whole name as its title', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, h.account('centre_admin'));
    const banner = page.getByRole('banner');
    const who = banner.locator('p[title]').filter({ hasText: LONG_NAME.slice(0, 6) });
    const title = (await who.getAttribute('title')) ?? '';
    expect(title).toContain(LONG_NAME);
    expect(await who.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const tagline = await banner.getByText('業務システム').boundingBox();
    const signOut = await banner.getByRole('button', { name: 'サインアウト' }).boundingBox();
    const name = await who.boundingBox();
    if (!tagline || !signOut || !name) throw new Error('header parts not laid out');
    // One row: the sign-out button and the name sit beside the product name and its tagline, not below them.
    expect(signOut.y).toBeLessThan(tagline.y + tagline.height);
    expect(name.height).toBeLessThan(40);
    await expectNoAxeViolations(page, 'header with a long name at 1280 px');

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect((await who.boundingBox())?.height ?? 99).toBeLessThan(40);
    await expectNoAxeViolations(page, 'header with a long name at 390 px');
    h.assertClean();
  }, 120_000);
});
