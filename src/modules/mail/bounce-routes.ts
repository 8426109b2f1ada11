/**
 * Bouncing addresses for administrators (decision 0028, late bounces): the list (the outbox and 管理 › 利用者 show
 * it), recording a bounce that came back to MAIL_FROM after the relay took a message, and clearing an address.
 * Same reach as the outbox; every read and change is audited in its transaction.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { mailMessages } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { recordAudit } from '../audit/record';
import { clearBounces, listBouncing } from './bounces';
import { bounceView, requireOutboxReader, view } from './outbox-view';
import { ZBounceClear, ZBounceRecord, ZBouncesResponse, ZOutboxMessage } from './schemas';
import { oneLine } from './send-rules';

const tags = ['mail'];

export function bounceRoutes(r: OpenAPIHono<AppEnv>, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/bounces',
      tags,
      summary: '不達のアドレス / Addresses that bounce: no mail goes to them until cleared',
      responses: jsonOk(ZBouncesResponse),
    }),
    async (c) => {
      const { actor, where } = requireOutboxReader(c);
      const list = await listBouncing(db, where);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        { action: 'read', entityType: 'mail_message', entityIds: list.flatMap((b) => b.messageIds) },
      );
      return c.json({ addresses: list.map(bounceView) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/outbox/{id}/bounced',
      tags,
      summary: '送信後の不達を記録 / Record a bounce that came back after the relay took the message',
      description:
        'For a sent message whose bounce (a delivery status notification) reached the MAIL_FROM mailbox: the ' +
        'message becomes bounced with the note, and its address gets no more mail until cleared. Messages not ' +
        'sent answer 409.',
      request: { params: ZIdParam, body: jsonBody(ZBounceRecord) },
      responses: jsonOk(ZOutboxMessage),
    }),
    async (c) => {
      const { actor, where } = requireOutboxReader(c);
      const unverifiedId = c.req.valid('param').id;
      const { note } = c.req.valid('json');
      if (!isUuid(unverifiedId)) throw new AppError('not_found');
      const updated = await db.transaction(async (tx) => {
        const [m] = await tx
          .select()
          .from(mailMessages)
          .where(and(where, eq(mailMessages.id, unverifiedId)))
          .for('update');
        if (!m) throw new AppError('not_found');
        if (m.status !== 'sent' || !m.toAddress) throw new AppError('mail_not_sent');
        const [row] = await tx
          .update(mailMessages)
          .set({ status: 'bounced', problem: 'bounce_reported', lastError: note ? oneLine(note) : null })
          .where(eq(mailMessages.id, m.id))
          .returning();
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'configure',
            entityType: 'mail_message',
            entityIds: [m.id],
            detail: { event: 'mail_bounce_recorded' },
            prefectureCode: m.prefectureCode,
          },
        );
        return row!;
      });
      return c.json(view(updated), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/bounces/clear',
      tags,
      summary: '不達の解除 / Clear an address’s bounces: mail goes to it again',
      description:
        'The bounced messages keep their status, their problem becomes bounce_cleared; messages held back ' +
        '(address_bouncing) can then be resent. An address that does not bounce within reach answers 404.',
      request: { body: jsonBody(ZBounceClear) },
      responses: jsonOk(ZBouncesResponse),
    }),
    async (c) => {
      const { actor, where } = requireOutboxReader(c);
      const { address } = c.req.valid('json');
      await db.transaction(async (tx) => {
        const cleared = await clearBounces(tx, address, where);
        if (cleared.length === 0) throw new AppError('not_found');
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'configure',
            entityType: 'mail_message',
            entityIds: cleared,
            detail: { event: 'mail_bounce_cleared' },
          },
        );
      });
      const list = await listBouncing(db, where);
      return c.json({ addresses: list.map(bounceView) }, 200);
    },
  );
}
