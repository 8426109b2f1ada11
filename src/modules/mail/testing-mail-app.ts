/**
 * A test app with mail on, sending to a real SMTP server started inside the test (test-smtp.ts), and a `drain`
 * that runs the sender once (tests only).
 */
import { createLogger } from '../../server/logger';
import { createTestApp, type TestApp } from '../../test/app';
import { drainMail } from './sender';
import type { MailSettings } from './settings';
import { startTestSmtp, type TestSmtp } from './test-smtp';
import { smtpTransport } from './transport';

export const TEST_PUBLIC_URL = 'https://tsunagu.example.lg.jp';

export type MailTestApp = {
  t: TestApp;
  smtp: TestSmtp;
  settings: MailSettings;
  /** Sends what is queued; answers the messages that arrived during this drain. */
  drain: () => Promise<TestSmtp['received']>;
  close: () => Promise<void>;
};

export async function mailTestApp(): Promise<MailTestApp> {
  const smtp = await startTestSmtp();
  const settings: MailSettings = {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: undefined,
    password: undefined,
    from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
    publicUrl: TEST_PUBLIC_URL,
    timeoutMs: 2_000,
  };
  const t = await createTestApp({ mail: settings, publicUrl: TEST_PUBLIC_URL });
  const drain = async () => {
    const before = smtp.received.length;
    const transport = smtpTransport(settings);
    try {
      await drainMail(t.db.systemDb, { transport, settings, now: t.clock.now, log: createLogger('silent') });
    } finally {
      transport.close();
    }
    return smtp.received.slice(before);
  };
  return {
    t,
    smtp,
    settings,
    drain,
    close: async () => {
      await t.close();
      await smtp.close();
    },
  };
}

/** The path of the product's link in a mail's text (`/learning/sign-up/confirm#token=…`), or null. */
export function linkIn(text: string): string | null {
  const m = new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/[^\\s]*)`).exec(text);
  return m ? m[1]! : null;
}
