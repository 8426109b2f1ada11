/**
 * The transitions page (移行予定): the next 年度 by default, each kind's count leading, a follow-up and its owner
 * set in place, the rows sorted on the server and a consultation started about a child — with axe, at desktop
 * and tablet (1024×768) sizes. Needs no record of its own: it works on the demo prefecture's children.
 */
import { mkdirSync } from 'node:fs';
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
import { SHOTS, setFirstFollowUp, shot, TABLET } from './registry-steps';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await h?.close();
});

async function centreStaff(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage(viewport ? { viewport } : undefined);
  await signIn(page, h.account('centre_staff'));
  return page;
}

describe('transitions', () => {
  it('renders the transitions page with the next 年度 by default', async () => {
    const page = await centreStaff();
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '移行予定' })
      .click();
    await waitForPage(page);
    await expectHeading(page, '移行予定');
    await page.getByText(/令和(\d+|元)年度の移行予定/).waitFor();
    await page.getByRole('heading', { level: 2, name: '市町村別の人数' }).waitFor();
    const href = await page.getByRole('link', { name: /Excel/ }).getAttribute('href');
    expect(href).toMatch(/^\/api\/transitions\?nendo=\d{4}&format=xlsx$/);
    // The page leads with each kind's count and its follow-ups not started; each kind's list is paged (issue 12).
    await page
      .getByTestId('transition-summary')
      .getByText(/人（うち未着手 \d+人）/)
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(9_000);
    await expectNoAxeViolations(page, 'transitions');
    await shot(page, 'transitions');

    // Each row: a follow-up status and an owner set in place, and a consultation started about the child.
    const childName = await setFirstFollowUp(page);
    // The rows sort on the server, the same order in every kind.
    await page.getByRole('button', { name: '対応状況で並べ替え' }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('followUp');
    await expect
      .poll(() =>
        page
          .getByRole('columnheader', { name: /対応状況/ })
          .first()
          .getAttribute('aria-sort'),
      )
      .toBe('ascending');
    await expectNoAxeViolations(page, 'transitions (follow-up set)');
    await page
      .getByRole('link', { name: `${childName}さんについて相談を始める` })
      .first()
      .click();
    await waitForPage(page);
    await expectHeading(page, '相談を受け付ける');
    await expect.poll(textOf(page.locator('#main'))).toContain(`選んだお子さん：${childName}`);
    expect(await page.getByRole('textbox', { name: /件名/ }).inputValue()).toMatch(/年度の.+に向けて$/);
    await expectNoAxeViolations(page, 'intake from transitions');

    const tablet = await centreStaff(TABLET);
    await tablet.goto('/transitions');
    await waitForPage(tablet);
    await tablet.getByRole('heading', { level: 2, name: '市町村別の人数' }).waitFor();
    await expectNoAxeViolations(tablet, 'transitions (tablet)');
    h.assertClean();
  });
});
