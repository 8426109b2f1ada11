/**
 * The one place that turns the issue policy (policy.ts) into SQL. Every query over regional issues adds
 * {@link issueScope}, every query over development projects {@link projectScope}; a record outside the area
 * answers 404 like an unknown id. Roles without any access are refused with 403 before an id is read.
 */
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, developmentProjects, regionalIssues, regionMunicipalities, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { type CentreKind, type IssueArea, type IssuePolicy, issuePolicy } from './policy';

/** The actor's issue policy; reads the kind of the user's centre when the session did not carry it. */
export async function issuePolicyFor(db: DbOrTx, actor: Actor): Promise<IssuePolicy> {
  if (actor.role !== 'centre_staff' || actor.scope.kind !== 'regions') return issuePolicy(actor);
  if (actor.scopeColumns) return issuePolicy(actor, actor.scopeColumns.scopeCentreKind);
  const [row] = await db
    .select({ kind: centres.kind })
    .from(users)
    .innerJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(eq(users.id, actor.userId));
  return issuePolicy(actor, (row?.kind ?? null) as CentreKind);
}

type Placed = typeof regionalIssues | typeof developmentProjects;

/**
 * The condition a row must meet to lie within the area. `wide`: a municipality's staff also reach the rows of
 * their region as a whole (no municipality named) — for reading, not for what they may edit.
 */
function areaCondition(table: Placed, prefectureCode: string, area: IssueArea, wide: boolean): SQL {
  const tenant = eq(table.prefectureCode, prefectureCode);
  switch (area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return tenant;
    case 'regions':
      return area.regionIds.length ? and(tenant, inArray(table.regionId, [...area.regionIds]))! : sql`false`;
    case 'municipality': {
      const own = eq(table.municipalityCode, area.municipalityCode);
      if (!wide) return and(tenant, own)!;
      const regionWide = and(
        isNull(table.municipalityCode),
        sql`exists (select 1 from ${regionMunicipalities}
                    where ${regionMunicipalities.regionId} = ${table.regionId}
                      and ${regionMunicipalities.municipalityCode} = ${area.municipalityCode}
                      and ${regionMunicipalities.validTo} is null)`,
      );
      return and(tenant, or(own, regionWide))!;
    }
  }
}

export type Use = 'read' | 'raise' | 'manage';

function areaOf(policy: IssuePolicy, use: Use): IssueArea {
  return use === 'read' ? policy.read : use === 'raise' ? policy.raise : policy.manage;
}

/** The condition a `regional_issues` row must meet to be read, raised in or managed by the actor. */
export function issueScope(policy: IssuePolicy, use: Use): SQL {
  if (!policy.prefectureCode) return sql`false`;
  return areaCondition(regionalIssues, policy.prefectureCode, areaOf(policy, use), use === 'read');
}

/** The condition a `development_projects` row must meet to be read or kept by the actor. */
export function projectScope(policy: IssuePolicy, use: 'read' | 'manage'): SQL {
  if (!policy.prefectureCode) return sql`false`;
  return areaCondition(developmentProjects, policy.prefectureCode, areaOf(policy, use), use === 'read');
}

/** Refuses (403), before any id is read, a role that may not use the module at all, or may not change anything. */
export function requireUse(policy: IssuePolicy, use: Use): void {
  if (areaOf(policy, use).kind === 'none') throw new AppError('forbidden');
}

/** An issue the actor reads, by an unverified id (404 when unknown or out of the area). */
export async function readableIssue(
  db: DbOrTx,
  policy: IssuePolicy,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<typeof regionalIssues.$inferSelect> {
  requireUse(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select()
    .from(regionalIssues)
    .where(and(eq(regionalIssues.id, id), issueScope(policy, 'read')));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** A project the actor reads, by an unverified id (404 when unknown or out of the area). */
export async function readableProject(
  db: DbOrTx,
  policy: IssuePolicy,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<typeof developmentProjects.$inferSelect> {
  requireUse(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select()
    .from(developmentProjects)
    .where(and(eq(developmentProjects.id, id), projectScope(policy, 'read')));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}
