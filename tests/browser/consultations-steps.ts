/**
 * Steps and fixtures of the consultations journey (consultations.test.ts): the family's request, finding the
 * case by its receipt number, asking another team, recording a referral, a case whose child is hidden and a
 * child's record whose closed cases are folded under their count.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations, textOf, waitForPage } from './harness';

export const FAMILY_EMAIL = 'soudan-hanako@example.jp';

export const NARRATIVE = '停電のときに吸引器をどう動かすか相談したい（ブラウザテスト）';

type Summary = { id: string; source: string };
type Detail = { id: string; receiptNo: string | null; ownerTeam: { tier: string }; allowedActions: string[] };

export async function apiStatus(page: Page, id: string): Promise<number> {
  return (await page.request.get(`/api/consultations/${id}`)).status();
}

/** Opens the consultation page and waits until its details are shown. */
export async function openCase(page: Page, id: string) {
  await page.goto(`/consultations/${id}`);
  await waitForPage(page);
  await page.getByRole('region', { name: '相談の内容' }).waitFor();
}

/** The public form filled in for 藤沢市: a family with an address, urgent, on disaster readiness and medical care. */
export async function fillConsultationRequest(page: Page) {
  await page.locator('[name="municipalityCode"]').selectOption({ label: '藤沢市' });
  await page.locator('[name="name"]').fill('相談 花子');
  await page.locator('[name="phone"]').fill('090-0000-1111');
  await page.locator('[name="email"]').fill(FAMILY_EMAIL);
  await page.getByLabel('災害への備え').check();
  await page.getByLabel('医療的ケア', { exact: true }).check();
  await page.locator('[name="urgency"]').selectOption('urgent');
  await page.getByLabel('相談の内容').fill(NARRATIVE);
}

/** The id of the case carrying the receipt number, from the team's queue of urgent disaster cases. */
export async function caseIdByReceipt(municipal: Page, receiptNo: string): Promise<string> {
  let id = '';
  const list = (await (
    await municipal.request.get('/api/consultations?view=team&urgency=urgent&topic=disaster&pageSize=100')
  ).json()) as { items: Summary[] };
  for (const item of list.items.filter((i) => i.source === 'public_form')) {
    const d = (await (await municipal.request.get(`/api/consultations/${item.id}`)).json()) as Detail;
    if (d.receiptNo === receiptNo) id = d.id;
  }
  return id;
}

/** Asks another team from the case: the kind of request (移管 or 後方支援), to whom and why. */
export async function askFor(municipal: Page, kind: string, to: string, reason: string) {
  await municipal.getByRole('button', { name: '移管・後方支援を依頼する' }).click();
  const ask = municipal.getByRole('region', { name: '依頼する' });
  await ask.getByLabel('依頼の種類').selectOption({ label: kind });
  await ask.getByLabel('依頼先').selectOption({ label: to });
  await ask.getByLabel('依頼の理由').fill(reason);
  await ask.getByRole('button', { name: '依頼を送る' }).click();
  await municipal.getByRole('status').filter({ hasText: '依頼を送りました。' }).waitFor();
}

/** Records a referral to a home-visit nursing service of the directory, with a follow-up in two weeks. */
export async function recordReferral(centre: Page) {
  await centre.getByRole('button', { name: '記録する', exact: true }).click();
  const add = centre.getByRole('region', { name: '対応を記録' });
  await add.getByLabel('対応の種類').selectOption({ label: '社会資源への紹介' });
  const found = (await (
    await centre.request.get('/api/resources/services?q=訪問看護&status=active&pageSize=10')
  ).json()) as { items: { id: string; name: string }[] };
  const service = found.items[0];
  expect(service, 'the demo directory has a home-visit nursing service').toBeTruthy();
  await add.getByLabel('社会資源の一覧から探す').fill('訪問看護');
  await add.getByRole('button', { name: '検索する', exact: true }).click();
  await add.getByText('紹介先のサービス（').waitFor();
  await expectNoAxeViolations(centre, 'consultation (centre, referral search)');
  await add.locator('li button').first().click();
  await add.getByText(`選んだ紹介先：${service!.name}`).waitFor();
  const followUp = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await add.getByLabel('フォローアップ日').fill(followUp);
  await add.getByLabel('かかった時間（分）').fill('30');
  await add.getByRole('button', { name: '記録する' }).click();
  await centre.getByRole('status').filter({ hasText: '対応を記録しました。' }).waitFor();
  const timeline = centre.getByRole('region', { name: '対応の記録' });
  const listing = timeline.getByRole('link', { name: service!.name });
  await listing.waitFor();
  expect(await listing.getAttribute('href')).toBe(`/resources/services/${service!.id}`);
  expect(await textOf(timeline)()).toContain('フォローアップ待ち');
  await expectNoAxeViolations(centre, 'consultation (centre, referral recorded)');
  return { service, timeline };
}

/** A case of a registered child whose details are hidden from the centre (outside the consents), if any. */
export async function hiddenChildCase(centre: Page) {
  type Child = { kind: string; childId: string | null; name: string | null; detailsHidden: boolean };
  let hidden: { id: string; child: Child } | null = null;
  for (let page = 1; page <= 5 && !hidden; page++) {
    const list = (await (
      await centre.request.get(`/api/consultations?view=all&status=any&pageSize=100&page=${page}`)
    ).json()) as { items: (Summary & { childKind: string })[] };
    for (const item of list.items.filter((i) => i.childKind === 'registered')) {
      const d = (await (await centre.request.get(`/api/consultations/${item.id}`)).json()) as {
        id: string;
        child: Child;
      };
      if (d.child.detailsHidden) {
        hidden = d;
        break;
      }
    }
  }
  return hidden;
}

/** A child the reader may see with an open and a closed consultation (as its record lists them), if any. */
async function childWithOpenAndClosedCases(page: Page) {
  type Case = { id: string; caseNumber: string; closedAt: string | null };
  const kids = (await (await page.request.get('/api/children?pageSize=100')).json()) as {
    items: { id: string }[];
  };
  for (const child of kids.items) {
    const list = (await (
      await page.request.get(
        `/api/consultations?view=all&status=any&childId=${child.id}&sort=opened&dir=desc&pageSize=20`,
      )
    ).json()) as { items: Case[] };
    const open = list.items.find((c) => !c.closedAt);
    const closed = list.items.find((c) => c.closedAt);
    if (open && closed) return { childId: child.id, open, closed };
  }
  return null;
}

/** On a child's record the open cases show; a closed one stays folded until the line with the count is pressed. */
export async function expectClosedCasesFolded(page: Page) {
  const found = await childWithOpenAndClosedCases(page);
  expect(found, 'the demo has a child with an open and a closed consultation').not.toBeNull();
  await page.goto(`/children/${found!.childId}`);
  await waitForPage(page);
  const cases = page.getByRole('region', { name: '相談の記録' });
  await cases.getByRole('link', { name: found!.open.caseNumber, exact: true }).waitFor();
  const closed = cases.locator(`a[href="/consultations/${found!.closed.id}"]`);
  expect(await closed.isVisible(), 'a closed case shows before its fold is opened').toBe(false);
  await cases.getByText(/^終結した相談を開く（\d+件）$/).click();
  await closed.waitFor();
  expect(await closed.textContent()).toBe(found!.closed.caseNumber);
}
