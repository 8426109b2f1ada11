import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/**
 * Every page is checked, at each size in turn (the window resized on the page, not the page loaded again), for
 * horizontal overflow; with every axe rule at the widest, and with the layout-dependent rule (target size, which
 * counts the spacing between targets) at the narrowest. The markup axe reads is the same at every size: no
 * element of the staff screens is shown only below the widest layout (`md:hidden` hides the phone menu button at
 * 768 px too), so names, roles, labels and contrast read at 1280 px hold at 768 px. One walk through the menu
 * instead of one per size, and one full axe run per page, keep the journey within CI's time (decision 0018 §8).
 */
const VIEWPORTS = [
  { name: 'desktop 1280×900', width: 1280, height: 900, axe: 'all' },
  { name: 'tablet 1024×768', width: 1024, height: 768, axe: 'none' },
  { name: 'tablet portrait 768×1024', width: 768, height: 1024, axe: 'layout' },
] as const;

/** axe's target-size rule alone (WCAG 2.2 2.5.8): what a narrower layout can break that a wider one passes. */
async function expectTargetSizes(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
  expect(found, `target size on ${label}`).toEqual([]);
}

describe('accessibility of every page in the centre administrator menu', () => {
  it('fits without horizontal scrolling at desktop and tablet sizes, passes axe at the widest and keeps target sizes at the narrowest', async () => {
    const size = (v: (typeof VIEWPORTS)[number]) => ({ width: v.width, height: v.height });
    const desktop = size(VIEWPORTS[0]!);
    const page = await h.newPage({ viewport: desktop });
    await signIn(page, h.account('centre_admin'));
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    const count = await nav.getByRole('link').count();
    // Home, registry, transitions, registration review, census, five consultation screens, three resource
    // screens, six training screens (sessions, courses, requests, coordinator roster, supervise pool, figures),
    // e-learning, learner accounts, the municipalities' maturity, regional issues and development projects,
    // the engagements’ three screens (records, four-division meetings, cross-tabulation), the councils and
    // one's action items, the yearly activity report, editing the public site, six administration screens,
    // audit log, account; the good-practice library; surveys; the mail outbox and the closed days (administration);
    // disaster readiness.
    expect(count).toBe(45);
    for (let i = 0; i < count; i++) {
      await page.setViewportSize(desktop);
      const link = nav.getByRole('link').nth(i);
      const label = ((await link.textContent()) ?? '').trim();
      await link.click();
      // The menu marks the link once the router has moved; the screen's code may still be loading then.
      await expect
        .poll(() => link.getAttribute('aria-current'), { message: `${label} is the current page` })
        .toBe('page');
      await waitForPage(page);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(size(viewport));
        // Layout after the resize: two frames, so media queries and resize observers have run.
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
        );
        // No horizontal scrolling of the page itself (wide tables scroll inside their own region).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${label} overflows horizontally at ${viewport.width}px`).toBeLessThanOrEqual(0);
        if (viewport.axe === 'all') await expectNoAxeViolations(page, `${label} at ${viewport.name}`);
        if (viewport.axe === 'layout') await expectTargetSizes(page, `${label} at ${viewport.name}`);
      }
    }
    h.assertClean();
  }, 480_000);

  it('opens the create forms of the administration screens without violations', async () => {
    const page = await h.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, h.account('centre_admin'));
    for (const [path, button] of [
      ['/admin/centres', 'センター・支部を登録'],
      ['/admin/organisations', '関係機関を登録'],
      ['/admin/people', '関係者を登録'],
      ['/admin/users', '利用者を招待'],
    ] as const) {
      await page.goto(path);
      await waitForPage(page);
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('region', { name: button }).waitFor();
      await expectNoAxeViolations(page, `${path} form`);
    }
    h.assertClean();
  });

  it('has a skip link to the main content and visible focus', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    // A fresh load (after client-side navigation the focus goes to the new page's heading instead).
    await page.reload();
    await waitForPage(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '本文へスキップ' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await expectHeading(page, 'ホーム');
    h.assertClean();
  });

  it('shows the system administrator the network of each prefecture and acts on the only one', async () => {
    const page = await h.newPage({ viewport: { width: 1024, height: 768 } });
    await signIn(page, h.account('system_admin'));
    // No personal data for this role: no registry in the menu, no child figures at home.
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await textOf(nav)()).not.toContain('医療的ケア児台帳');
    await page.getByText('この役割では、個人情報にもとづく集計は表示されません。').waitFor();
    // The network across the deployment, not zeros: the demo prefecture's regions, municipalities, centres.
    const byPrefecture = page.getByRole('table', { name: '都道府県別の支援ネットワーク' });
    const row = byPrefecture.getByRole('row', { name: /神奈川県/ });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => Number(c.replaceAll(',', '')));
    expect(cells.slice(0, 4).every((n) => n > 0)).toBe(true);
    await expectNoAxeViolations(page, 'home (system administrator)');

    // One prefecture in the deployment: the administration screens act on it without asking.
    await page.evaluate(() => window.localStorage.removeItem('tsunagu.adminPrefecture'));
    await nav.getByRole('link', { name: '圏域', exact: true }).click();
    await waitForPage(page);
    await expect.poll(() => page.getByRole('combobox', { name: '対象の都道府県' }).inputValue()).toBe('14');
    await page.getByRole('table', { name: '圏域' }).waitFor();
    await page.getByRole('rowheader', { name: /湘南東部/ }).waitFor();
    expect(await page.getByText('管理する都道府県を選んでください。').count()).toBe(0);
    await expectNoAxeViolations(page, 'regions (system administrator)');
    h.assertClean();
  });
});
