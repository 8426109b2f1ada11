/**
 * bench:mail — the outbox drains 10,000 queued messages to a local SMTP server (smtp-server, started here, keeping
 * nothing) at ≥ 100 messages/s with flat memory (issue 16). Embedded database in memory; BENCH_MESSAGES to change
 * the count. Prints the rate and the heap after each tenth.
 */
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, PGLITE_EXTENSIONS } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { mailMessages } from '../src/db/schema';
import { sendDueMail } from '../src/modules/mail/sender';
import type { MailSettings } from '../src/modules/mail/settings';
import { startTestSmtp } from '../src/modules/mail/test-smtp';
import { smtpTransport } from '../src/modules/mail/transport';
import { createLogger } from '../src/server/logger';
import { makePrefecture } from '../src/test/factories';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const TARGET_PER_SECOND = 100;

async function main() {
  const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
  const db = await openDatabase({ pglite });
  await migrateDatabase(db);
  await makePrefecture(db.systemDb, '43');
  const smtp = await startTestSmtp({ keep: false });
  const settings: MailSettings = {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: undefined,
    password: undefined,
    from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
    publicUrl: 'https://tsunagu.example.lg.jp',
    timeoutMs: 20_000,
  };
  const now = new Date();
  for (let i = 0; i < MESSAGES; i += 1000) {
    await db.systemDb.insert(mailMessages).values(
      Array.from({ length: Math.min(1000, MESSAGES - i) }, (_, k) => ({
        prefectureCode: '43',
        toAddress: `staff${i + k}@example.jp`,
        toName: `職員 ${i + k}`,
        locale: 'ja' as const,
        kind: 'notification' as const,
        subject: '【つなぐ】新しいお知らせがあります',
        bodyText: `職員 ${i + k} 様\n\nつなぐに確認が必要なお知らせがあります。\n\nhttps://tsunagu.example.lg.jp/notifications\n`,
        nextAttemptAt: now,
      })),
    );
  }
  const transport = smtpTransport(settings);
  const log = createLogger('silent');
  global.gc?.();
  const heapStart = process.memoryUsage().heapUsed;
  const started = performance.now();
  let sent = 0;
  let nextReport = MESSAGES / 10;
  const heaps: number[] = [];
  for (;;) {
    const round = await sendDueMail(db.systemDb, { transport, settings, now: () => new Date(), log });
    if (round.claimed === 0) break;
    sent += round.sent;
    if (sent >= nextReport) {
      // Retained heap (after a collection when run with --expose-gc, as `npm run bench:mail` does).
      global.gc?.();
      const mb = process.memoryUsage().heapUsed / 2 ** 20;
      heaps.push(mb);
      console.log(
        `${sent} sent, ${(sent / ((performance.now() - started) / 1000)).toFixed(0)}/s, heap ${mb.toFixed(1)} MB`,
      );
      nextReport += MESSAGES / 10;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = sent / seconds;
  console.log(
    `\n${sent} of ${MESSAGES} messages sent in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} messages/s (target ≥ ${TARGET_PER_SECOND}); ` +
      `the SMTP server received ${smtp.count()}; heap ${(heapStart / 2 ** 20).toFixed(1)} MB at the start, ` +
      `${Math.min(...heaps).toFixed(1)}–${Math.max(...heaps).toFixed(1)} MB while draining`,
  );
  transport.close();
  await smtp.close();
  await pglite.close();
  if (rate < TARGET_PER_SECOND || sent !== MESSAGES) process.exitCode = 1;
}

await main();
