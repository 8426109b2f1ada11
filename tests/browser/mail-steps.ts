/**
 * Mail in a journey: a real SMTP server (the `smtp-server` package) the app mails through, and the round that
 * sends the outbox now — the harness starts no sender of its own, so a journey reads exactly what it sent.
 */
import { drainMail } from '../../src/modules/mail/sender';
import type { MailSettings } from '../../src/modules/mail/settings';
import { type Received, startTestSmtp } from '../../src/modules/mail/test-smtp';
import { smtpTransport } from '../../src/modules/mail/transport';
import { createLogger } from '../../src/server/logger';
import type { Harness } from './harness';

/** The product's address in the mails (PUBLIC_URL); a page opens the same path on the test server. */
export const JOURNEY_PUBLIC_URL = 'https://tsunagu.example.lg.jp';

export type JourneyMail = {
  settings: MailSettings;
  /** Sends everything the outbox holds now; answers the messages that arrived (none may fail). */
  deliver(h: Harness): Promise<Received[]>;
  close(): Promise<void>;
};

export async function startJourneyMail(): Promise<JourneyMail> {
  const smtp = await startTestSmtp();
  const settings: MailSettings = {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: undefined,
    password: undefined,
    from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
    publicUrl: JOURNEY_PUBLIC_URL,
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

/** The product path of the link a mail carries (`/learning/sign-up/confirm#token=…`), or null. */
export function linkPath(mail: Received): string | null {
  const m = new RegExp(`${JOURNEY_PUBLIC_URL.replaceAll('.', '\\.')}(/\\S*)`).exec(mail.text);
  return m ? m[1]! : null;
}
