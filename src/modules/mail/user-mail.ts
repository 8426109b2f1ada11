/**
 * A message to one account (a learner, a municipality's staff member), queued in the caller's transaction
 * (decision 0032): the account's address, name and language are read here, so a module that tells someone
 * something only says what. With mail off nothing is read or written.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { type QueueResult, queueMail } from './outbox';
import type { MailSettings } from './settings';
import type { TemplateInput } from './templates';

type Message = TemplateInput extends infer T ? (T extends { name: string } ? Omit<T, 'name'> : never) : never;

/** Queues `message` to the user `userId`, addressed by their own name; `off` with mail off or no such user. */
export async function mailUser(
  tx: DbOrTx,
  settings: MailSettings | undefined,
  userId: string,
  message: Message,
  opts: { createdBy: string | null; now: Date },
): Promise<QueueResult> {
  if (!settings) return { status: 'off' };
  const [u] = await tx
    .select({
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      prefectureCode: users.prefectureCode,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u || u.disabledAt) return { status: 'off' };
  const to = {
    userId,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale,
    prefectureCode: u.prefectureCode,
  };
  return queueMail(tx, settings, to, { ...message, name: u.displayName } as TemplateInput, opts);
}
