/**
 * Steps of the survey story journey (survey-story.test.ts) that are plumbing rather than what it proves: a real
 * SMTP server the app mails through and the round that sends the outbox, a parent answering on a phone, and an
 * .xlsx download read back cell by cell.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { drainMail } from '../../src/modules/mail/sender';
import type { MailSettings } from '../../src/modules/mail/settings';
import { type Received, startTestSmtp } from '../../src/modules/mail/test-smtp';
import { smtpTransport } from '../../src/modules/mail/transport';
import { createLogger } from '../../src/server/logger';
import { expectHeading, type Harness } from './harness';

/** The product's address in the mails (PUBLIC_URL); the phone opens the same path on the test server. */
const PUBLIC_URL = 'https://tsunagu.example.lg.jp';

export type StoryMail = {
  settings: MailSettings;
  /** Sends everything the outbox holds to the SMTP server now; answers the messages that arrived. */
  deliver(h: Harness): Promise<Received[]>;
  close(): Promise<void>;
};

export async function startStoryMail(): Promise<StoryMail> {
  const smtp = await startTestSmtp();
  const settings: MailSettings = {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: undefined,
    password: undefined,
    from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
    publicUrl: PUBLIC_URL,
    timeoutMs: 5_000,
  };
  return {
    settings,
    async deliver(h) {
      const before = smtp.received.length;
      const transport = smtpTransport(settings);
      try {
        const log = createLogger('silent');
        const sent = await drainMail(h.db.systemDb, { transport, settings, now: h.deps.now, log });
        if (sent.retried + sent.bounced + sent.failed > 0)
          throw new Error(`mail not sent: ${JSON.stringify(sent)}`);
      } finally {
        transport.close();
      }
      return smtp.received.slice(before);
    },
    close: () => smtp.close(),
  };
}

/** The path of the survey link a mail carries (`/public/surveys/<token>`). */
export function linkPathIn(mail: Received): string {
  const m = new RegExp(`${PUBLIC_URL.replaceAll('.', '\\.')}(/public/surveys/[A-Za-z0-9_-]{16,64})`).exec(
    mail.text,
  );
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
