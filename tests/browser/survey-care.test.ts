import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceServices } from '../../src/db/schema';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';

/**
 * The providers' answers about the care they accept, reviewed against the directory (NA-4; docs/knowledge.md §5):
 * centre staff open the demo's provider survey from the menu, find three answers each proposing changes to its
 * listing, apply one change they choose, and the listing carries it. Axe on the review before and after.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ children: 5 });
});

afterAll(async () => {
  await h?.close();
});

const SURVEY = '令和8年度 事業所の医療的ケア受け入れ状況調査';

describe('survey care review', () => {
  it('centre staff apply a provider’s answer about accepted care to its listing, one change they choose', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_staff'));
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'アンケート' })
      .click();
    await waitForPage(page);
    await page.getByRole('link', { name: SURVEY }).click();
    await expectHeading(page, SURVEY);
    await page.getByRole('link', { name: '受け入れ可能なケアを社会資源に反映' }).click();
    await expectHeading(page, `${SURVEY}：受け入れ可能なケアの反映`);

    // Work on arrival: three providers answered, each answer differing from its listing.
    const proposals = page.getByRole('table', { name: /：回答で変わる項目$/ });
    await proposals.first().waitFor();
    expect(await proposals.count()).toBe(3);
    await expectNoAxeViolations(page, 'care review');

    const first = proposals.first();
    const caption = await textOf(first.locator('caption'))();
    const listing = caption.replace(/：回答で変わる項目$/, '');
    const versionOf = async () =>
      (
        await h.db.systemDb
          .select({ version: resourceServices.version })
          .from(resourceServices)
          .where(eq(resourceServices.name, listing))
      ).map((r) => r.version);
    const before = await versionOf();
    expect(before.length, 'the listing answered for, by its name').toBe(1);
    const item = await textOf(first.getByRole('rowheader').first())();
    await first.getByRole('checkbox').first().check();
    const card = page.getByRole('region').filter({ has: first });
    await card.getByRole('button', { name: '選んだ1件を反映' }).click();
    await card.getByText('1件を掲載に反映しました。').waitFor();
    // Applied, the item moves from the changes to 反映済み, and the listing is saved once.
    await card.getByText('反映済み：').waitFor();
    expect(await textOf(card.getByText('反映済み：'))()).toContain(item);
    expect(await versionOf()).toEqual([before[0]! + 1]);
    await expectNoAxeViolations(page, 'care review (one change applied)');
    h.assertClean();
  }, 120_000);
});
