/**
 * The centre's public site (docs/knowledge.md §3): the centre's HQ edits and publishes a page and an emergency
 * notice from the editing screens; a family on a phone opens /public, sees the notice and the centre's contact,
 * finds the first window of 藤沢市 and reaches the other public pages — axe on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
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

/** A datetime-local value in Japan time, `days` from now. */
function local(days: number): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 16);
}

describe('the centre’s public site', () => {
  it('the HQ edits and publishes a page and an emergency notice', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '公開サイト' })
      .click();
    await expectHeading(page, '公開サイトの編集');
    await expectNoAxeViolations(page, 'the pages list');
    const table = page.getByRole('region', { name: 'ページの一覧' });
    await expect.poll(() => table.getByRole('link').count()).toBeGreaterThan(5);

    // Publish the draft page about school entry, with an English version.
    await table.getByRole('link', { name: '就学の準備（年長さんのご家族へ）' }).click();
    await expectHeading(page, '就学の準備（年長さんのご家族へ）の編集');
    await page.getByLabel('状態').selectOption('published');
    await page.getByLabel('題名（英語）').fill('Getting ready for school');
    await page
      .getByLabel('本文（Markdown）（英語）')
      .fill('## School entry\n\nTalk to your municipality in spring.');
    await page.getByRole('button', { name: 'プレビュー' }).click();
    const preview = page.getByRole('region', { name: '英語のプレビュー' });
    await preview.getByRole('heading', { name: 'School entry' }).waitFor();
    await expectNoAxeViolations(page, 'the edit form with its preview');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('status').filter({ hasText: '保存しました（版 2）。' }).waitFor();
    await expect.poll(() => page.getByText(/版 2：公開中/).count()).toBe(1);

    // Post an emergency notice for the next two days.
    await page.getByRole('link', { name: '公開サイトの編集へ戻る' }).click();
    await expectHeading(page, '公開サイトの編集');
    await page.getByRole('link', { name: '緊急のお知らせを出す' }).click();
    await expectHeading(page, '緊急のお知らせの作成');
    await page.getByLabel('アドレス').fill('heavy-snow');
    await page.getByLabel('状態').selectOption('published');
    await page.getByLabel('表示の開始').fill(local(-1));
    await page.getByLabel('表示の終了').fill(local(2));
    await page.getByLabel('題名（日本語）').fill('大雪による休所のお知らせ');
    await page.getByLabel('本文（Markdown）（日本語）').fill('大雪のため、センターは本日休所します。');
    await page.getByRole('button', { name: '保存する' }).click();
    await expectHeading(page, '大雪による休所のお知らせの編集');
    await expectNoAxeViolations(page, 'the notice just posted');
  }, 180_000);

  it('a family on a phone finds the first window of 藤沢市 from /public and reaches the other public pages', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/public');
    await waitForPage(page);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The notice is on the page, and the centre's contact is in the footer.
    const notice = page.getByRole('region', { name: '緊急のお知らせ' });
    await notice.getByText('大雪による休所のお知らせ').waitFor();
    const contact = page.getByRole('region', { name: 'センターの連絡先' });
    await contact.waitFor();
    expect((await contact.textContent()) ?? '').toContain('センター');
    await expectNoAxeViolations(page, '/public on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: /お住まいの市町村の最初の相談窓口/ }).click();
    await expectHeading(page, '市町村の最初の相談窓口');
    await page.getByRole('searchbox', { name: '市町村名で探す（ひらがな・カタカナも可）' }).fill('ふじさわ');
    const fujisawa = page.getByRole('article', { name: '藤沢市' });
    await fujisawa.waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    const text = (await fujisawa.textContent()) ?? '';
    expect(text).toContain('最初の窓口');
    expect(text).toContain('障害福祉');
    expect(text).toContain('平日 8:30〜17:15');
    expect(await fujisawa.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await notice.waitFor();
    await expectNoAxeViolations(page, '/public/first-window');

    // A page of the centre in English, and one not written in easy Japanese (shown in Japanese, and saying so).
    await page.goto('/public/pages/school-entry?lang=en');
    await expectHeading(page, 'Getting ready for school');
    await expectNoAxeViolations(page, 'a page in English');
    await page.goto('/public/pages/faq?lang=easy');
    await expectHeading(page, 'よくある質問');
    await page
      .getByText('このページはやさしい日本語ではまだ書かれていないため、日本語で表示しています。')
      .waitFor();
    await expectNoAxeViolations(page, 'a page falling back to Japanese');

    // Every other public page, each with the notice and the centre's contact.
    for (const [link, heading] of [
      ['事業所・社会資源を探す', null],
      ['研修のご案内', '研修のご案内'],
      ['医療的ケアの判定スコアを計算する', '医療的ケア判定スコアの計算'],
      ['センターに相談する（相談の申込み）', null],
    ] as const) {
      await page.goto('/public');
      await waitForPage(page);
      await page.getByRole('link', { name: link }).click();
      await waitForPage(page);
      if (heading) await expectHeading(page, heading);
      await page.getByRole('region', { name: 'センターの連絡先' }).waitFor();
      await page.getByRole('region', { name: '緊急のお知らせ' }).waitFor();
      await expectNoAxeViolations(page, link);
    }
  }, 240_000);
});
