import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, startHarness, textOf, waitForPage } from './harness';

/**
 * The public search by a station's name on a phone: 辻堂駅 resolves from the demo's gazetteer (no code asked),
 * the results come nearest first, each saying how far from the station, and the map draws them over named
 * municipalities without any tile server. Axe runs on the page; the harness fails if anything leaves the origin.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('place search', () => {
  it('finds listings near 辻堂駅 with their distance from it, on a phone', async () => {
    const phone = await h.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto('/public/resources');
    await waitForPage(phone);
    await phone.getByRole('textbox', { name: '市区町村または住所' }).fill('辻堂駅');
    await phone.getByRole('button', { name: '検索する' }).click();
    await expect
      .poll(textOf(phone.getByRole('main')))
      .toContain('辻堂駅（藤沢市）から10km以内を近い順に表示しています。');
    const list = phone.getByRole('region', { name: '一覧', exact: true });
    const reasons = list.getByTestId('reason');
    await reasons.first().waitFor();
    expect(await textOf(reasons.first())()).toMatch(/^辻堂駅から約\d+(\.\d)?km$/);
    const map = phone.getByRole('region', { name: '検索結果の地図' });
    await map.getByRole('img', { name: '辻堂駅' }).waitFor();
    expect(await map.getByTestId('map-base-label').allTextContents()).toContain('茅ヶ崎市');
    await expectNoAxeViolations(phone, 'public search by station');
  });
});
