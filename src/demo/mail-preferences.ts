/**
 * お知らせのメール in the demo (decision 0030): a few staff accounts have made their choices, so the account page
 * shows real ones — the regional coordinator hears of requests and hand-offs at once and reads the morning digest
 * of work due, the municipal account hears of a child moving in at once, the prefecture-wide centre staff takes
 * cases assigned in the digest. The demo sends no mail (no SMTP_URL): the choices wait, as the page says, and the
 * outbox stays empty — a message there would claim a mail that was never sent.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { notificationMailPreferences, users } from '../db/schema';
import {
  deliveriesOf,
  type MailDelivery,
  mailKindsForRole,
  type NotificationMailKind,
} from '../shared/vocab/notification-mail';

type Choices = Partial<Record<NotificationMailKind, MailDelivery>>;

/** The demo accounts' choices, by the account's key (the local part of its address). */
export const DEMO_MAIL_CHOICES: Record<string, Choices> = {
  'regional-coordinator': {
    consultation_request: 'immediate',
    consultation_handoff: 'immediate',
    work_reminders: 'digest',
  },
  'municipal-staff': {
    child_moved_in: 'immediate',
    consultation_request: 'digest',
    work_reminders: 'digest',
  },
  'centre-staff': { consultation_assigned: 'digest', work_reminders: 'digest' },
};

/** Writes the choices of the demo accounts that exist under `domain`; a choice the role cannot make throws. */
export async function seedMailPreferences(tx: DbOrTx, opts: { domain: string; now: Date }): Promise<number> {
  let n = 0;
  for (const [key, choices] of Object.entries(DEMO_MAIL_CHOICES)) {
    const [u] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, `${key}@${opts.domain}`));
    if (!u) continue;
    const allowed = mailKindsForRole(u.role);
    for (const [kind, delivery] of Object.entries(choices) as [NotificationMailKind, MailDelivery][])
      if (!allowed.includes(kind) || !deliveriesOf(kind).includes(delivery))
        throw new Error(`demo mail preferences: ${key} cannot choose ${delivery} for ${kind}`);
    await tx
      .insert(notificationMailPreferences)
      .values({ userId: u.id, choices, version: 1, updatedAt: opts.now });
    n++;
  }
  return n;
}
