/**
 * Who sees the outbox, pure: the system administrator every message, a centre administrator its prefecture's
 * (recipient addresses are staff's personal data). Everyone else is refused before any id is read (403).
 */

import type { MailStatus } from '../../shared/vocab/mail';
import type { Actor } from '../access/actor';

export type OutboxReach = { kind: 'all' } | { kind: 'prefecture'; prefectureCode: string } | null;

export function outboxReach(actor: Pick<Actor, 'role' | 'prefectureCode'>): OutboxReach {
  if (actor.role === 'system_admin') return { kind: 'all' };
  if (actor.role === 'centre_admin' && actor.prefectureCode)
    return { kind: 'prefecture', prefectureCode: actor.prefectureCode };
  return null;
}

/** A message may be sent again when it was not delivered: refused for good, or out of attempts. */
export function canResend(status: MailStatus, hasAddress: boolean): boolean {
  return (status === 'failed' || status === 'bounced') && hasAddress;
}
