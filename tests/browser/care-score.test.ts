import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  hasJapanese,
  startHarness,
  textOf,
  waitForPage,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 5 });
});

afterAll(async () => {
  await h?.close();
});

describe('public care-score calculator', () => {
  it('scores the worked example on a phone without signing in, passes axe, and switches to English', async () => {
    const page = await h.newPage({ viewport: { width: 375, height: 740 } });
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      // The public site's frame (emergency notices and the centre's contact, on every public page) is read from
      // /api/public/site; nothing else may be asked of the server while scoring.
      if (path.startsWith('/api/public/') && path !== '/api/public/site') apiCalls.push(r.url());
    });
    await page.goto('/public/care-score');
    await waitForPage(page);
    expect(page.url()).toMatch(/\/public\/care-score$/);
    await expectHeading(page, '医療的ケア判定スコアの計算');
    // Outside the signed-in shell: no main menu.
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);

    const total = page.getByTestId('care-total');
    const tier = page.getByTestId('care-tier');
    expect(await textOf(total)()).toBe('0');

    await page.locator('#care-ventilator').check();
    await page.locator('#care-ventilator-high').check();
    await page.locator('#care-tracheostomy').check();
    await page.locator('#care-tracheostomy-high').check();
    await page.locator('#care-suction').check();
    await page.locator('#care-suction-high').check();
    await page.locator('#care-tube_feeding_gastric').check();

    await expect.poll(textOf(total)).toBe('37');
    expect(await textOf(tier)()).toBe('区分3（32点以上）');
    // Tracheostomy's watch score is not added next to the ventilator: the breakdown says why.
    const breakdown = page.getByRole('region', { name: '内訳' });
    expect(await textOf(breakdown)()).toContain('人工呼吸器と気管切開の両方がある場合');
    // Only the levels an item defines: tracheostomy has high and low, no mid.
    expect(await page.locator('#care-tracheostomy-mid').count()).toBe(0);
    expect(await page.locator('#care-ventilator-mid').count()).toBe(1);
    // Rows not verified against the official table are marked.
    expect(await page.getByText('未確認').count()).toBeGreaterThan(9);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'care score (ja, phone)');

    // Unticking an item updates the total at once.
    await page.locator('#care-suction').uncheck();
    await expect.poll(textOf(total)).toBe('28');
    await page.locator('#care-suction').check();
    await page.locator('#care-suction-high').check();
    await expect.poll(textOf(total)).toBe('37');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('Care score calculator');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await textOf(total)()).toBe('37');
    expect(await textOf(tier)()).toBe('Tier 3 (32 points or more)');
    const chrome = await page
      .locator('main label, main legend, main h2, main button, main th')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    expect(chrome.filter(hasJapanese), 'Japanese UI text in English').toEqual([]);
    expect(await page.title()).toBe('Care score calculator | Tsunagu');
    await expectNoAxeViolations(page, 'care score (en, phone)');

    expect(apiCalls, 'the calculator scores on the device').toEqual([]);
    h.assertClean();
  });

  it('passes axe on a desktop with nothing ticked, and the print button is there', async () => {
    const page = await h.newPage();
    await page.goto('/public/care-score');
    await waitForPage(page);
    expect(await textOf(page.getByTestId('care-total'))()).toBe('0');
    expect(await textOf(page.getByTestId('care-tier'))()).toBe('該当なし（3点未満）');
    expect(await page.getByRole('button', { name: '印刷する' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'すべて外す' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'care score (ja, desktop, empty)');
    h.assertClean();
  });
});
