/**
 * The mails of the accounts: an invitation or a password-reset link, queued in the transaction that issued the
 * link (decision 0028). The link is still shown to the administrator who issued it: mail is a second way to
 * deliver it, not the only one.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { INVITATION_TTL_MS, RESET_TTL_MS } from '../accounts/tokens';
import { type QueueResult, queueMail } from './outbox';
import type { MailSettings } from './settings';

/**
 * Queues the link `path` (`/invite#token=…` or `/reset-password#token=…`) to the user by mail. Answers what
 * became of it (`off` with mail off), for the screen to say so.
 */
export async function mailAccountLink(
  tx: DbOrTx,
  settings: MailSettings | undefined,
  input: {
    userId: string;
    kind: 'invitation' | 'password_reset';
    path: string;
    requested: 'self' | 'admin';
    createdBy: string | null;
    now: Date;
  },
): Promise<QueueResult> {
  if (!settings) return { status: 'off' };
  const [u] = await tx
    .select({
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      prefectureCode: users.prefectureCode,
    })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!u) return { status: 'off' };
  const to = { userId: input.userId, ...u };
  const opts = { createdBy: input.createdBy, now: input.now };
  return input.kind === 'invitation'
    ? queueMail(
        tx,
        settings,
        to,
        {
          kind: 'invitation',
          name: u.displayName,
          link: input.path,
          expiresDays: INVITATION_TTL_MS / 86_400_000,
        },
        opts,
      )
    : queueMail(
        tx,
        settings,
        to,
        {
          kind: 'password_reset',
          name: u.displayName,
          link: input.path,
          expiresHours: RESET_TTL_MS / 3_600_000,
          requested: input.requested,
        },
        opts,
      );
}
