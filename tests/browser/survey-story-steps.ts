/**
 * Steps of the survey story journey (survey-story.test.ts) that are plumbing rather than what it proves: the
 * survey link a mail carries (the mail itself goes through mail-steps.ts, as in the other journeys), a parent
 * answering on a phone, and an .xlsx download read back cell by cell.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Received } from '../../src/modules/mail/test-smtp';
import { expectHeading, type Harness } from './harness';
import { JOURNEY_PUBLIC_URL } from './mail-steps';

/** The path of the survey link a mail carries (`/public/surveys/<token>`). */
export function linkPathIn(mail: Received): string {
  const m = new RegExp(
    `${JOURNEY_PUBLIC_URL.replaceAll('.', '\\.')}(/public/surveys/[A-Za-z0-9_-]{16,64})`,
  ).exec(mail.text);
  if (!m) throw new Error(`no survey link in the mail to ${mail.to.join(', ')}:\n${mail.text}`);
  return m[1]!;
}

/**
 * A parent on a 360 px phone opens their link, reads how the answer is kept (`kept`), answers (`fill`) and is
 * thanked; answers the thanks page's text.
 */
export async function answerOnPhone(
  h: Harness,
  path: string,
  title: string,
  kept: string,
  fill: (phone: Page) => Promise<void>,
): Promise<string> {
  const phone = await h.newPage({ viewport: { width: 360, height: 780 } });
  await phone.goto(path);
  await expectHeading(phone, title);
  await phone.getByText(kept, { exact: false }).waitFor();
  await fill(phone);
  await phone.getByRole('button', { name: '回答を送信する' }).click();
  await expectHeading(phone, 'ご回答ありがとうございました');
  const thanks = (await phone.locator('body').textContent()) ?? '';
  await phone.context().close();
  return thanks;
}

/** Clicks a download link and reads the .xlsx it saves: each sheet's rows as the cells' text. */
export async function downloadXlsx(page: Page, linkName: string): Promise<Map<string, string[][]>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(download.suggestedFilename());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheets = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.push(cell.text);
      });
      rows.push(cells);
    });
    sheets.set(ws.name, rows);
  });
  return sheets;
}
