import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectHeading, expectNoAxeViolations, textOf, waitForPage } from './harness';

/**
 * Steps of a training request's page (研修の依頼, docs/learning.md §6) for the browser journeys: file one as its
 * requester, and take one step of it — the form opened from its button, the step's saved message and the state the
 * summary then shows. Each step starts from the page read afresh, so a message can only come from that step: the
 * forms are keyed on the request's version and dialogue and remount with the saved request, which is why their
 * after-save step lives in the hook (`useRequestStep`), not in `mutate()`'s callback.
 *
 * The saved message shows as soon as the server answers (the hook's onSuccess); the page shows the saved request
 * only once it has read it again (onSettled invalidates it). A step ends when the dialogue has one entry more than
 * before: every step writes exactly one entry (src/modules/learning/requests.ts), and the dialogue is drawn from
 * the same read as the summary and the actions, so any read after a step sees the request as it saved.
 */

/** The summary at the head of the request page. */
export const requestSummary = (page: Page) => page.getByRole('region', { name: '概要', exact: true });

/** The dialogue of the request page: one list item an entry. */
const dialogue = (page: Page) => page.getByRole('region', { name: 'やりとり', exact: true });

/** The state badge in the summary reads `status` (a label of REQUEST_STATUS_LABELS). */
export async function expectRequestStatus(page: Page, status: string): Promise<void> {
  await requestSummary(page).getByText(status, { exact: true }).waitFor();
}

/** Municipal or provider staff file a request from 研修の依頼 → 研修を依頼する; ends on its page. */
export async function fileRequest(
  page: Page,
  r: { department: string; contact: string; askedFor: string; reason: string },
): Promise<void> {
  await page.goto('/learning/requests');
  await expectHeading(page, '研修の依頼');
  await page.getByRole('link', { name: '研修を依頼する' }).click();
  await expectHeading(page, '研修の依頼の登録');
  await page.getByLabel('担当課').fill(r.department);
  await page.getByLabel('担当者名').fill(r.contact);
  await page.getByLabel('依頼の内容').fill(r.askedFor);
  await page.getByLabel('なぜこの研修を（依頼の理由）').fill(r.reason);
  await expectNoAxeViolations(page, 'new training request (requester)');
  await page.getByRole('button', { name: '依頼する' }).click();
  await expectHeading(page, r.askedFor);
  await expectRequestStatus(page, '受付');
}

/**
 * Takes one step on the request page: opens the form of `action` (its button's label) unless it is open already,
 * lets `fill` fill it, presses the form's button of the same name, and waits for `saved`, for the page to show the
 * request read again (its dialogue one entry longer) and for the state `status`.
 */
export async function takeRequestStep(
  page: Page,
  step: {
    action: string;
    fill?: (form: Locator) => Promise<unknown>;
    saved: string;
    status: string;
  },
): Promise<void> {
  await page.reload();
  await waitForPage(page);
  const actions = page.getByRole('region', { name: '操作', exact: true });
  expect(await actions.getByRole('status').count()).toBe(0);
  const entries = dialogue(page).getByRole('listitem');
  const before = await entries.count();
  const toggle = actions.getByRole('button', { name: step.action, exact: true, pressed: true });
  if ((await toggle.count()) === 0) {
    await actions.getByRole('button', { name: step.action, exact: true }).click();
  }
  const form = actions.locator('form');
  await step.fill?.(form);
  await form.getByRole('button', { name: step.action, exact: true }).click();
  // Closing the request takes its last action away: the message then stands alone where the actions were.
  await page.getByRole('status').filter({ hasText: step.saved }).waitFor();
  await expect
    .poll(() => entries.count(), { message: `${step.action}: the request read again` })
    .toBe(before + 1);
  await expectRequestStatus(page, step.status);
}

/** The dialogue holds an entry with this text. */
export async function expectEntry(page: Page, text: string): Promise<void> {
  await expect.poll(textOf(dialogue(page))).toContain(text);
}
