import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  expectNoRawInstants,
  type Harness,
  startHarness,
  waitForPage,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 5 });
});

afterAll(async () => {
  await h?.close();
});

/** The harness's own guards must bite, or the other tests prove nothing. */
describe('browser harness self-check', () => {
  it('blocks and reports a request that leaves the origin', async () => {
    const page = await h.newPage();
    await page.goto('/signin');
    await waitForPage(page);
    h.assertClean();
    // Sub-resources are stopped first by the CSP (next test); a navigation is not, the route guard is.
    const reached = await page.goto('https://cdn.example.com/app.js').then(
      () => true,
      () => false,
    );
    expect(reached).toBe(false);
    expect(() => h.assertClean()).toThrow(/request left the origin: https:\/\/cdn\.example\.com/);
    h.assertClean();
  });

  it('serves the content security policy, and reports what it blocks', async () => {
    const page = await h.newPage();
    const res = await page.goto('/signin');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await waitForPage(page);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      fetch('https://cdn.example.com/font.woff2').catch(() => {});
    });
    const report = () => {
      try {
        h.assertClean();
        return '';
      } catch (e) {
        return String(e);
      }
    };
    let seen = '';
    await expect
      .poll(() => (seen += report()))
      .toMatch(/inline script[\s\S]*cdn\.example\.com|cdn\.example\.com[\s\S]*inline script/);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
  });

  it('fails on an axe violation', async () => {
    const page = await h.newPage();
    await page.goto('/signin');
    await waitForPage(page);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/favicon.svg';
      document.querySelector('main')?.append(img);
    });
    await expect(expectNoAxeViolations(page, 'broken page')).rejects.toThrow(/image-alt/);
    h.assertClean();
  });

  it('fails on a timestamp shown as the API sent it, and passes dates shown for people', async () => {
    const page = await h.newPage();
    await page.goto('/signin');
    await waitForPage(page);
    const show = (text: string) =>
      page.evaluate((t) => {
        const p = document.createElement('p');
        p.textContent = t;
        document.querySelector('main')?.replaceChildren(p);
      }, text);
    await show('受付日 令和8年12月7日（月） 2026-12-07 14:05');
    await expectNoRawInstants(page, 'dates for people');
    await show('受付日 2026-12-07T17:54:10.938Z');
    await expect(expectNoRawInstants(page, 'raw page')).rejects.toThrow(/2026-12-07T17:54:10\.938Z/);
    h.assertClean();
  });
});
