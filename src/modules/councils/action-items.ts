/**
 * Action items (宿題・検討事項) of a meeting: who does what by when. An item stays on its owner's list
 * ("my action items", and the home page) until it is done. Its owner must be able to read the body; the owner
 * may mark it done or reopen it, whoever manages the body may change anything of it.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { councilActionItems, councilBodies } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { overdueBeforeIn } from '../calendar/calendar';
import type { Who } from './bodies';
import { managedMeeting } from './meetings';
import { ownerCandidates } from './owners';
import { type CouncilPolicy, managesOwner } from './policy';
import { actionItemRows } from './queries';
import type { ZCreateActionItemRequest, ZUpdateActionItemRequest } from './schemas';
import { type BodyRow, bodyScope, readableBody, requireCouncils } from './scope';

async function checkOwner(db: DbOrTx, b: BodyRow, userId: string, today: string) {
  if ((await ownerCandidates(db, b, today, userId)).length === 0) {
    throw new AppError('council_owner_cannot_read', {
      issues: [{ path: 'ownerUserId', message: 'この会議体を閲覧できない人です / Cannot see this body' }],
    });
  }
}

/**
 * People who may own an action item of a body the caller manages: its members with an account first. Two
 * statements whatever the number of people: the body through the caller's scope, then every candidate with
 * the facts of their policy (owners.ts).
 */
export async function assignees(db: DbOrTx, policy: CouncilPolicy, bodyId: string, now: Date) {
  const today = isoDateInJapan(now);
  const b = await readableBody(db, policy, bodyId, today);
  if (!managesOwner(policy.manage, b)) throw new AppError('forbidden');
  return { items: await ownerCandidates(db, b, today) };
}

/** Adds an action item to a meeting the caller manages. */
export async function createActionItem(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  meetingId: string,
  body: z.infer<typeof ZCreateActionItemRequest>,
): Promise<string> {
  const today = isoDateInJapan(who.at);
  const { meeting: m, body: b } = await managedMeeting(tx, policy, meetingId, today);
  await checkOwner(tx, b, body.ownerUserId, today);
  const [row] = await tx
    .insert(councilActionItems)
    .values({
      meetingId: m.id,
      bodyId: b.id,
      prefectureCode: b.prefectureCode,
      title: body.title,
      ownerUserId: body.ownerUserId,
      dueOn: body.dueOn,
      createdBy: who.actor.userId,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: councilActionItems.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'council_action_item',
    entityIds: [row!.id, m.id],
  });
  return row!.id;
}

/** One action item as its list row, for the caller. */
export async function actionItemView(db: DbOrTx, policy: CouncilPolicy, id: string, now: Date) {
  const today = isoDateInJapan(now);
  const [row] = await actionItemRows(
    db,
    and(eq(councilActionItems.id, id), bodyScope(policy, 'read', today)),
    {
      overdueBefore: await overdueBeforeIn(db, policy.prefectureCode, today),
      userId: policy.userId,
      canManage: () => false,
    },
  );
  if (!row) throw new AppError('not_found');
  const [b] = await db.select().from(councilBodies).where(eq(councilBodies.id, row.bodyId));
  return { ...row, canChange: row.ownerUserId === policy.userId || managesOwner(policy.manage, b!) };
}

/**
 * Changes an action item (409 on a stale version). Its owner may change its status only; whoever manages the
 * body may change anything. Outside what the caller reads: 404.
 */
export async function updateActionItem(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  id: string,
  body: z.infer<typeof ZUpdateActionItemRequest>,
) {
  requireCouncils(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const today = isoDateInJapan(who.at);
  const [row] = await tx
    .select({ item: councilActionItems, body: councilBodies })
    .from(councilActionItems)
    .innerJoin(councilBodies, eq(councilBodies.id, councilActionItems.bodyId))
    .where(and(eq(councilActionItems.id, id), bodyScope(policy, 'read', today)))
    .for('update', { of: councilActionItems });
  if (!row) throw new AppError('not_found');
  const { item, body: b } = row;
  const manages = managesOwner(policy.manage, b);
  const isOwner = item.ownerUserId === policy.userId;
  const onlyStatus = body.title === undefined && body.ownerUserId === undefined && body.dueOn === undefined;
  if (!manages && !(isOwner && onlyStatus)) throw new AppError('forbidden');
  if (item.version !== body.version) {
    throw new AppError('conflict', { detail: { current: await actionItemView(tx, policy, id, who.at) } });
  }
  const set: Partial<typeof councilActionItems.$inferInsert> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.dueOn !== undefined) set.dueOn = body.dueOn;
  if (body.ownerUserId !== undefined && body.ownerUserId !== item.ownerUserId) {
    await checkOwner(tx, b, body.ownerUserId, today);
    set.ownerUserId = body.ownerUserId;
  }
  if (body.status !== undefined && body.status !== item.status) {
    set.status = body.status;
    set.doneAt = body.status === 'done' ? who.at : null;
    set.doneBy = body.status === 'done' ? who.actor.userId : null;
  }
  await tx
    .update(councilActionItems)
    .set({ ...set, updatedAt: who.at, version: sql`${councilActionItems.version} + 1` })
    .where(eq(councilActionItems.id, item.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'council_action_item',
    entityIds: [item.id, item.meetingId],
    detail: { changed: Object.keys(set), ...(set.status ? { status: set.status } : {}) },
  });
}

/** The caller's own action items (open first, by due date), within the bodies they read. */
export async function myActionItems(
  db: DbOrTx,
  policy: CouncilPolicy,
  status: 'open' | 'done' | undefined,
  now: Date,
) {
  requireCouncils(policy, 'read');
  const today = isoDateInJapan(now);
  const conds = [eq(councilActionItems.ownerUserId, policy.userId), bodyScope(policy, 'read', today)];
  if (status) conds.push(eq(councilActionItems.status, status));
  const bodies = await db
    .select()
    .from(councilBodies)
    .where(bodyScope(policy, 'manage', today));
  const managed = new Set(bodies.map((b) => b.id));
  return {
    items: await actionItemRows(db, and(...conds), {
      overdueBefore: await overdueBeforeIn(db, policy.prefectureCode, today),
      userId: policy.userId,
      canManage: (bodyId) => managed.has(bodyId),
    }),
  };
}
