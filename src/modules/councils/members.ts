/**
 * Members of a body (委員): add and change (term, affiliation, category, role) under optimistic locking. A
 * member's account (when they use Tsunagu) must be of the body's prefecture; an affiliation is a network
 * organisation of the prefecture or free text. Members are never deleted: a term ends (attendance refers to them).
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { councilMembers, organisations, users } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { memberRows, type Who } from './bodies';
import type { CouncilPolicy } from './policy';
import type { ZCreateMemberRequest, ZUpdateMemberRequest } from './schemas';
import { managedBody, requireCouncils } from './scope';

type MemberInput = Partial<z.infer<typeof ZCreateMemberRequest>>;

async function checkMember(
  tx: DbOrTx,
  prefectureCode: string,
  m: MemberInput,
  termFrom: string,
  termTo: string | null,
) {
  const issues: ErrorIssue[] = [];
  if (termTo !== null && termTo < termFrom) {
    issues.push({
      path: 'termTo',
      message: '任期の終わりが始まりより前です / The term ends before it starts',
    });
  }
  if (m.userId) {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, m.userId), eq(users.prefectureCode, prefectureCode), isNull(users.disabledAt)));
    if (!u) issues.push({ path: 'userId', message: '利用者が見つかりません / Unknown user' });
  }
  if (m.organisationId) {
    const [o] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, m.organisationId), eq(organisations.prefectureCode, prefectureCode)));
    if (!o)
      issues.push({ path: 'organisationId', message: '関係機関が見つかりません / Unknown organisation' });
  }
  if (issues.length) throw new AppError('validation_failed', { issues });
}

/** Adds a member to a body the caller manages. */
export async function addMember(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  bodyId: string,
  body: z.infer<typeof ZCreateMemberRequest>,
): Promise<string> {
  const b = await managedBody(tx, policy, bodyId, isoDateInJapan(who.at), true);
  await checkMember(tx, b.prefectureCode, body, body.termFrom, body.termTo ?? null);
  const [row] = await tx
    .insert(councilMembers)
    .values({
      bodyId: b.id,
      name: body.name,
      userId: body.userId ?? null,
      organisationId: body.organisationId ?? null,
      affiliation: body.affiliation ?? '',
      category: body.category,
      role: body.role ?? 'member',
      termFrom: body.termFrom,
      termTo: body.termTo ?? null,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: councilMembers.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'council_member',
    entityIds: [row!.id, b.id],
    detail: { category: body.category },
  });
  return row!.id;
}

/** A member of a body the caller manages, by an unverified id (404 otherwise; 403 when only read). */
async function managedMember(tx: DbOrTx, policy: CouncilPolicy, id: string, today: string) {
  requireCouncils(policy, 'manage');
  if (!isUuid(id)) throw new AppError('not_found');
  const [m] = await tx.select().from(councilMembers).where(eq(councilMembers.id, id)).for('update');
  if (!m) throw new AppError('not_found');
  const b = await managedBody(tx, policy, m.bodyId, today);
  return { m, prefectureCode: b.prefectureCode };
}

/** Changes a member (409 on a stale version); returns the body id. */
export async function updateMember(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  id: string,
  body: z.infer<typeof ZUpdateMemberRequest>,
): Promise<string> {
  const today = isoDateInJapan(who.at);
  const { m, prefectureCode } = await managedMember(tx, policy, id, today);
  if (m.version !== body.version) {
    const current = (await memberRows(tx, m.bodyId, today)).find((r) => r.id === m.id);
    throw new AppError('conflict', { detail: { current } });
  }
  const termFrom = body.termFrom ?? m.termFrom;
  const termTo = body.termTo !== undefined ? body.termTo : m.termTo;
  await checkMember(tx, prefectureCode, body, termFrom, termTo);
  const set: Partial<typeof councilMembers.$inferInsert> = {};
  if (body.name !== undefined) set.name = body.name;
  if (body.userId !== undefined) set.userId = body.userId;
  if (body.organisationId !== undefined) set.organisationId = body.organisationId;
  if (body.affiliation !== undefined) set.affiliation = body.affiliation;
  if (body.category !== undefined) set.category = body.category;
  if (body.role !== undefined) set.role = body.role;
  if (body.termFrom !== undefined) set.termFrom = body.termFrom;
  if (body.termTo !== undefined) set.termTo = body.termTo;
  await tx
    .update(councilMembers)
    .set({ ...set, updatedAt: who.at, version: sql`${councilMembers.version} + 1` })
    .where(eq(councilMembers.id, m.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'council_member',
    entityIds: [m.id, m.bodyId],
    detail: { changed: Object.keys(set) },
  });
  return m.bodyId;
}
