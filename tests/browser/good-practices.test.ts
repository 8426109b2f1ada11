/**
 * The good-practice library (docs/knowledge.md §4) in the browser: 藤沢市's coordinator writes a story from a
 * consultation (「好事例として書く」); a second person — the centre's staff — runs the personal-data check,
 * marking a flagged pattern (an office's telephone number) as not personal data, and publishes it; it is found by
 * search and shown under 「似た課題を解決した事例」 on another consultation; with the consent to publication recorded
 * (a 和暦 date; an unreadable one refused) it goes on the centre's public site, where a visitor reads it beside the
 * demo's stories on it and never the one whose consent waits. Axe on each page.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations, consultationTeams, users } from '../../src/db/schema';
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

const TITLE = '相談窓口を一本化して退院前の調整を早めた（ブラウザテスト）';

describe('good practices', () => {
  it('a coordinator writes a story from a consultation, a second person checks and publishes it, and it is found', async () => {
    // Two open consultations of 藤沢市's team: one to write from, one to find the story from.
    const coordinator = h.account('municipal_staff');
    const [me] = await h.db.systemDb
      .select({ code: users.scopeMunicipalityCode })
      .from(users)
      .where(eq(users.email, coordinator.email));
    const open = await h.db.systemDb
      .select({ id: consultations.id, narrative: consultations.narrative })
      .from(consultations)
      .innerJoin(consultationTeams, eq(consultationTeams.id, consultations.ownerTeamId))
      .where(
        and(
          eq(consultationTeams.tier, 'municipality'),
          eq(consultationTeams.municipalityCode, me!.code!),
          isNull(consultations.closedAt),
        ),
      )
      .orderBy(asc(consultations.openedAt))
      .limit(2);
    expect(open.length, 'the demo municipality has two open consultations').toBe(2);
    const [from, other] = open as [(typeof open)[0], (typeof open)[0]];

    // The coordinator writes it up from the consultation (the form is pre-filled without the narrative).
    const page = await h.newPage();
    await signIn(page, coordinator);
    await page.goto(`/consultations/${from.id}`);
    await waitForPage(page);
    await page.getByRole('link', { name: '好事例として書く' }).click();
    await expectHeading(page, '好事例を書く');
    await page.getByLabel('題名').fill(TITLE);
    await page
      .getByLabel('概要')
      .fill('障害福祉課が相談の窓口を一本にし、退院前の支援会議を病院と同じ週に開けるようにした。');
    await page
      .getByLabel('本文（Markdown）')
      .fill(
        `## どんな相談だったか\n\n${other.narrative}\n\n## どう取り組んだか\n\n市の相談窓口（0466-00-0000）に連絡を一本化し、病院の地域連携室と退院前の支援会議の日を先に決めた。`,
      );
    await page.getByLabel('解決した人・部署（言葉で）').fill('障害福祉課');
    await expectNoAxeViolations(page, 'the story form from a consultation');
    await page.getByRole('button', { name: '下書きとして保存' }).click();
    await expectHeading(page, TITLE);
    await page.getByText('確認はほかの職員が行います。').waitFor();
    const storyPath = new URL(page.url()).pathname;

    // A second person checks it: the office's number is flagged and marked as not personal data.
    const checker = await h.newPage();
    await signIn(checker, h.account('centre_staff'));
    await checker.goto(storyPath);
    await expectHeading(checker, TITLE);
    const review = checker.getByRole('region', { name: '個人情報の確認と公開' });
    await review.getByText('0466-00-0000').waitFor();
    await expectNoAxeViolations(checker, 'the story waiting for its check');
    const flagged = review.getByRole('checkbox', { name: '個人情報ではない（確認した）' });
    expect(await flagged.count()).toBeGreaterThanOrEqual(1);
    for (const box of await flagged.all()) await box.check();
    const confirmations = review.getByRole('group', { name: /確認したこと/ }).getByRole('checkbox');
    for (const box of await confirmations.all()) await box.check();
    await review.getByRole('button', { name: '個人情報がないことを確認する' }).click();
    await review.getByRole('status').filter({ hasText: '個人情報の確認を記録しました。' }).waitFor();
    await review.getByRole('button', { name: '県内に公開する' }).click();
    await review.getByRole('status').filter({ hasText: '公開しました。' }).waitFor();
    await review.getByText('県内のすべての職員に公開中です。').waitFor();

    // The consent to publication on the centre's public site: a date it cannot read changes nothing; a 和暦 date is
    // recorded with who agreed and how, then the story goes on the site.
    const offer = checker.getByRole('region', { name: '公開サイトへの掲載' });
    await offer.getByRole('textbox', { name: /同意した方/ }).fill('藤沢市障害福祉課 課長 山田');
    await offer.getByRole('textbox', { name: /同意した日/ }).fill('十一月のはじめ');
    await offer.getByRole('button', { name: '同意を記録する' }).click();
    await offer.getByText('日付として読めません。西暦または和暦で入力してください。').waitFor();
    await offer.getByRole('textbox', { name: /同意した日/ }).fill('令和8年11月20日');
    await offer.getByRole('button', { name: '同意を記録する' }).click();
    await offer.getByText('藤沢市障害福祉課 課長 山田 が 令和8年11月20日 に同意（').waitFor();
    await offer.getByRole('button', { name: '公開サイトに載せる' }).click();
    await offer.getByText(/から公開サイトに掲載中。/).waitFor();
    await expectNoAxeViolations(checker, 'the story on the public site, with its consent');

    // Found by search, and suggested on another consultation under 「似た課題を解決した事例」.
    await checker.goto('/good-practices');
    await expectHeading(checker, '好事例ライブラリ');
    await checker.getByLabel('キーワード').fill('退院前 一本');
    await checker.getByRole('button', { name: '検索', exact: true }).click();
    await checker.getByRole('table').getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(checker, 'the search finding the story');
    await checker.goto(`/consultations/${other.id}`);
    await waitForPage(checker);
    const suggested = checker.getByRole('region', { name: '似た課題を解決した事例' });
    await suggested.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(checker, 'the consultation with the story suggested');

    // The public site, signed out: the story is listed and opens; a story with consent not yet put there is not.
    const visitor = await h.newPage();
    await visitor.goto('/public/good-practices');
    await expectHeading(visitor, '好事例');
    const listed = visitor.getByRole('main').getByRole('link', { name: TITLE });
    await listed.waitFor();
    await visitor
      .getByRole('link', { name: '医療的ケア児等コーディネーターを地域生活支援事業で配置した' })
      .waitFor();
    expect(await visitor.getByText('就学の1年前に教育委員会と支援会議を開き', { exact: false }).count()).toBe(
      0,
    );
    await expectNoAxeViolations(visitor, 'the public good practices');
    await listed.click();
    await expectHeading(visitor, TITLE);
    await visitor.getByRole('link', { name: '好事例の一覧へ' }).waitFor();
    expect(await visitor.getByText('0466-00-0000').count(), 'the text as checked, on the public page').toBe(
      1,
    );
    await expectNoAxeViolations(visitor, 'a public good practice');
    h.assertClean();
  }, 240_000);
});
