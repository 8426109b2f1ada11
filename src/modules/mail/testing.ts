import type { DbOrTx } from '../../db/client';
import { mailMessages } from '../../db/schema';

/** A message that bounced, to a user of the prefecture: the record the outbox's resend names (tests only). */
export async function bouncedMessage(db: DbOrTx, prefectureCode: string, userId: string): Promise<string> {
  const [row] = await db
    .insert(mailMessages)
    .values({
      prefectureCode,
      recipientUserId: userId,
      toAddress: `bounce-${prefectureCode}@example.jp`,
      toName: '宛先',
      locale: 'ja',
      kind: 'notification',
      subject: '【つなぐ】新しいお知らせがあります',
      bodyText: 'x',
      status: 'bounced',
      attempts: 1,
      problem: 'address_refused',
      lastError: '550 5.1.1 User unknown',
    })
    .returning({ id: mailMessages.id });
  return row!.id;
}
