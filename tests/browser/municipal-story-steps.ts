/**
 * Helpers of the municipal support story (municipal-story.test.ts): the JSON calls of its set-up, the day in
 * Japan, and the activity report's figures as the screen prints them.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { serviceBody } from '../../src/modules/resources/testing';
import { expectHeading, expectNoAxeViolations } from './harness';

export const FUJISAWA = '142051';
export const CHIGASAKI = '142077';

export const STORY = {
  meeting: '4課協議（藤沢市）医療的ケア児の預かり',
  minutes:
    '保育課：医療的ケア児の一時預かりの申込みが3件あったが、看護師がいないため受けられなかった。\n' +
    '母子保健課：保護者の通院や兄弟の行事のときに預け先がないとの声が続いている。\n' +
    '→ 市内に預け先がないことを地域課題として提起する。',
  issue: '医療的ケア児の一時預かり先が市内にない',
  issueText:
    '保護者の通院や兄弟の行事のときに、子を預けられる先がない（4課協議で保育課・母子保健課から報告）。',
  proposal: '圏域ごとに医療的ケア児の一時預かりの場を確保することを提言する。',
  answer: '来年度、モデル事業として2圏域で実施する。',
  project: '藤沢市の医療型短期入所',
  organisation: '医療法人 しおさい会',
  listing: 'しおさいこども病院 短期入所',
} as const;

/** Today in Japan as YYYY-MM-DD (the server's day for every step). */
export const todayInJapan = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

/** A JSON request with the session's CSRF token, as the screens send it. */
export async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

/** The short-stay place's listing in the directory (藤沢市), which the project links once it opens. */
export async function createListing(page: Page): Promise<void> {
  const org = await api(page, 'POST', '/api/resources/organizations', { name: STORY.organisation });
  expect(org.status).toBe(200);
  const service = await api(
    page,
    'POST',
    '/api/resources/services',
    serviceBody(String(org.body.id), {
      name: STORY.listing,
      type: 'medical_short_stay',
      location: { address: '藤沢市鵠沼海岸1-1', municipalityCode: FUJISAWA },
    }),
  );
  expect(service.status).toBe(200);
}

/** The figures of the report the story follows: [section title, row label] as printed. */
export const REPORT_ROWS = {
  fourDivision: ['市町村支援', '4課協議'],
  raised: ['地域課題と資源開発', '提起された地域課題'],
  carriedUp: ['地域課題と資源開発', '引き上げられた課題'],
  toCouncil: ['地域課題と資源開発', 'うち県の協議の場へ'],
  proposed: ['地域課題と資源開発', 'うち県への提言'],
  answered: ['地域課題と資源開発', '回答を得た課題'],
  toDevelopment: ['地域課題と資源開発', '資源開発に至った課題'],
  openings: ['地域課題と資源開発', '年度中の開設'],
} as const;
export type ReportFigures = Record<keyof typeof REPORT_ROWS, number>;

/**
 * Opens 事業実績報告 from the menu (this 年度, the whole prefecture) and reads the story's figures off the
 * screen: each section is a region named by its heading, each figure a row headed by its label.
 */
export async function readReport(page: Page, label: string): Promise<ReportFigures> {
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '事業実績報告' })
    .click();
  await expectHeading(page, '事業実績報告');
  await page.getByRole('region', { name: '地域課題と資源開発' }).waitFor();
  await expectNoAxeViolations(page, label);
  const out = {} as ReportFigures;
  for (const [key, [section, row]] of Object.entries(REPORT_ROWS)) {
    const cell = page
      .getByRole('region', { name: section, exact: true })
      .locator('tr')
      .filter({ has: page.locator('th', { hasText: new RegExp(`^${row}$`) }) })
      .locator('td');
    const text = ((await cell.textContent()) ?? '').replace(/[,\s]/g, '');
    expect(text, `${section} › ${row}`).toMatch(/^\d+$/);
    out[key as keyof ReportFigures] = Number(text);
  }
  return out;
}
