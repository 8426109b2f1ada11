import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNendo, formatNendo } from '../../src/shared/nendo';
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
    // 25 a page, with the count of everyone the filters leave ("n件中 a〜b件を表示").
    const paging = page.getByRole('navigation', { name: 'ページ送り' });
    const total = async () =>
      Number(/^([\d,]+)件中/.exec((await paging.textContent()) ?? '')![1]!.replace(/,/g, ''));
    const all = await total();
    expect(all).toBeGreaterThan(10);
    expect(await rows.count()).toBe(Math.min(all, 25));
    // Filtered on the screen: not confirmed only, then back to everyone.
    await page.getByLabel('活動状況', { exact: true }).selectOption('unconfirmed');
    await expect.poll(total).toBeLessThan(all);
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
    await expect.poll(total).toBe(all);
    // The person may be on another page of everyone: found by name.
    await page.getByLabel('氏名・所属').fill(name);
    const row = table.getByRole('row').filter({ hasText: name });
    await row.getByText('活動中').waitFor();
    expect(await row.getByText('R8.4.1 確認').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Excel（.xlsx）で保存' }).getAttribute('href')).toBe(
      '/api/learning/roster/export?lang=ja',
    );
    // The counts per region fold under their number of regions (open already for five or fewer).
    const byRegion = page.locator('details', {
      has: page.getByText(/^圏域ごとの人数の表を開く（\d+圏域）$/),
    });
    if (!(await byRegion.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await byRegion.getByText(/^圏域ごとの人数の表を開く/).click();
    }
    expect(
      await page.getByRole('table', { name: '圏域ごとの人数' }).locator('tbody tr').count(),
    ).toBeGreaterThan(1);

    await page.getByRole('link', { name: 'スーパーバイズ人材プール' }).click();
    await expectHeading(page, 'スーパーバイズ人材プール');
    // The count per expertise leads; the members follow 25 a page.
    await page.getByText(/^プールに \d+ 名（専門分野ごと：/).waitFor();
    expect(
      await page
        .getByRole('table', { name: /人材プール/ })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(3);
    await expectNoAxeViolations(page, 'supervise pool');
    const proposal = page.getByRole('region', { name: 'チーム案' });
    // The form folds under its purpose until opened.
    await proposal.getByText('必要な専門分野を選んでチーム案を作る').click();
    await proposal.getByLabel('医療').check();
    await proposal.getByLabel('福祉').check();
    await proposal.getByRole('button', { name: 'チーム案を作る' }).click();
    await proposal
      .getByRole('table', { name: '提案されたチーム' })
      .or(proposal.getByText(/該当/))
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'supervise pool with a proposal');
    // A centre the staff keep: the add form opens from its button.
    await page.getByLabel('センター', { exact: true }).selectOption({ index: 1 });
    const addOpen = page.getByRole('button', { name: 'プールに人を追加する' });
    expect(await addOpen.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel('関係者を氏名で検索').count()).toBe(0);
    await addOpen.click();
    await page.getByLabel('関係者を氏名で検索').waitFor();

    await page.getByRole('link', { name: '研修の統計（年度別）' }).click();
    await expectHeading(page, '研修の統計（年度別）');
    const last = currentNendo(new Date()) - 1;
    await page.getByLabel('年度', { exact: true }).selectOption(String(last));
    // The totals line reads alike for every 年度: the heading, drawn from the figures read, names the one chosen.
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${formatNendo(last)}`) }).waitFor();
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
