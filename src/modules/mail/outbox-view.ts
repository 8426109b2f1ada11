/** The outbox's reach for the actor and a message as administrators see it (shared by the mail routes). */
import { eq, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import { mailMessages } from '../../db/schema';
import type { AppEnv } from '../../server/context';
import { AppError } from '../../server/errors';
import { requireActor } from '../accounts/middleware';
import type { BouncingAddress } from './bounces';
import { canResend, outboxReach } from './policy';

type Row = typeof mailMessages.$inferSelect;

export function requireOutboxReader(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const reach = outboxReach(actor);
  if (!reach) throw new AppError('forbidden');
  const where: SQL | undefined =
    reach.kind === 'all' ? undefined : eq(mailMessages.prefectureCode, reach.prefectureCode);
  return { actor, where };
}

export function view(m: Row) {
  return {
    id: m.id,
    toAddress: m.toAddress,
    toName: m.toName,
    locale: m.locale,
    kind: m.kind,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.status === 'queued' ? m.nextAttemptAt.toISOString() : null,
    problem: m.problem,
    lastError: m.lastError,
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    canResend: canResend(m.status, Boolean(m.toAddress)) && m.bodyText !== null,
  };
}

/** A bouncing address as the API answers it. */
export function bounceView(b: BouncingAddress) {
  return {
    address: b.address,
    since: b.since.toISOString(),
    lastError: b.lastError,
    messages: b.messages,
    userIds: b.userIds,
  };
}
