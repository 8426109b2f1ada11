import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { censusReportedCounts, censusRuns } from '../../src/db/schema';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  waitForPage,
} from './harness';

/**
 * A municipal survey's count of children fed to the census (ME-3; docs/knowledge.md §5): centre staff open the
 * demo's municipal survey, find 藤沢市's answer beside its two census sources and the 年度's linked count, apply it
 * to the source they choose, and the census results show the reported figure beside the linked count. Axe on the
 * review before and after, and on the results.
 */
let h: Harness;

beforeAll(async () => {
  // Enough children for the demo's census lists (src/demo/census.ts), and so its run.
  h = await startHarness({ children: 400 });
});

afterAll(async () => {
  await h?.close();
});

const SURVEY = '令和8年度 市町村の医療的ケア児支援体制に関する調査';

describe('survey census review', () => {
  it('centre staff apply 藤沢市’s count as its census source’s reported figure, shown in the results', async () => {
    // The demo's run is linked when the server starts.
    const runs = await h.db.systemDb.select({ status: censusRuns.status }).from(censusRuns);
    expect(runs.length, 'the demo seeds a census run').toBe(1);
    await expect
      .poll(
        async () =>
          (await h.db.systemDb.select({ status: censusRuns.status }).from(censusRuns)).map((r) => r.status),
        { timeout: 60_000 },
      )
      .toContain('linked');
    const page = await h.newPage();
    await signIn(page, h.account('centre_staff'));
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'アンケート' })
      .click();
    await waitForPage(page);
    await page.getByRole('link', { name: SURVEY }).click();
    await expectHeading(page, SURVEY);
    await page.getByRole('link', { name: '実態把握への人数の反映' }).click();
    await expectHeading(page, `${SURVEY}：実態把握への人数の反映`);

    // Work on arrival: three municipalities answered; 藤沢市 has two census sources, the others none yet.
    const table = page.getByRole('table', { name: /^市町村の回答と実態把握/ });
    await table.waitFor();
    await page.getByText(/の照合結果（照合済み）です。/).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    const fujisawa = table.locator('tbody tr').filter({ hasText: '藤沢市' });
    expect(await fujisawa.getByText('14人').count()).toBe(1);
    await expectNoAxeViolations(page, 'census review');

    await fujisawa.getByLabel('藤沢市の反映先').selectOption({ label: '藤沢市 障害福祉課' });
    await fujisawa.getByRole('button', { name: '藤沢市の回答（14人）を報告数として反映' }).click();
    await page.getByText('藤沢市の藤沢市 障害福祉課の報告数を14人にしました。').waitFor();
    await fujisawa.getByText('この回答を反映済み').waitFor();
    const kept = await h.db.systemDb
      .select()
      .from(censusReportedCounts)
      .where(and(eq(censusReportedCounts.count, 14), eq(censusReportedCounts.version, 1)));
    expect(kept).toHaveLength(1);
    await expectNoAxeViolations(page, 'census review (applied)');

    await page.getByRole('link', { name: '照合結果を開く' }).click();
    const reported = page.getByRole('table', { name: '市町村別の照合数と報告数' });
    await reported.waitFor();
    const row = reported.locator('tbody tr').filter({ hasText: '藤沢市' });
    expect(await row.getByText('14人', { exact: true }).count()).toBe(1);
    expect(await row.getByText(/藤沢市 障害福祉課 14人/).count()).toBe(1);
    await expectNoAxeViolations(page, 'census results (reported figures)');
    h.assertClean();
  }, 180_000);
});
