/**
 * Recording and changing engagements within the writer's area (docs/municipal-support.md §2): each change one
 * transaction with its audit entry; an edit carries the version it was read at (409 with the current record
 * when someone changed it meanwhile). The municipality is checked through the scope first (404 outside).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { engagements } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { EngagementPolicy } from './policy';
import { engagementById } from './queries';
import { changedFields, engagementIssues, normalise } from './rules';
import type {
  CreateEngagementRequest,
  Engagement,
  GoodExampleRequest,
  UpdateEngagementRequest,
} from './schemas';
import { municipalityInScope } from './scope';

export type Who = { actor: Actor; meta: RequestMeta | null; at: Date; today: string };

function requireWrite(policy: EngagementPolicy): string {
  if (!policy.write || !policy.prefectureCode) throw new AppError('forbidden');
  return policy.prefectureCode;
}

export async function createEngagement(
  tx: DbOrTx,
  who: Who,
  policy: EngagementPolicy,
  body: CreateEngagementRequest,
): Promise<Engagement> {
  const pref = requireWrite(policy);
  await municipalityInScope(tx, policy, body.municipalityCode);
  const values = normalise(body.kind, body);
  const issues = engagementIssues(body.kind, values, who.today);
  if (issues.length) throw new AppError('validation_failed', { issues });
  const [row] = await tx
    .insert(engagements)
    .values({
      ...values,
      prefectureCode: pref,
      kind: body.kind,
      recordedBy: who.actor.userId,
      updatedBy: who.actor.userId,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: engagements.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'engagement',
    entityIds: [row!.id],
    detail: { kind: body.kind, status: values.status, municipalityCode: values.municipalityCode },
  });
  return engagementById(tx, policy, row!.id);
}

export async function updateEngagement(
  tx: DbOrTx,
  who: Who,
  policy: EngagementPolicy,
  unverifiedId: string,
  body: UpdateEngagementRequest,
): Promise<Engagement> {
  const before = await engagementById(tx, policy, unverifiedId, { forUpdate: true });
  requireWrite(policy);
  if (body.municipalityCode !== before.municipalityCode) {
    await municipalityInScope(tx, policy, body.municipalityCode);
  }
  const values = normalise(before.kind, body);
  const issues = engagementIssues(before.kind, values, who.today);
  if (issues.length) throw new AppError('validation_failed', { issues });
  const [stored] = await tx.select().from(engagements).where(eq(engagements.id, before.id));
  const changed = changedFields(stored as unknown as Record<string, unknown>, values);
  const updated = await tx
    .update(engagements)
    .set({
      ...values,
      updatedBy: who.actor.userId,
      updatedAt: who.at,
      version: sql`${engagements.version} + 1`,
    })
    .where(and(eq(engagements.id, before.id), eq(engagements.version, body.version)))
    .returning({ id: engagements.id });
  if (updated.length === 0) throw new AppError('conflict', { detail: { current: before } });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'engagement',
    entityIds: [before.id],
    detail: { changed, version: body.version + 1 },
  });
  return engagementById(tx, policy, before.id);
}

/** Marks an engagement a good example (for a liaison meeting or a training), or unmarks it. */
export async function setGoodExample(
  tx: DbOrTx,
  who: Who,
  policy: EngagementPolicy,
  unverifiedId: string,
  body: GoodExampleRequest,
): Promise<Engagement> {
  const before = await engagementById(tx, policy, unverifiedId, { forUpdate: true });
  requireWrite(policy);
  const uses = body.goodExample ? [...new Set(body.uses)] : [];
  const note = body.goodExample ? body.note?.trim() || null : null;
  const updated = await tx
    .update(engagements)
    .set({
      goodExample: body.goodExample,
      goodExampleUses: uses,
      goodExampleNote: note,
      updatedBy: who.actor.userId,
      updatedAt: who.at,
      version: sql`${engagements.version} + 1`,
    })
    .where(and(eq(engagements.id, before.id), eq(engagements.version, body.version)))
    .returning({ id: engagements.id });
  if (updated.length === 0) throw new AppError('conflict', { detail: { current: before } });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'engagement',
    entityIds: [before.id],
    detail: { event: body.goodExample ? 'good_example_marked' : 'good_example_unmarked', uses },
  });
  return engagementById(tx, policy, before.id);
}
