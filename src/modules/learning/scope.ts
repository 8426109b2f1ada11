/**
 * The one place that turns the learning policy (policy.ts) into SQL. Every staff query over courses and
 * sessions adds {@link courseScope} or {@link sessionScope}; every query over what hangs off a session
 * (applications, attendance, completions) joins the session and adds `sessionScope(policy, 'manage')`. A
 * course or session outside the area answers 404, like an unknown id. Learners and the public never come
 * through here: they read their own rows, or the public catalogue.
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, trainingCourses, trainingSessions, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { type LearningArea, type LearningPolicy, type LearningScopeColumns, learningPolicy } from './policy';

/** The actor's learning policy; reads the user's centre columns when the session did not carry them. */
export async function learningPolicyFor(db: DbOrTx, actor: Actor): Promise<LearningPolicy> {
  if (actor.scopeColumns) return learningPolicy(actor, actor.scopeColumns);
  const [row] = await db
    .select({ scopeCentreId: users.scopeCentreId, scopeCentreKind: centres.kind })
    .from(users)
    .leftJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(eq(users.id, actor.userId));
  const cols: LearningScopeColumns = {
    scopeCentreId: row?.scopeCentreId ?? null,
    scopeCentreKind: row?.scopeCentreKind ?? null,
  };
  return learningPolicy(actor, cols);
}

type OwnedTable = typeof trainingCourses | typeof trainingSessions;

function areaCondition(table: OwnedTable, prefectureCode: string, area: LearningArea): SQL {
  const tenant = eq(table.prefectureCode, prefectureCode);
  switch (area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return tenant;
    case 'centre':
      return and(tenant, eq(table.ownerCentreId, area.centreId), isNull(table.ownerRegionId))!;
    case 'region':
      return and(tenant, eq(table.ownerRegionId, area.regionId), isNull(table.ownerCentreId))!;
  }
}

function areaOf(policy: LearningPolicy, use: 'read' | 'manage'): LearningArea {
  return use === 'read' ? policy.read : policy.manage;
}

/** The condition a `training_courses` row must meet to be read or managed by the actor. */
export function courseScope(policy: LearningPolicy, use: 'read' | 'manage'): SQL {
  if (!policy.prefectureCode) return sql`false`;
  return areaCondition(trainingCourses, policy.prefectureCode, areaOf(policy, use));
}

/** The condition a `training_sessions` row must meet to be read or managed by the actor. */
export function sessionScope(policy: LearningPolicy, use: 'read' | 'manage'): SQL {
  if (!policy.prefectureCode) return sql`false`;
  return areaCondition(trainingSessions, policy.prefectureCode, areaOf(policy, use));
}

/**
 * Refuses, before any id is read, a role that may not use the staff side of the module at all (403 for every
 * id, real or unknown), or may not change anything when `use` is 'manage'.
 */
export function requireStaff(policy: LearningPolicy, use: 'read' | 'manage'): void {
  if (areaOf(policy, use).kind === 'none') throw new AppError('forbidden');
}

/**
 * A session the actor manages, by an unverified id: 404 when unknown, in another prefecture or outside the
 * actor's area (use this for applicants, attendance and certificates). `forUpdate` locks the row.
 */
export async function managedSession(
  db: DbOrTx,
  policy: LearningPolicy,
  sessionId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<typeof trainingSessions.$inferSelect> {
  if (!isUuid(sessionId)) throw new AppError('not_found');
  const q = db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, sessionId), sessionScope(policy, 'manage')));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}
