import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, startHarness } from './harness';

/** When reads cannot be answered (decision 0015): the web client retries, then says so and offers to try again. */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 5 });
});

afterAll(async () => {
  await h?.close();
});

/** The public search, which the page runs as it opens. */
const SEARCH = (url: URL) => url.pathname === '/api/public/resources';

/** What a server answers while its database is unreachable. */
function unavailable(count: () => void) {
  return async (route: Route) => {
    count();
    await route.fulfill({
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '5' },
      body: JSON.stringify({
        error: {
          code: 'database_unavailable',
          message: 'データベースに一時的に接続できません。 / The database is briefly unreachable.',
          ja: 'データベースに一時的に接続できません。',
          en: 'The database is briefly unreachable.',
        },
      }),
    });
  };
}

describe('a read the server cannot answer', () => {
  it('is tried twice more, then a banner says so; it goes away once the read succeeds', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    let attempts = 0;
    const fault = unavailable(() => attempts++);
    await page.route(SEARCH, fault);
    await page.goto('/public/resources');
    const banner = page.getByRole('alert').filter({ hasText: 'サーバーに一時的に接続できない' });
    await banner.waitFor();
    expect(attempts).toBe(3);
    await expectNoAxeViolations(page, 'public search (server unavailable)');

    await page.unroute(SEARCH, fault);
    await banner.getByRole('button', { name: 'もう一度読み込む' }).click();
    await banner.waitFor({ state: 'detached' });
    h.assertClean();
  }, 60_000);

  it('speaks English to an English reader', async () => {
    const page = await h.newPage();
    await page.addInitScript(() => window.localStorage.setItem('tsunagu.locale', 'en'));
    await page.route(
      SEARCH,
      unavailable(() => {}),
    );
    await page.goto('/public/resources');
    const banner = page.getByRole('alert').filter({ hasText: 'The server cannot be reached for the moment' });
    await banner.waitFor();
    expect(await banner.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    h.assertClean();
  }, 60_000);
});
