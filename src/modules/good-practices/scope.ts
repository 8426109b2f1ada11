/**
 * The one place that turns the story policy (policy.ts) into SQL. Every query over `good_practices` adds
 * {@link storyScope}: published stories of the prefecture for every reader, drafts within the area. A story
 * outside answers 404 like an unknown id; roles without any access are refused with 403 before an id is read.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, goodPractices, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { type CentreKind, type StoryArea, type StoryPolicy, storyPolicy } from './policy';

/** The actor's story policy; reads the kind of the user's centre when the session did not carry it. */
export async function storyPolicyFor(db: DbOrTx, actor: Actor): Promise<StoryPolicy> {
  if (actor.role !== 'centre_staff' || actor.scope.kind !== 'regions') return storyPolicy(actor);
  if (actor.scopeColumns) return storyPolicy(actor, actor.scopeColumns.scopeCentreKind);
  const [row] = await db
    .select({ kind: centres.kind })
    .from(users)
    .innerJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(eq(users.id, actor.userId));
  return storyPolicy(actor, (row?.kind ?? null) as CentreKind);
}

function areaCondition(area: StoryArea): SQL {
  switch (area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return sql`true`;
    case 'regions':
      return area.regionIds.length ? inArray(goodPractices.regionId, area.regionIds) : sql`false`;
    case 'municipality':
      return eq(goodPractices.municipalityCode, area.municipalityCode);
  }
}

/** 'read': published stories and the area's drafts; 'write': the area's stories, whatever their status. */
export function storyScope(policy: StoryPolicy, use: 'read' | 'write'): SQL {
  if (!policy.prefectureCode || !policy.readPublished) return sql`false`;
  const tenant = eq(goodPractices.prefectureCode, policy.prefectureCode);
  if (use === 'write') return policy.write ? and(tenant, areaCondition(policy.area))! : sql`false`;
  return and(tenant, or(eq(goodPractices.status, 'published'), areaCondition(policy.area)))!;
}

/** Refuses (403), before any id is read, a role that may not use the library, or may not write. */
export function requireStories(policy: StoryPolicy, use: 'read' | 'write'): void {
  if (!policy.readPublished) throw new AppError('forbidden');
  if (use === 'write' && !policy.write) throw new AppError('forbidden');
}

export type StoryRow = typeof goodPractices.$inferSelect;

/** A story the actor reads, by an unverified id (404 when unknown, of another prefecture or an out-of-area draft). */
export async function readableStory(db: DbOrTx, policy: StoryPolicy, id: string): Promise<StoryRow> {
  requireStories(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db
    .select()
    .from(goodPractices)
    .where(and(eq(goodPractices.id, id), storyScope(policy, 'read')));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * A story the actor writes, locked for the change: 403 before any id for a role that writes nothing, 404 when the
 * actor does not read it, 403 when they read it (a published story of another area) but may not change it.
 */
export async function writableStory(tx: DbOrTx, policy: StoryPolicy, id: string): Promise<StoryRow> {
  requireStories(policy, 'write');
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await tx
    .select()
    .from(goodPractices)
    .where(and(eq(goodPractices.id, id), storyScope(policy, 'read')))
    .for('update');
  if (!row) throw new AppError('not_found');
  const [inArea] = await tx
    .select({ id: goodPractices.id })
    .from(goodPractices)
    .where(and(eq(goodPractices.id, id), storyScope(policy, 'write')));
  if (!inArea) throw new AppError('forbidden');
  return row;
}
