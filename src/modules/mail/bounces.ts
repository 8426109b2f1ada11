/**
 * Addresses that bounce (decision 0028, late bounces). An address bounces while a message to it stands
 * `bounced` for one of two reasons: the relay refused it at once (a 5xx answer, `address_refused`), or an
 * administrator recorded the bounce that came back later to MAIL_FROM (`bounce_reported`). While it bounces the
 * sender mails nothing more to it (`failed` / `address_bouncing`, the relay not contacted), until an
 * administrator clears it — from the outbox or the user's row of 管理 › 利用者 — or resends a message to it. Cleared
 * bounces keep their status (the history stays true) with the problem `bounce_cleared`.
 *
 * Addresses are compared without case (mailbox names are case-insensitive in practice at every relay we know).
 */
import { and, count, inArray, max, min, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { mailMessages } from '../../db/schema';
import type { MailProblem } from '../../shared/vocab/mail';

/** The problems that keep an address bouncing. */
export const BOUNCING: readonly MailProblem[] = ['address_refused', 'bounce_reported'];

const lowered = sql<string>`lower(${mailMessages.toAddress})`;

/** The rows that make addresses bounce (within `where`, an administrator's reach). */
export const bouncingRows = (where?: SQL) =>
  and(where, sql`${mailMessages.status} = 'bounced'`, inArray(mailMessages.problem, [...BOUNCING]));

/** Which of `addresses` bounce, lower-cased (one query for a batch of the sender). */
export async function bouncingAmong(db: DbOrTx, addresses: string[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ address: lowered })
    .from(mailMessages)
    .where(and(bouncingRows(), inArray(lowered, wanted)));
  return new Set(rows.map((r) => r.address));
}

export type BouncingAddress = {
  address: string;
  since: Date;
  lastError: string | null;
  messages: number;
  userIds: string[];
  /** The bounced messages' ids (what a read of the list is audited against). */
  messageIds: string[];
};

/** Every bouncing address within `where`, with when it first bounced, the last answer and whose it was. */
export async function listBouncing(db: DbOrTx, where?: SQL): Promise<BouncingAddress[]> {
  const rows = await db
    .select({
      address: lowered,
      since: min(mailMessages.createdAt),
      last: max(mailMessages.createdAt),
      messages: count(),
      messageIds: sql<string[]>`array_agg(${mailMessages.id}::text)`,
      userIds: sql<
        (string | null)[]
      >`array_agg(distinct ${mailMessages.recipientUserId}::text) filter (where ${mailMessages.recipientUserId} is not null)`,
    })
    .from(mailMessages)
    .where(bouncingRows(where))
    .groupBy(lowered)
    .orderBy(lowered);
  if (rows.length === 0) return [];
  // The relay's (or the administrator's) words at the newest bounce of each address.
  const answers = await db
    .select({ address: lowered, lastError: mailMessages.lastError, at: mailMessages.createdAt })
    .from(mailMessages)
    .where(bouncingRows(where));
  const newest = new Map<string, { at: Date; lastError: string | null }>();
  for (const a of answers) {
    const seen = newest.get(a.address);
    if (!seen || seen.at < a.at) newest.set(a.address, { at: a.at, lastError: a.lastError });
  }
  return rows.map((r) => ({
    address: r.address,
    since: new Date(r.since!),
    lastError: newest.get(r.address)?.lastError ?? null,
    messages: Number(r.messages),
    userIds: (r.userIds ?? []).filter((u): u is string => u !== null).sort(),
    messageIds: r.messageIds,
  }));
}

/** Clears an address's bounces within `where`; answers the ids of the rows cleared (none: it did not bounce). */
export async function clearBounces(tx: DbOrTx, address: string, where?: SQL): Promise<string[]> {
  const rows = await tx
    .update(mailMessages)
    .set({ problem: 'bounce_cleared' })
    .where(and(bouncingRows(where), sql`${lowered} = ${address.toLowerCase()}`))
    .returning({ id: mailMessages.id });
  return rows.map((r) => r.id);
}
