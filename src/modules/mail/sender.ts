/**
 * The mail sender (decision 0028): claims due messages from the outbox and hands them to the relay.
 *
 * A claim moves a batch from `queued` (due) — or from `sending` whose lease ran out (its sender died) — to
 * `sending`, counting the attempt, with `FOR UPDATE SKIP LOCKED`, so two senders (two app servers) never take
 * the same message. Each message is marked `sent` on its own as soon as the relay took it, the update fenced by
 * the attempt it claimed. A crash therefore never loses a message (the row stays, the lease runs out, it is sent
 * again) and a message is sent twice only if the sender dies between the relay's "250 OK" and that update — then
 * both copies carry the same Message-ID. A message to an address that bounces (bounces.ts) is not handed to the
 * relay: it is `failed` / `address_bouncing` until an administrator clears the address and resends it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type SystemDb } from '../../db/client';
import { mailMessages } from '../../db/schema';
import type { Logger } from '../../server/logger';
import { bouncingAmong } from './bounces';
import { classifySendError, GAVE_UP, MAX_MAIL_ATTEMPTS, oneLine, retryDelayMs } from './send-rules';
import type { MailSettings } from './settings';
import type { MailTransport } from './transport';

/** How long a claim holds: comfortably longer than a batch takes, even against a slow relay. */
export const LEASE_MS = 5 * 60_000;
export const BATCH_SIZE = 50;

type Claimed = typeof mailMessages.$inferSelect;

export type SendRound = { claimed: number; sent: number; retried: number; bounced: number; failed: number };

async function claim(db: SystemDb, now: Date, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const rows = await db.execute(sql`
    update ${mailMessages} set status = 'sending', attempts = ${mailMessages.attempts} + 1,
      lease_until = ${lease}::timestamptz
    where ${mailMessages.id} in (
      select id from ${mailMessages}
      where (${mailMessages.status} = 'queued' and ${mailMessages.nextAttemptAt} <= ${at}::timestamptz)
         or (${mailMessages.status} = 'sending' and ${mailMessages.leaseUntil} < ${at}::timestamptz)
      order by ${mailMessages.nextAttemptAt}, ${mailMessages.id}
      for update skip locked
      limit ${limit})
    returning id`);
  const ids = rowsOf<{ id: string }>(rows).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(mailMessages).where(inArray(mailMessages.id, ids));
}

/** The row is still this attempt's: another sender did not take it over after the lease ran out. */
const held = (m: Claimed) =>
  and(eq(mailMessages.id, m.id), eq(mailMessages.status, 'sending'), eq(mailMessages.attempts, m.attempts));

async function sendOne(
  db: SystemDb,
  m: Claimed,
  opts: { transport: MailTransport; settings: MailSettings; now: () => Date; log: Logger },
  bouncing: Set<string>,
): Promise<keyof Omit<SendRound, 'claimed'>> {
  // An address that bounced gets nothing more until an administrator clears it (bounces.ts).
  if (m.toAddress && bouncing.has(m.toAddress.toLowerCase())) {
    await db
      .update(mailMessages)
      .set({ status: 'failed', leaseUntil: null, problem: 'address_bouncing', lastError: null })
      .where(held(m));
    return 'failed';
  }
  if (m.attempts > MAX_MAIL_ATTEMPTS || !m.toAddress || m.bodyText === null) {
    await db
      .update(mailMessages)
      .set({ status: 'failed', leaseUntil: null, problem: m.toAddress ? GAVE_UP : 'no_address' })
      .where(held(m));
    return 'failed';
  }
  try {
    await opts.transport.send({
      from: opts.settings.from,
      to: { name: m.toName, address: m.toAddress },
      subject: m.subject,
      text: m.bodyText,
      messageId: `<${m.id}@${opts.settings.from.address.split('@')[1]}>`,
    });
  } catch (e) {
    const outcome = classifySendError(e);
    if (outcome.kind === 'bounced') {
      opts.log.info({ messageId: m.id, attempt: m.attempts }, 'mail bounced: the relay refused the address');
      await db
        .update(mailMessages)
        .set({ status: 'bounced', leaseUntil: null, problem: outcome.problem, lastError: outcome.detail })
        .where(held(m));
      return 'bounced';
    }
    const delay = retryDelayMs(m.attempts);
    opts.log.warn({ messageId: m.id, attempt: m.attempts, retryInMs: delay }, 'mail not sent; will retry');
    await db
      .update(mailMessages)
      .set(
        delay === null
          ? { status: 'failed', leaseUntil: null, problem: GAVE_UP, lastError: outcome.detail }
          : {
              status: 'queued',
              leaseUntil: null,
              problem: outcome.problem,
              lastError: outcome.detail,
              nextAttemptAt: new Date(opts.now().getTime() + delay),
            },
      )
      .where(held(m));
    return delay === null ? 'failed' : 'retried';
  }
  // The body may hold a one-time link: it is not kept once the relay has the message.
  await db
    .update(mailMessages)
    .set({
      status: 'sent',
      sentAt: opts.now(),
      leaseUntil: null,
      bodyText: null,
      problem: null,
      lastError: null,
    })
    .where(held(m));
  return 'sent';
}

/** Claims one batch of due messages and sends them (over the transport's pool, side by side). */
export async function sendDueMail(
  db: SystemDb,
  opts: { transport: MailTransport; settings: MailSettings; now: () => Date; log: Logger; batch?: number },
): Promise<SendRound> {
  const round: SendRound = { claimed: 0, sent: 0, retried: 0, bounced: 0, failed: 0 };
  const batch = await claim(db, opts.now(), opts.batch ?? BATCH_SIZE);
  round.claimed = batch.length;
  const bouncing = await bouncingAmong(
    db,
    batch.flatMap((m) => (m.toAddress ? [m.toAddress] : [])),
  );
  const outcomes = await Promise.all(batch.map((m) => sendOne(db, m, opts, bouncing)));
  for (const o of outcomes) round[o]++;
  return round;
}

/** Sends until no message is due (tests, the benchmark). */
export async function drainMail(
  db: SystemDb,
  opts: Parameters<typeof sendDueMail>[1],
): Promise<Omit<SendRound, 'claimed'>> {
  const total = { sent: 0, retried: 0, bounced: 0, failed: 0 };
  for (;;) {
    const round = await sendDueMail(db, opts);
    if (round.claimed === 0) return total;
    for (const k of ['sent', 'retried', 'bounced', 'failed'] as const) total[k] += round[k];
  }
}

const POLL_MS = 1_000;

/**
 * Starts the sender of this process: every second it sends what is due, batch after batch. Returns the stop
 * function (waits for the batch in hand, closes the pool).
 */
export function startMailSender(opts: {
  db: SystemDb;
  settings: MailSettings;
  transport: MailTransport;
  log: Logger;
  now: () => Date;
}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = drainMail(opts.db, opts)
      .catch((err) => opts.log.error({ err: oneLine(String(err)) }, 'mail sender round failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, POLL_MS);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
    opts.transport.close();
  };
}
