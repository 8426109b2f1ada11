/**
 * A user's notification mail preferences (decision 0030): per kind they can receive, off (the default),
 * immediate or in the daily digest. Read and changed only by the user, for themselves; a change carries the
 * version it was made from (409 on a stale one), names only kinds the user's role can receive with a delivery
 * the kind allows (400 otherwise, nothing changed) and is audited in its transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { notificationMailPreferences } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import {
  deliveriesOf,
  type MailDelivery,
  mailKindsForRole,
  type NotificationMailKind,
} from '../../shared/vocab/notification-mail';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';

export type MailPreferences = {
  version: number;
  kinds: { kind: NotificationMailKind; delivery: MailDelivery; deliveries: MailDelivery[] }[];
};

/** The actor's choices for every kind their role can receive (a kind never chosen is `off`). */
export async function readMailPreferences(db: DbOrTx, actor: Actor): Promise<MailPreferences> {
  const [row] = await db
    .select()
    .from(notificationMailPreferences)
    .where(eq(notificationMailPreferences.userId, actor.userId));
  const choices = row?.choices ?? {};
  return {
    version: row?.version ?? 0,
    kinds: mailKindsForRole(actor.role).map((kind) => ({
      kind,
      delivery: choices[kind] ?? 'off',
      deliveries: [...deliveriesOf(kind)],
    })),
  };
}

/** The problems of a change, pure: kinds the role cannot receive, deliveries the kind does not take. */
export function preferenceIssues(actor: Actor, choices: Record<string, string>): ErrorIssue[] {
  const allowed = new Set<string>(mailKindsForRole(actor.role));
  const issues: ErrorIssue[] = [];
  for (const [kind, delivery] of Object.entries(choices)) {
    if (!allowed.has(kind)) {
      const ja = `「${kind}」はこのアカウントが受け取るお知らせの種類ではありません`;
      const en = `“${kind}” is not a kind of notification this account receives`;
      issues.push({ path: `choices.${kind}`, message: `${ja} / ${en}`, ja, en });
    } else if (!deliveriesOf(kind as NotificationMailKind).includes(delivery as MailDelivery)) {
      const ja = 'この種類は「すぐにメール」を選べません（毎朝のまとめメールのみ）';
      const en = 'This kind cannot be mailed at once (only in the morning digest)';
      issues.push({ path: `choices.${kind}`, message: `${ja} / ${en}`, ja, en });
    }
  }
  return issues;
}

/** Saves the actor's choices (kinds left out keep theirs) under `version`; answers the preferences after. */
export async function saveMailPreferences(
  tx: DbOrTx,
  who: { actor: Actor; meta: RequestMeta | null; at: Date },
  body: { version: number; choices: Record<string, MailDelivery> },
): Promise<MailPreferences> {
  const { actor } = who;
  const issues = preferenceIssues(actor, body.choices);
  if (issues.length) throw new AppError('validation_failed', { issues });
  const [row] = await tx
    .select()
    .from(notificationMailPreferences)
    .where(eq(notificationMailPreferences.userId, actor.userId))
    .for('update');
  if ((row?.version ?? 0) !== body.version) throw new AppError('conflict');
  const choices = { ...(row?.choices ?? {}), ...body.choices };
  if (row) {
    const changed = await tx
      .update(notificationMailPreferences)
      .set({ choices, version: row.version + 1, updatedAt: who.at })
      .where(
        and(
          eq(notificationMailPreferences.userId, actor.userId),
          eq(notificationMailPreferences.version, body.version),
        ),
      )
      .returning({ v: notificationMailPreferences.version });
    if (changed.length === 0) throw new AppError('conflict');
  } else {
    const made = await tx
      .insert(notificationMailPreferences)
      .values({ userId: actor.userId, choices, version: 1, updatedAt: who.at })
      .onConflictDoNothing()
      .returning({ v: notificationMailPreferences.version });
    if (made.length === 0) throw new AppError('conflict');
  }
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'user',
    entityIds: [actor.userId],
    detail: { event: 'notification_mail_preferences', choices: body.choices },
  });
  return readMailPreferences(tx, actor);
}
