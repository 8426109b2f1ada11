import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness';

/**
 * Survey staff screens (docs/knowledge.md §5) on the demo data: centre staff build a survey with a choice
 * question and a free-text question shown only after one answer (closing date in 和暦), publish it, issue two
 * personal links pasted as Excel lines, see the demo parents' questionnaire locked by its answers and read it by
 * region; an auditor reads without any change button, and municipal staff get not-found. axe on every page;
 * nothing leaves the origin.
 */
let h: Harness;

const TITLE = 'テスト 短期入所の利用についてのアンケート';
const PARENTS = '令和8年度 医療的ケア児の保護者アンケート';

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

describe('survey staff screens', () => {
  it('centre staff build, publish and send a survey, and read the demo results by region', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('centre_staff'));
    await page.getByRole('link', { name: 'アンケート', exact: true }).first().click();
    await expectHeading(page, 'アンケート');
    await expect.poll(() => page.getByRole('link', { name: PARENTS }).count()).toBe(1);
    await expectNoAxeViolations(page, 'surveys list');

    await page.getByRole('link', { name: '新規作成' }).click();
    await expectHeading(page, 'アンケートを作成');
    await page.getByLabel(/^題名/).fill(TITLE);
    await page.getByLabel('締切日').fill('令和9年3月31日');
    await page.getByRole('button', { name: '質問を追加' }).click();
    const q1 = page.getByRole('group', { name: '質問1' });
    await q1.getByLabel(/^質問文/).fill('短期入所を利用できていますか');
    await q1.getByLabel('選択肢（1行に1つ）').fill('利用できている\n利用できていない');
    await q1.getByLabel('回答を必須にする').check();
    await page.getByLabel('追加する質問の種類').selectOption('long_text');
    await page.getByRole('button', { name: '質問を追加' }).click();
    const q2 = page.getByRole('group', { name: '質問2' });
    await q2.getByLabel(/^質問文/).fill('困っていることを教えてください');
    await q2.getByLabel('表示する条件').selectOption('q1');
    await q2.getByLabel('利用できていない').check();
    await expect.poll(() => page.getByText('質問 2問（必須 1問・条件付き 1問）').count()).toBe(1);
    await expectNoAxeViolations(page, 'survey builder');
    await page.getByRole('button', { name: '作成する' }).click();
    await expectHeading(page, TITLE);
    await expect.poll(() => page.getByText('作成中').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '公開する' }).click();
    await expect.poll(() => page.getByText('回答の受付を始めました。').count()).toBe(1);
    const openLink = page.getByRole('textbox', { name: /^公開リンク/ });
    await expect.poll(() => openLink.inputValue()).toMatch(/\/public\/surveys\/[A-Za-z0-9_-]{16,}$/);

    await page.getByRole('button', { name: '送付先を追加' }).click();
    await page
      .getByLabel('送付先（1行に1人）')
      .fill('氏名\tメール\t市町村\n山田 花子\thanako@example.jp\t藤沢市\n佐藤 一郎\tichiro@example.jp');
    await expect.poll(() => page.getByText('2人を読み取りました。').count()).toBe(1);
    await page.getByRole('button', { name: 'リンクを発行' }).click();
    const issued = page.getByRole('table', { name: '発行したリンク' });
    await expect.poll(() => issued.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByText('送付 2件（回答済み 0件・未回答 2件）').count()).toBe(1);
    await expectNoAxeViolations(page, 'survey page');

    // The demo parents' questionnaire: results by region, then one region.
    await page.getByRole('link', { name: 'アンケートの一覧へ戻る' }).click();
    await expectHeading(page, 'アンケート');
    await page.getByRole('link', { name: PARENTS }).click();
    await expectHeading(page, PARENTS);
    // Its answers lock the questions, and the builder says why.
    await page.getByRole('link', { name: '編集' }).click();
    await expectHeading(page, `アンケートを編集：${PARENTS}`);
    await expect.poll(() => page.getByText(/件の回答が届いているため、質問は変更できません/).count()).toBe(1);
    expect(await page.getByRole('button', { name: '質問を追加' }).count()).toBe(0);
    await page.getByRole('link', { name: 'アンケートのページへ戻る' }).click();
    await expectHeading(page, PARENTS);
    await page.getByRole('link', { name: '集計を見る' }).click();
    await expectHeading(page, `集計：${PARENTS}`);
    const byRegion = page.getByRole('table', { name: '圏域別の回答数', exact: true });
    await expect.poll(() => byRegion.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const region = (await byRegion.locator('tbody th').first().textContent())!.trim();
    await page.getByLabel('圏域で絞り込む').selectOption({ label: region });
    await expect.poll(() => byRegion.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: /質問1の選択肢ごとの回答数/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'survey results');
    h.assertClean();
  }, 150_000);

  it('shows an auditor no change button, and municipal staff not-found', async () => {
    const page = await h.newPage();
    await signIn(page, h.account('auditor'));
    await page.goto('/surveys');
    await expectHeading(page, 'アンケート');
    expect(await page.getByRole('link', { name: '新規作成' }).count()).toBe(0);
    await page.getByRole('link', { name: PARENTS }).click();
    await expectHeading(page, PARENTS);
    for (const name of ['締め切る', '編集', '送付先を追加', '未回答者にリマインド']) {
      expect(await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count()).toBe(0);
    }
    expect(await page.getByRole('link', { name: '集計を見る' }).count()).toBe(1);

    const other = await h.newPage();
    await signIn(other, h.account('municipal_staff'));
    expect(await other.getByRole('link', { name: 'アンケート', exact: true }).count()).toBe(0);
    await other.goto('/surveys');
    await expectHeading(other, 'ページが見つかりません');
    h.assertClean();
  }, 90_000);
});
