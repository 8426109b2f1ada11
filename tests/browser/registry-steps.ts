/**
 * Steps and fixtures of the registry journeys (registry.test.ts, registry-transitions.test.ts): the tablet size,
 * screenshots on request, the fields of the forms built from field definitions, an affiliation added to the
 * record, a saved search, the notification of a move and a transition's follow-up set in place.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectHeading, expectNoAxeViolations, textOf, waitForPage } from './harness';

export const TABLET = { width: 1024, height: 768 };
export const SHOTS = process.env.REGISTRY_SCREENSHOTS;

export async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A field of a form built from field definitions (each input carries data-field). */
export const field = (scope: Locator | Page, name: string) => scope.locator(`[data-field="${name}"]`);

/**
 * Adds an affiliation of a kind (school, day_service …) from the record's 所属・利用機関を追加 form, with the n-th
 * organisation the picker offers (0-based, skipping any named after 藤沢: the journey moves the child there and
 * then checks the former municipality sees no 藤沢市). Answers the organisation's name once the form has closed.
 */
export async function addAffiliation(
  page: Page,
  n: number,
  kind: string,
  dates: { startedOn: string; endedOn?: string },
) {
  await page.getByRole('button', { name: '所属・利用機関を追加' }).click();
  const form = page.getByRole('region', { name: '所属・利用機関を追加' });
  await field(form, 'kind').selectOption(kind);
  const select = field(form, 'organisationId');
  const offered = async () =>
    (
      await select
        .locator('option')
        .evaluateAll((os) =>
          os.map((o) => ({ value: (o as HTMLOptionElement).value, name: o.textContent ?? '' })),
        )
    )
      .map((o) => ({ value: o.value, name: o.name.split(' / ')[0]! }))
      .filter((o) => o.value && !o.name.includes('藤沢'));
  await expect.poll(async () => (await offered()).length).toBeGreaterThan(n);
  const org = (await offered())[n]!;
  await select.selectOption(org.value);
  await field(form, 'startedOn').fill(dates.startedOn);
  if (dates.endedOn) await field(form, 'endedOn').fill(dates.endedOn);
  await form.getByRole('button', { name: '保存' }).click();
  await form.waitFor({ state: 'detached' });
  return org.name;
}

/** Saves the search as たかはしさん, applies it from the list and deletes it. */
export async function saveApplyAndDeleteSearch(page: Page) {
  await page.getByRole('textbox', { name: '検索条件の名前' }).fill('たかはしさん');
  await page.getByRole('button', { name: '現在の条件を保存' }).click();
  await page.getByRole('status').filter({ hasText: '検索条件「たかはしさん」を保存しました。' }).waitFor();
  await page.goto('/children');
  await waitForPage(page);
  await page.getByRole('link', { name: '検索条件「たかはしさん」で検索' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('たかはし');
  await page.getByRole('button', { name: '検索条件「たかはしさん」を削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
  await page.getByRole('status').filter({ hasText: '検索条件「たかはしさん」を削除しました。' }).waitFor();
}

/** Opens the notifications from the bell and marks the first read; answers the link to the moved child. */
export async function readMoveNotification(municipal: Page, childId: string) {
  const bell = municipal.getByRole('link', { name: /^お知らせ（未読\d+件）$/ });
  await bell.waitFor();
  await bell.click();
  await waitForPage(municipal);
  await expectHeading(municipal, 'お知らせ');
  const toChild = municipal.locator(`a[href="/children/${childId}"]`).first();
  await toChild.waitFor();
  await expectNoAxeViolations(municipal, 'notifications');
  const unreadBefore = Number(
    /未読のお知らせ：(\d+)件/.exec(await textOf(municipal.getByRole('status').first())())?.[1],
  );
  await municipal
    .getByRole('button', { name: /^既読にする/ })
    .first()
    .click();
  await expect
    .poll(async () =>
      Number(/未読のお知らせ：(\d+)件/.exec(await textOf(municipal.getByRole('status').first())())?.[1]),
    )
    .toBe(unreadBefore - 1);
  return toChild;
}

/**
 * Sets the first row's follow-up to 対応中 and its owner to the signed-in centre staff member, and checks the
 * status is kept after a reload; answers the row's child name.
 */
export async function setFirstFollowUp(page: Page): Promise<string> {
  const status = page.getByRole('combobox', { name: /さんの対応状況$/ }).first();
  await status.waitFor();
  const childName = (await status.getAttribute('aria-label'))!.replace(/さんの対応状況$/, '');
  await status.selectOption({ label: '対応中' });
  await expect.poll(() => status.inputValue()).toBe('in_progress');
  // The owner: the signed-in centre staff member (who sees every child of the prefecture).
  const me = await page.evaluate(async () => {
    const res = await fetch('/api/auth/session');
    return ((await res.json()) as { user: { id: string; displayName: string } }).user;
  });
  const owner = page.getByRole('combobox', { name: `${childName}さんの担当者` }).first();
  await expect.poll(() => owner.isEnabled()).toBe(true);
  await owner.selectOption(me.id);
  await expect.poll(() => owner.inputValue()).toBe(me.id);
  await page.reload();
  await waitForPage(page);
  await expect
    .poll(() =>
      page
        .getByRole('combobox', { name: `${childName}さんの対応状況` })
        .first()
        .inputValue(),
    )
    .toBe('in_progress');
  return childName;
}
