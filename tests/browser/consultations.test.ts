import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../src/test/factories';
import {
  apiStatus,
  askFor,
  caseIdByReceipt,
  expectClosedCasesFolded,
  FAMILY_EMAIL,
  fillConsultationRequest,
  hiddenChildCase,
  NARRATIVE,
  openCase,
  recordReferral,
} from './consultations-steps';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  hasJapanese,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';
import { type JourneyMail, startJourneyMail } from './mail-steps';

/**
 * Consultations (issue 5) end to end: a family's online request reaches 藤沢市 → the municipal coordinator asks
 * the region for back-up → hands the case off to the centre → the centre accepts, refers to a resource and
 * closes (the referral picks a service of the directory; its follow-up is marked done; the case prints). At
 * each step every user sees only what their tier and area allow; 茅ヶ崎市 never sees it (404). With mail on, the
 * family left an address: it gets the acknowledgement with its receipt number, and the municipality's reply.
 */
let h: Harness;
let mail: JourneyMail;

beforeAll(async () => {
  mail = await startJourneyMail();
  h = await startHarness({ children: 20, mail: mail.settings });
});

afterAll(async () => {
  await h?.close();
  await mail?.close();
});

describe('consultations', () => {
  let receiptNo = '';
  let id = '';
  let municipal: Page;
  let other: Page;

  it('a family asks for a consultation online and gets a receipt number', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/public/consultations');
    await waitForPage(page);
    await expectHeading(page, '相談の申し込み');
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'public consultation form');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('Ask for a consultation');
    const labels = await page
      .locator('main label, main legend, main h1, main button')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    expect(labels.filter(hasJapanese), 'Japanese UI text in English').toEqual([]);
    await expectNoAxeViolations(page, 'public consultation form (en)');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(textOf(page.getByRole('heading', { level: 1 }))).toBe('相談の申し込み');

    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByRole('alert').filter({ hasText: '入力内容を確認してください' }).waitFor();
    await expectNoAxeViolations(page, 'public consultation form (errors)');

    await fillConsultationRequest(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the form scrolls sideways on a phone').toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByRole('heading', { level: 1, name: '受け付けました' }).waitFor();
    receiptNo = await page.getByLabel('受付番号').inputValue();
    expect(receiptNo).toMatch(/^C-/);
    await expectNoAxeViolations(page, 'public consultation receipt');
    h.assertClean();
  });

  it('the municipality finds it in its team queue; the region and another municipality do not see it', async () => {
    expect(receiptNo).not.toBe('');
    // The municipal coordinator works on a tablet.
    municipal = await h.newPage({ viewport: { width: 820, height: 1180 } });
    await signIn(municipal, h.account('municipal_staff'));
    const nav = municipal.getByRole('navigation', { name: 'メインメニュー' });
    expect(await textOf(nav)()).toContain('相談支援');
    // Which case is ours: the one carrying the receipt number.
    id = await caseIdByReceipt(municipal, receiptNo);
    expect(id).not.toBe('');

    await municipal.goto('/consultations?view=team&urgency=urgent&topic=disaster');
    await waitForPage(municipal);
    await expectHeading(municipal, '相談の一覧');
    const table = municipal.getByRole('table');
    await table.waitFor();
    await expectNoAxeViolations(municipal, 'queue (municipality, team)');
    // The row carries the decision: case number (the link), urgency, subject, assignee, next action.
    const caseNumber = (await table.locator(`a[href="/consultations/${id}"]`).textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(/^R\d+-\d{4,}$/);
    const row = table.locator('tr', { has: municipal.locator(`a[href="/consultations/${id}"]`) });
    expect(await textOf(row)()).toContain('至急');
    expect(await textOf(row)()).toContain('未割り当て');
    // Every column sorts on the server; the header says which way.
    await table.getByRole('button', { name: '件名で並べ替え' }).click();
    await expect.poll(() => municipal.url()).toContain('sort=subject');
    await expect
      .poll(() => table.getByRole('columnheader', { name: /件名/ }).getAttribute('aria-sort'))
      .toBe('ascending');
    // A case is found by its number, typed as people write it.
    await municipal.getByLabel('相談番号で探す').fill(caseNumber.toLowerCase());
    await municipal.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => municipal.url()).toContain('caseNumber=');
    await expect.poll(textOf(municipal.getByRole('table'))).toContain(caseNumber);
    expect(await municipal.getByRole('table').locator('tbody tr').count()).toBe(1);
    await municipal.getByRole('table').locator(`a[href="/consultations/${id}"]`).click();
    await waitForPage(municipal);
    // The page leads with the case: number and subject as its title, then the header.
    expect(await textOf(municipal.getByRole('heading', { level: 1 }))()).toContain(caseNumber);
    const header = municipal.getByRole('region', { name: '相談の概要' });
    expect(await textOf(header)()).toContain('対応中');
    const details = municipal.getByRole('region', { name: '相談の内容' });
    await details.waitFor();
    const text = await textOf(details)();
    expect(text).toContain(NARRATIVE);
    expect(text).toContain('ウェブフォーム');
    expect(text).toContain(receiptNo);
    await expectNoAxeViolations(municipal, 'consultation (municipality)');
    const sideways = await municipal.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, 'the consultation page scrolls sideways on a tablet').toBeLessThanOrEqual(0);
    // Forms open from the actions, not all at once.
    expect(await municipal.getByRole('region', { name: '対応を記録' }).count()).toBe(0);
    // The coordinator sets what to do next and when; the queue's overdue list follows this date.
    await municipal.getByRole('button', { name: '件名・次の対応を変更' }).click();
    const next = municipal.getByRole('region', { name: '件名と次の対応' });
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await next.getByLabel('次の対応（内容）').fill('家族に折り返し電話する');
    await next.getByLabel('次の対応日').fill(inThreeDays);
    await next.getByRole('button', { name: '変更する' }).click();
    await municipal.getByRole('status').filter({ hasText: '件名と次の対応を変更しました。' }).waitFor();
    await expect.poll(textOf(header)).toContain('家族に折り返し電話する');

    // The family left an address: the coordinator replies by mail from the case (no health information).
    await municipal.getByRole('button', { name: '相談者へメールで返信' }).click();
    const reply = municipal.getByRole('form', { name: '相談者へメールで返信' });
    await reply.getByLabel('件名').fill('ご相談ありがとうございます');
    await reply.getByLabel('本文').fill('明日の午前中にお電話します。');
    await reply.getByRole('button', { name: '送信する' }).click();
    await municipal.getByRole('status').filter({ hasText: '返信をメールの送信待ちに入れ' }).waitFor();
    await expectNoAxeViolations(municipal, 'consultation (reply sent)');
    const toFamily = (await mail.deliver(h)).filter((m) => m.to.includes(FAMILY_EMAIL));
    const acknowledged = `【つなぐ】相談のお申し込みを受け付けました（受付番号 ${receiptNo}）`;
    const replied = `【つなぐ】ご相談ありがとうございます（受付番号 ${receiptNo}）`;
    expect(toFamily.map((m) => m.subject).sort()).toEqual([acknowledged, replied].sort());
    expect(toFamily.find((m) => m.subject === replied)!.text).toContain('明日の午前中にお電話します。');
    for (const m of toFamily) expect(m.text).not.toContain(NARRATIVE);

    // Regional coordinators do not see their municipalities' cases until asked (first-line work is municipal).
    const region = await h.newPage();
    await signIn(region, h.account('regional_coordinator'));
    expect(await apiStatus(region, id)).toBe(404);

    const otherUser = await makeUser(h.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142077',
    });
    other = await h.newPage();
    await signIn(other, {
      role: 'municipal_staff',
      label: '',
      email: otherUser.email,
      password: TEST_PASSWORD,
    });
    expect(await apiStatus(other, id)).toBe(404);
    await other.goto(`/consultations/${id}`);
    await waitForPage(other);
    await expectHeading(other, 'ページが見つかりません');
    expect(await other.content()).not.toContain(NARRATIVE);
    await expectNoAxeViolations(other, 'consultation (other municipality)');
    h.assertClean();
  });

  it('the municipality asks the region for back-up, and the region accepts', async () => {
    await askFor(municipal, '後方支援', '圏域：湘南東部', '災害時の計画づくりの経験がないため');
    await expect
      .poll(textOf(municipal.getByRole('region', { name: '依頼と共有' })))
      .toContain('後方支援：依頼中');
    await expectNoAxeViolations(municipal, 'consultation (back-up requested)');

    const region = await h.newPage();
    await signIn(region, h.account('regional_coordinator'));
    expect(await apiStatus(region, id)).toBe(200);
    await region.goto('/consultations?view=handoffs-inbox');
    await waitForPage(region);
    await region.getByRole('table').locator(`a[href="/consultations/${id}"]`).waitFor();
    await expectNoAxeViolations(region, 'queue (region, requests received)');
    await openCase(region, id);
    // The region may decide the request, not close or send the case on (it does not own it).
    expect(await region.getByRole('region', { name: '終結する' }).count()).toBe(0);
    expect(await region.getByRole('region', { name: '依頼する' }).count()).toBe(0);
    const requests = region.getByRole('region', { name: '依頼と共有' });
    await requests.getByLabel('辞退の理由').waitFor();
    await expectNoAxeViolations(region, 'consultation (region, request pending)');
    await requests.getByRole('button', { name: '受諾する' }).click();
    await region.getByRole('status').filter({ hasText: '依頼を更新しました。' }).waitFor();
    await expect.poll(textOf(requests)).toContain('後方支援：受諾');
    expect(await requests.getByRole('button', { name: '受諾する' }).count()).toBe(0);
    expect(await apiStatus(other, id)).toBe(404);
    h.assertClean();
  });

  it('the municipality hands the case off to the centre', async () => {
    await municipal.reload();
    await waitForPage(municipal);
    await askFor(municipal, '移管', 'センター（本部）', '医療機関との調整が必要なため');
    const requests = municipal.getByRole('region', { name: '依頼と共有' });
    await expect.poll(textOf(requests)).toContain('移管：依頼中');
    // Only the asking team may withdraw it.
    await requests.getByRole('button', { name: '取り下げる' }).waitFor();
    await expectNoAxeViolations(municipal, 'consultation (hand-off requested)');
    expect(await apiStatus(other, id)).toBe(404);
    h.assertClean();
  });

  it('the centre accepts, refers to a directory service, marks the follow-up done, closes and prints', async () => {
    const centre = await h.newPage();
    await signIn(centre, h.account('centre_staff'));
    // The request reached the centre's staff as a notification that opens the case.
    await centre.goto('/notifications');
    await expectHeading(centre, 'お知らせ');
    const notice = centre.getByRole('main').locator(`a[href="/consultations/${id}"]`).first();
    expect(await textOf(notice)()).toContain('移管');
    await notice.click();
    await expect.poll(() => centre.url()).toContain(`/consultations/${id}`);
    await centre.goto('/consultations?view=handoffs-inbox');
    await waitForPage(centre);
    await centre.getByRole('table').locator(`a[href="/consultations/${id}"]`).click();
    await waitForPage(centre);
    const requests = centre.getByRole('region', { name: '依頼と共有' });
    await requests.getByRole('button', { name: '受諾する' }).waitFor();
    await expectNoAxeViolations(centre, 'consultation (centre, hand-off pending)');
    await requests.getByRole('button', { name: '受諾する' }).click();
    await expect.poll(textOf(requests)).toContain('移管：受諾');
    await expect.poll(textOf(centre.getByRole('region', { name: '相談の概要' }))).toContain('センター');

    // The centre carries the case now; it hands it to a colleague and takes it back ("assign to me").
    await centre.getByRole('button', { name: '担当者を変更' }).click();
    const assign = centre.getByRole('region', { name: '担当者の変更' });
    await assign.getByLabel('新しい担当者').selectOption({ index: 1 });
    await assign.getByRole('button', { name: '担当者を変更する' }).click();
    await centre.getByRole('status').filter({ hasText: '担当者を変更しました。' }).waitFor();
    await assign.getByRole('button', { name: '自分が担当する' }).click();
    await expect.poll(textOf(assign)).toContain(`現在の担当者：デモ ${h.account('centre_staff').label}`);

    // The referral picks a real service of the directory (the demo prefecture has a few hundred).
    const { service, timeline } = await recordReferral(centre);

    // The family reached the service: the follow-up is marked done from the timeline.
    await timeline.getByRole('button', { name: 'フォローアップ完了' }).click();
    await timeline.getByLabel('フォローアップの方法').selectOption({ label: '電話' });
    await timeline.getByLabel('かかった時間（分）').fill('10');
    await timeline.getByLabel('メモ').fill('利用開始を確認した');
    await expectNoAxeViolations(centre, 'consultation (centre, follow-up form)');
    await timeline.getByRole('button', { name: '完了を記録する' }).click();
    await centre.getByRole('status').filter({ hasText: 'フォローアップ完了を記録しました。' }).waitFor();
    await expect.poll(textOf(timeline)).toContain('フォローアップ済み');
    expect(await timeline.getByRole('button', { name: 'フォローアップ完了' }).count()).toBe(0);

    await centre.getByRole('button', { name: '終結する', exact: true }).click();
    const close = centre.getByRole('region', { name: '終結する' });
    await close.getByLabel('結果').selectOption({ label: '紹介先につないだ' });
    await close.getByLabel('終結のメモ').fill('訪問看護ステーションにつないだ');
    await close.getByRole('button', { name: '終結する' }).click();
    await expect
      .poll(textOf(centre.getByRole('region', { name: '相談の内容' })))
      .toContain('紹介先につないだ');
    expect(await centre.getByRole('region', { name: '終結する' }).count()).toBe(0);
    await expectNoAxeViolations(centre, 'consultation (closed)');

    // In English too: every label of the page comes in the chosen language (names of teams are data).
    await centre.getByRole('button', { name: 'English' }).click();
    await centre.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    // The title is the case number and its subject (data, like the names of teams): the rest must be English.
    expect(await textOf(centre.getByRole('heading', { level: 1 }))()).toMatch(/^R\d+-\d{4,} /);
    const labels = await centre
      .locator('main h2, main dt, main label, main button')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    expect(labels.filter(hasJapanese), 'Japanese UI text in English').toEqual([]);
    await expectNoAxeViolations(centre, 'consultation (closed, en)');
    await centre.getByRole('button', { name: '日本語' }).click();
    await centre.getByRole('heading', { level: 2, name: '対応の記録' }).waitFor();

    // The printable summary: the same case as the centre may see it, with the referral and its follow-up.
    await centre.goto(`/consultations/${id}/print`);
    await centre.getByRole('heading', { level: 1, name: '相談記録の概要' }).waitFor();
    await centre.getByRole('heading', { level: 2, name: '紹介とフォローアップ' }).waitFor();
    const printed = await textOf(centre.locator('main'))();
    expect(printed).toContain(service!.name);
    expect(printed).toContain('紹介先につないだ');
    expect(printed).toContain(NARRATIVE);
    expect(await centre.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    await expectNoAxeViolations(centre, 'consultation printout');
    expect(await apiStatus(other, id)).toBe(404);
    await other.goto(`/consultations/${id}/print`);
    await waitForPage(other);
    expect(await other.content()).not.toContain(NARRATIVE);

    // After the hand-off: the municipality no longer owns it (it did not stay as back-up), the region keeps its
    // accepted back-up, 茅ヶ崎市 still gets 404, and the auditor reads it without any way to change it.
    expect(await apiStatus(municipal, id)).toBe(404);
    const region = await h.newPage();
    await signIn(region, h.account('regional_coordinator'));
    expect(await apiStatus(region, id)).toBe(200);
    expect(await apiStatus(other, id)).toBe(404);
    await other.goto(`/consultations/${id}`);
    await waitForPage(other);
    await expectHeading(other, 'ページが見つかりません');

    const auditor = await h.newPage();
    await signIn(auditor, h.account('auditor'));
    await openCase(auditor, id);
    for (const name of ['対応を記録', '依頼する', '終結する']) {
      expect(await auditor.getByRole('region', { name }).count(), name).toBe(0);
    }
    for (const name of ['記録する', '件名・次の対応を変更', '移管・後方支援を依頼する', '終結する']) {
      expect(await auditor.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await auditor.getByRole('button', { name: '受諾する' }).count()).toBe(0);
    await expectNoAxeViolations(auditor, 'consultation (auditor)');
    h.assertClean();
  });

  it('the caseload board and the figures of the 年度 show for the centre', async () => {
    // Tablet portrait: no page scrolls sideways (wide tables scroll inside their own region).
    const centre = await h.newPage({ viewport: { width: 768, height: 1024 } });
    await signIn(centre, h.account('centre_admin'));
    for (const path of [
      '/consultations',
      '/consultations/new',
      '/consultations/caseload',
      '/consultations/figures',
    ]) {
      await centre.goto(path);
      await waitForPage(centre);
      const sideways = await centre.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${path} scrolls sideways at 768px`).toBeLessThanOrEqual(0);
    }
    await centre.goto('/consultations/caseload');
    await waitForPage(centre);
    await centre.getByRole('region', { name: '集中の判定ルール' }).waitFor();
    expect(await textOf(centre.getByRole('region', { name: '集中の判定ルール' }))()).toContain('圏域ごとに');
    await expectNoAxeViolations(centre, 'caseload board');
    // Centre administrators change the rule; the explanation follows it.
    const rule = centre.getByRole('region', { name: '集中の判定ルール' });
    await rule.getByLabel('警告する担当割合（%）').fill('55');
    await rule.getByRole('button', { name: 'ルールを保存' }).click();
    await centre.getByRole('status').filter({ hasText: 'ルールを保存しました。' }).waitFor();
    await expect.poll(textOf(rule)).toContain('55%を超えて');
    // The menu lists the consultation screens.
    const nav = centre.getByRole('navigation', { name: 'メインメニュー' });
    expect(await textOf(nav)()).toContain('相談支援');
    await centre.goto('/consultations/figures');
    await waitForPage(centre);
    await centre.getByRole('table', { name: '最初に受けた階層' }).waitFor();
    await expectNoAxeViolations(centre, 'figures');
    const href = await centre.getByRole('link', { name: 'Excelでダウンロード' }).getAttribute('href');
    const xlsx = await centre.request.get(href!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await centre.goto('/consultations/new');
    await waitForPage(centre);
    await expectNoAxeViolations(centre, 'new consultation');
    h.assertClean();
  });

  it('a case whose child the viewer may not see shows “a registered child” without details; a record folds closed cases', async () => {
    const centre = await h.newPage();
    await signIn(centre, h.account('centre_staff'));
    const hidden = await hiddenChildCase(centre);
    expect(hidden, 'the demo has a case whose child is hidden from the centre').not.toBeNull();
    expect(hidden!.child.childId).toBeNull();
    expect(hidden!.child.name).toBeNull();
    await openCase(centre, hidden!.id);
    const header = await textOf(centre.getByRole('region', { name: '相談の概要' }))();
    expect(header).toContain('同意の範囲外のため詳細は表示しません');
    expect(await centre.getByRole('link', { name: '台帳の記録を開く' }).count()).toBe(0);
    await expectNoAxeViolations(centre, 'consultation (child hidden)');
    await expectClosedCasesFolded(centre);
    h.assertClean();
  });
});
