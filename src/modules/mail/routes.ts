/**
 * The outbox for administrators (`/api/mail/outbox`): each message's recipient, subject, status, attempts and
 * the relay's last answer, and resending one that was not delivered. Reads and resends are audited. Bouncing
 * addresses (late bounces recorded, cleared): bounce-routes.ts.
 */
import { createRoute } from '@hono/zod-openapi';
import { and, count, desc, eq } from 'drizzle-orm';
import { mailMessages, users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { MAIL_STATUSES, type MailStatus } from '../../shared/vocab/mail';
import { recordAudit } from '../audit/record';
import { bounceRoutes } from './bounce-routes';
import { clearBounces } from './bounces';
import { isMailAddress } from './headers';
import { requireOutboxReader, view } from './outbox-view';
import { ZOutboxMessage, ZOutboxQuery, ZOutboxResponse } from './schemas';

const tags = ['mail'];

export function mailRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/outbox',
      tags,
      summary:
        '送信メールの一覧 / The outbox: messages newest first, with status and the relay’s last answer',
      request: { query: ZOutboxQuery },
      responses: jsonOk(ZOutboxResponse),
    }),
    async (c) => {
      const { actor, where } = requireOutboxReader(c);
      const { status, limit } = c.req.valid('query');
      const rows = await db
        .select()
        .from(mailMessages)
        .where(and(where, status ? eq(mailMessages.status, status) : undefined))
        .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
        .limit(limit);
      const grouped = await db
        .select({ status: mailMessages.status, n: count() })
        .from(mailMessages)
        .where(where)
        .groupBy(mailMessages.status);
      const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
      for (const g of grouped) counts[g.status] = Number(g.n);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        { action: 'read', entityType: 'mail_message', entityIds: rows.map((m) => m.id) },
      );
      return c.json({ mailOn: Boolean(deps.config.mail), counts, messages: rows.map(view) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/outbox/{id}/resend',
      tags,
      summary: 'メールの再送 / Send again a message that failed or bounced',
      description:
        'Queues the message again with fresh attempts, to the recipient account’s current address when it has ' +
        'one (a corrected address), and clears that address’s bounces (the administrator asks for it to be ' +
        'tried again). Messages queued, being sent or sent answer 409.',
      request: { params: ZIdParam },
      responses: jsonOk(ZOutboxMessage),
    }),
    async (c) => {
      const { actor, where } = requireOutboxReader(c);
      const unverifiedId = c.req.valid('param').id;
      if (!isUuid(unverifiedId)) throw new AppError('not_found');
      const updated = await db.transaction(async (tx) => {
        const [m] = await tx
          .select()
          .from(mailMessages)
          .where(and(where, eq(mailMessages.id, unverifiedId)))
          .for('update');
        if (!m) throw new AppError('not_found');
        if (!view(m).canResend) throw new AppError('mail_not_resendable');
        // An address corrected on 管理 › 利用者 since: the message goes to it.
        const [account] = m.recipientUserId
          ? await tx.select({ email: users.email }).from(users).where(eq(users.id, m.recipientUserId))
          : [];
        const current = account?.email?.trim() ?? '';
        const toAddress = isMailAddress(current) ? current : m.toAddress!;
        const cleared = await clearBounces(tx, toAddress, where);
        const [row] = await tx
          .update(mailMessages)
          .set({
            status: 'queued',
            attempts: 0,
            nextAttemptAt: deps.now(),
            problem: null,
            leaseUntil: null,
            toAddress,
          })
          .where(eq(mailMessages.id, m.id))
          .returning();
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'configure',
            entityType: 'mail_message',
            entityIds: [m.id],
            detail: {
              event: 'mail_resent',
              previousStatus: m.status,
              ...(toAddress !== m.toAddress ? { addressChanged: true } : {}),
              ...(cleared.length ? { bouncesCleared: cleared.length } : {}),
            },
            prefectureCode: m.prefectureCode,
          },
        );
        return row!;
      });
      return c.json(view(updated), 200);
    },
  );

  bounceRoutes(r, deps);
  return r;
}
