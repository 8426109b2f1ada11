/**
 * Steps and fixtures of the resources journey (resources.test.ts): the listing it adds, the gap view's figures
 * and shortage table, and the forms the centre staff and the provider fill in.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForPage } from './harness';

export const SERVICE = 'つなぐテスト児童発達支援センター';
export const ORGANISATION = '社会福祉法人つなぐテスト会';
export const REGION = '湘南東部';

/**
 * The services accepting the ventilator for preschool children in the life-stage view (MI-4) of the region shown:
 * a new 児童発達支援 listing without an age limit counts there.
 */
export async function preschoolVentilator(page: Page): Promise<number> {
  const view = page.locator('section[aria-labelledby="gaps-stages"]');
  await openFold(page, 'gaps-stages-fold', /ライフステージ別の表を開く（\d+段階）/);
  await view.getByRole('combobox', { name: '比べる医療的ケア' }).selectOption('ventilator');
  await view.getByRole('table', { name: /人工呼吸器/ }).waitFor();
  const text = await view.locator('tr[data-stage="preschool"] [data-testid="accepting"]').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

/**
 * Opens one of the gaps page's folded sections by its summary (which says how many rows it holds); a section with
 * nothing to list (a region without shortages) has no fold.
 */
export async function openFold(page: Page, testId: string, summary: RegExp) {
  const fold = page.getByTestId(testId);
  if ((await fold.count()) === 0) return false;
  if (await fold.evaluate((el) => (el as HTMLDetailsElement).open)) return true;
  await fold.locator('summary').filter({ hasText: summary }).click();
  return true;
}

/** The shortage table, opened from its count: every row a shortage (more than 0), the largest first. */
export async function expectShortagesInOrder(page: Page) {
  if (await openFold(page, 'gaps-shortages-fold', /不足の大きい順の表を開く（\d+件）/))
    await page.getByRole('table', { name: '圏域と医療的ケアの組み合わせ（不足数の大きい順）' }).waitFor();
  const figures = (
    await page.locator('[data-testid="shortage-row"] [data-testid="shortage"]').allTextContents()
  ).map((x) => Number(x.replace(/\D/g, '')));
  expect(figures.every((n) => n > 0)).toBe(true);
  expect(figures).toEqual([...figures].sort((a, b) => b - a));
}

/** The document's height in CSS pixels at the page's viewport (1280 px wide unless said otherwise). */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

export async function openGaps(page: Page, regionId: string) {
  await page.goto(`/resources/gaps?region=${regionId}`);
  await waitForPage(page);
  await page.getByRole('table', { name: '圏域ごとの需要（人）と供給（事業所数）' }).waitFor();
}

/** On the new listing's form: the organisation added on the way, the service located in 藤沢市 with coordinates. */
export async function fillNewService(staff: Page) {
  await staff.getByRole('button', { name: '一覧にない法人を追加' }).click();
  await staff.getByLabel('追加する法人の名称').fill(ORGANISATION);
  await staff.getByRole('button', { name: '法人を追加' }).click();
  const orgSelect = staff.getByRole('combobox', { name: /運営法人/ });
  await expect
    .poll(() => orgSelect.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text))
    .toBe(ORGANISATION);
  await staff.locator('[name="name"]').fill(SERVICE);
  await staff.getByRole('combobox', { name: /サービスの種類/ }).selectOption('child_development_support');
  await staff.locator('[name="address"]').fill('藤沢市藤沢1-1-1');
  await staff.getByRole('combobox', { name: '市区町村' }).selectOption({ label: '藤沢市' });
  await staff.locator('[name="latitude"]').fill('35.3389');
  await staff.locator('[name="longitude"]').fill('139.4901');
  await staff.getByRole('textbox', { name: '電話番号' }).fill('0466-00-0000');
  await staff
    .getByRole('textbox', { name: '利用を始めるには' })
    // A long unbroken Latin run (an address and a URL) must not make a card scroll sideways on a phone.
    .fill(
      'まずお電話で見学をお申し込みください。kengaku-moushikomi.fujisawa-iryoutekicare@example-houmonkango.jp https://example-houmonkango.jp/iryoutekicare/kengaku/moushikomi-form',
    );
}

/** On the provider link's form: the ventilator accepted, suction on a condition, a vacancy, the disaster offer. */
export async function fillProviderCorrections(page: Page) {
  await page.getByRole('button', { name: '内容を修正する' }).click();
  const ventilator = page.getByRole('group', { name: /^人工呼吸器の管理/ });
  await ventilator.getByLabel('受け入れ可', { exact: true }).check();
  const suction = page.getByRole('group', { name: /^吸引/ });
  if ((await suction.count()) === 1) {
    await suction.getByLabel('条件付きで可').check();
    await suction.getByLabel('条件', { exact: true }).fill('看護師が勤務する平日のみ');
  }
  await page.getByRole('textbox', { name: '空き' }).fill('2');
  // What it offers in a disaster: the outage list's shelters read it (docs/disaster.md §6).
  await page
    .getByRole('group', { name: '災害時に提供できること' })
    .getByLabel('福祉避難所（電源あり）')
    .check();
  await page.getByRole('textbox', { name: /^災害時の受け入れの補足/ }).fill('非常用発電機あり（72時間）');
  await page.locator('#confirm-who-edit').fill('看護師 山田');
}
