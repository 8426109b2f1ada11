import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNendo } from '../../src/shared/nendo';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness';

/**
 * The coordinator roster, the supervise pools and the training figures (docs/learning.md §7–8) on the demo data:
 * centre staff reach each from the 研修 menu, filter the roster and record a coordinator's activity, propose a
 * supervise team from the pools, and read the figures of the previous 年度 with their .xlsx link. axe on every
 * page; no request leaves the origin.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('coordinator roster, supervise pools and training figures', () => {
  it('centre staff read and keep the roster, propose a team and read the figures by 年度', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_admin'));

    await page.getByRole('link', { name: 'コーディネーター名簿' }).click();
    await expectHeading(page, '医療的ケア児等コーディネーター名簿');
    await page.getByText(/^修了者 \d+ 名/).waitFor();
    await expectNoAxeViolations(page, 'roster');
    const table = page.getByRole('table', { name: 'コーディネーター名簿' });
    const rows = table.locator('tbody tr');
    const all = await rows.count();
    expect(all).toBeGreaterThan(10);
    // Filtered on the screen: not confirmed only, then back to everyone.
    await page.getByLabel('活動状況', { exact: true }).selectOption('unconfirmed');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    const first = rows.first();
    const name = (await first.locator('th').first().textContent())!.trim();
    expect(await first.getByText('未確認').count()).toBe(1);

    // Record the activity with a day typed in 和暦.
    await first.getByRole('button', { name: `${name} さんの活動状況を記録` }).click();
    await page.getByLabel('活動している').check();
    await page.getByLabel(/^確認した日/).fill('令和8年2月30日');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('日付を読み取れません', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'roster with the activity form');
    await page.getByLabel(/^確認した日/).fill('令和8年4月1日');
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} さんの活動状況を記録しました。` })
      .waitFor();
    await page.getByRole('button', { name: '条件をクリア' }).click();
    const row = table.getByRole('row').filter({ hasText: name });
    await row.getByText('活動中').waitFor();
    expect(await row.getByText('R8.4.1 確認').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Excel（.xlsx）で保存' }).getAttribute('href')).toBe(
      '/api/learning/roster/export?lang=ja',
    );
    expect(
      await page.getByRole('table', { name: '圏域ごとの人数' }).locator('tbody tr').count(),
    ).toBeGreaterThan(1);

    await page.getByRole('link', { name: 'スーパーバイズ人材プール' }).click();
    await expectHeading(page, 'スーパーバイズ人材プール');
    expect(
      await page
        .getByRole('table', { name: /人材プール/ })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(3);
    await expectNoAxeViolations(page, 'supervise pool');
    const proposal = page.getByRole('region', { name: 'チーム案' });
    await proposal.getByLabel('医療').check();
    await proposal.getByLabel('福祉').check();
    await proposal.getByRole('button', { name: 'チーム案を作る' }).click();
    await proposal
      .getByRole('table', { name: '提案されたチーム' })
      .or(proposal.getByText(/該当/))
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'supervise pool with a proposal');

    await page.getByRole('link', { name: '研修の統計（年度別）' }).click();
    await expectHeading(page, '研修の統計（年度別）');
    const last = currentNendo(new Date()) - 1;
    await page.getByLabel('年度', { exact: true }).selectOption(String(last));
    await page.getByText(/^研修の回 \d+ 回、受講者 \d+ 名/).waitFor();
    expect(
      await page.getByRole('region', { name: '研修の種類別' }).getByText('コーディネーター養成研修').count(),
    ).toBe(1);
    expect(await page.getByRole('link', { name: 'Excel（.xlsx）で保存' }).getAttribute('href')).toBe(
      `/api/learning/figures/export?nendo=${last}&lang=ja`,
    );
    await expectNoAxeViolations(page, 'training figures');
    h.assertClean();
  });
});
