/**
 * Queuing a message: `queueMail(tx, …)` writes it into the outbox in the caller's transaction, so the message
 * exists exactly when the event that causes it (an invitation, a reset link) committed (decision 0028). With
 * mail off it writes nothing and says so: the caller shows the link on screen, as it always has.
 */
import type { DbOrTx } from '../../db/client';
import { mailMessages } from '../../db/schema';
import { AppError } from '../../server/errors';
import { headerProblem, isMailAddress } from './headers';
import type { MailSettings } from './settings';
import { type Locale, renderMail, type TemplateInput } from './templates';

export type MailRecipient = {
  userId: string | null;
  prefectureCode: string | null;
  email: string | null;
  displayName: string;
  locale: Locale;
};

/** What became of a message: queued, not written (mail off) or kept as failed for want of an address. */
export type QueueResult =
  | { status: 'queued'; id: string }
  | { status: 'off' }
  | { status: 'failed'; id: string; problem: 'no_address' };

/**
 * Writes one message for `to` into the outbox, in `tx`. `message.link` is a path of the product
 * (`/reset-password#token=…`), made absolute with PUBLIC_URL. A name or subject with a line break or control
 * character is refused (`mail_header_invalid`) before anything is written; a recipient without a usable
 * address gets a `failed` row with the reason `no_address`, which administrators see in the outbox.
 */
export async function queueMail(
  tx: DbOrTx,
  settings: MailSettings | undefined,
  to: MailRecipient,
  message: TemplateInput,
  opts: { createdBy: string | null; now: Date },
): Promise<QueueResult> {
  if (!settings) return { status: 'off' };
  const content = renderMail({ ...message, link: `${settings.publicUrl}${message.link}` }, to.locale);
  if (headerProblem(to.displayName) || headerProblem(content.subject))
    throw new AppError('mail_header_invalid');
  const address = to.email?.trim() ?? '';
  const usable = isMailAddress(address);
  const [row] = await tx
    .insert(mailMessages)
    .values({
      prefectureCode: to.prefectureCode,
      recipientUserId: to.userId,
      toAddress: usable ? address : null,
      toName: to.displayName,
      locale: to.locale,
      kind: message.kind,
      subject: content.subject,
      bodyText: usable ? content.text : null,
      status: usable ? 'queued' : 'failed',
      problem: usable ? null : 'no_address',
      nextAttemptAt: opts.now,
      createdBy: opts.createdBy,
      createdAt: opts.now,
    })
    .returning({ id: mailMessages.id });
  return usable
    ? { status: 'queued', id: row!.id }
    : { status: 'failed', id: row!.id, problem: 'no_address' };
}
