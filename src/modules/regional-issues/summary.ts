/**
 * Counts of regional issues and development projects for other modules (the municipality page, the yearly
 * activity report): what the caller reads (scope.ts), per 年度 (1 April – 31 March). Counts only; a caller
 * without access to the module is refused with 403 like the module's own routes.
 */
import { and, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { developmentProjects, regionalIssueEvents, regionalIssues } from '../../db/schema';
import { nendoOf, nendoRange } from '../../shared/nendo';
import { PROJECT_STAGES, type ProjectKind, type ProjectStage } from '../../shared/vocab/regional-issues';
import type { Actor } from '../access/actor';
import type { IssuePolicy } from './policy';
import { issuePolicyFor, issueScope, projectScope, requireUse } from './scope';

/** The instants of a 年度 in Japan time, for history entries. */
function nendoInstants(nendo: number) {
  const { start, end } = nendoRange(nendo);
  return { from: new Date(`${start}T00:00:00+09:00`), to: new Date(`${end}T23:59:59.999+09:00`) };
}

/**
 * Issues raised in the 年度, carried up (taken to the prefectural council, proposed to the prefecture), answered,
 * and ended — each a number of distinct issues, by the day the step was taken: an issue carried up twice, or
 * sent back and carried up again, is one issue carried up.
 */
export async function issueCounts(db: DbOrTx, actor: Actor, fiscalYear: number) {
  const policy = await issuePolicyFor(db, actor);
  requireUse(policy, 'read');
  const { start, end } = nendoRange(fiscalYear);
  const { from, to } = nendoInstants(fiscalYear);
  const [[raised], steps] = await Promise.all([
    db
      .select({ n: count() })
      .from(regionalIssues)
      .where(
        and(
          issueScope(policy, 'read'),
          gte(regionalIssues.raisedOn, start),
          lte(regionalIssues.raisedOn, end),
        ),
      ),
    db
      .select({
        kind: regionalIssueEvents.kind,
        toLevel: regionalIssueEvents.toLevel,
        // 1 on the row of a kind over every level: an issue taken to the council and then proposed is one
        // issue carried up, not two.
        allLevels: sql<number>`grouping(${regionalIssueEvents.toLevel})::int`,
        n: sql<number>`count(distinct ${regionalIssueEvents.issueId})::int`,
      })
      .from(regionalIssueEvents)
      .innerJoin(regionalIssues, eq(regionalIssues.id, regionalIssueEvents.issueId))
      .where(
        and(
          issueScope(policy, 'read'),
          gte(regionalIssueEvents.at, from),
          lte(regionalIssueEvents.at, to),
          sql`${regionalIssueEvents.kind} in ('carried_up', 'answered', 'closed', 'project_started')`,
        ),
      )
      .groupBy(
        sql`grouping sets ((${regionalIssueEvents.kind}, ${regionalIssueEvents.toLevel}), (${regionalIssueEvents.kind}))`,
      ),
  ]);
  // Distinct issues that took a step of this kind (to this level, when named) in the 年度.
  const step = (kind: string, toLevel?: string) =>
    Number(
      steps.find((s) =>
        toLevel
          ? s.kind === kind && Number(s.allLevels) === 0 && s.toLevel === toLevel
          : s.kind === kind && Number(s.allLevels) === 1,
      )?.n ?? 0,
    );
  return {
    nendo: fiscalYear,
    raised: Number(raised?.n ?? 0),
    carriedUp: step('carried_up'),
    toCouncil: step('carried_up', 'prefecture_council'),
    proposed: step('carried_up', 'proposal'),
    answered: step('answered'),
    ended: step('closed') + step('project_started'),
    toDevelopment: step('project_started'),
  };
}

/** Development projects: those active by the stage reached now, and the openings (and places) of the 年度. */
export async function developmentCounts(db: DbOrTx, actor: Actor, fiscalYear: number) {
  const policy = await issuePolicyFor(db, actor);
  const figures = await developmentFigures(db, policy);
  const year = figures.byNendo.find((y) => y.nendo === fiscalYear);
  return {
    nendo: fiscalYear,
    byStage: figures.byStage,
    stopped: figures.stopped,
    opened: year?.opened ?? 0,
    places: year?.places ?? 0,
    openedByKind: year?.byKind ?? {},
  };
}

/** Openings per 年度 (with places and by kind), active projects by stage, and stopped ones. */
export async function developmentFigures(db: DbOrTx, policy: IssuePolicy) {
  requireUse(policy, 'read');
  const rows = await db
    .select({
      kind: developmentProjects.kind,
      stage: developmentProjects.stage,
      status: developmentProjects.status,
      openedOn: developmentProjects.openedOn,
      places: developmentProjects.places,
    })
    .from(developmentProjects)
    .where(projectScope(policy, 'read'));
  const byStage = Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
  const years = new Map<
    number,
    { opened: number; places: number; byKind: Partial<Record<ProjectKind, number>> }
  >();
  let stopped = 0;
  for (const r of rows) {
    if (r.status === 'stopped') stopped++;
    else byStage[r.stage]++;
    if (r.openedOn) {
      const n = nendoOf(r.openedOn);
      const y = years.get(n) ?? { opened: 0, places: 0, byKind: {} };
      years.set(n, y);
      y.opened++;
      y.places += r.places ?? 0;
      y.byKind[r.kind] = (y.byKind[r.kind] ?? 0) + 1;
    }
  }
  const byNendo = [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([nendo, y]) => ({
      nendo,
      opened: y.opened,
      places: y.places,
      byKind: y.byKind as Record<string, number>,
    }));
  return { byNendo, byStage, stopped };
}
