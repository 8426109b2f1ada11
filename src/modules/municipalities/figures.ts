/**
 * What the product already knows about a municipality, within the reader's scope (docs/municipal-support.md
 * §1): children by life stage and care item (the registry's one scope — a municipality's staff count only the
 * children shared with them, and the rest as one number), consultations of this 年度 and the last with the
 * share first taken by the municipality (KU-7), care items with demand and the accepting services in or serving
 * the municipality with its region's bottlenecks, trained coordinators working there (the learning roster's
 * rule), and for the census's readers the discrepancies of the newest published run. Counts only: no name or
 * record leaves this file. A fixed number of statements, each on an index; no loop over rows queries.
 */
import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  censusRuns,
  childCareItems,
  children,
  consultations,
  coordinatorStatuses,
  learnerProfiles,
  resourceBottlenecks,
  resourceServices,
  trainingCompletions,
  trainingCourses,
} from '../../db/schema';
import type { ChildStatus } from '../../db/schema/registry';
import { lifeStage } from '../../shared/age';
import { compareIsoDates } from '../../shared/dates';
import { type Nendo, nendoRange } from '../../shared/nendo';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import { discrepanciesOf } from '../census/discrepancies';
import { censusAccess } from '../census/policy';
import { loadClusters } from '../census/results';
import { consultationScope } from '../consultations/scope';
import { actorTeams, seesWholePrefecture } from '../consultations/teams';
import { municipalityDisasterCounts } from '../disaster/coverage';
import { childScope, withheldChildrenCount } from '../registry/scope';
import { COUNTED_TYPES } from '../resources/gaps';
import { resourcePolicy } from '../resources/policy';
import type { MunicipalityRow } from './scope';

/** Children counted: living at home or in hospital (as the resources gaps count demand). */
const LIVING: ChildStatus[] = ['at_home', 'in_hospital'];

/** The figures of one municipality the caller already verified (visibleMunicipality). */
export async function municipalFigures(
  db: DbOrTx,
  actor: Actor,
  m: MunicipalityRow,
  nendo: Nendo,
  today: string,
) {
  const [kids, consult, supply, bottlenecks, coordinators, census, disaster] = await Promise.all([
    childFigures(db, actor, m.code, today),
    consultationFigures(db, actor, m.code, nendo),
    resourcePolicy(actor).gaps ? acceptingServices(db, m.code) : null,
    resourcePolicy(actor).gaps && m.regionId ? regionBottlenecks(db, m.code.slice(0, 2), m.regionId) : [],
    trainedCoordinators(db, m.code),
    censusFigures(db, actor, m.code),
    municipalityDisasterCounts(db, actor, m.code),
  ]);
  const gaps = supply
    ? {
        items: kids.byCareItem
          .map((c) => ({ careItem: c.key, demand: c.count, services: supply.get(c.key) ?? 0 }))
          .sort(
            (a, b) => a.services - b.services || b.demand - a.demand || a.careItem.localeCompare(b.careItem),
          ),
        bottlenecks,
      }
    : null;
  return { nendo, children: kids, consultations: consult, gaps, coordinators, census, disaster };
}

async function childFigures(db: DbOrTx, actor: Actor, code: string, today: string) {
  const where = and(childScope(actor), eq(children.municipalityCode, code), inArray(children.status, LIVING));
  const [byBirth, byItem, withheld] = await Promise.all([
    db
      .select({ birthDate: children.birthDate, count: sql<number>`count(*)::int` })
      .from(children)
      .where(where)
      .groupBy(children.birthDate),
    db
      .select({ key: childCareItems.code, count: sql<number>`count(distinct ${children.id})::int` })
      .from(children)
      .innerJoin(childCareItems, eq(childCareItems.childId, children.id))
      .where(where)
      .groupBy(childCareItems.code),
    actor.scope.kind === 'municipality' && actor.scope.municipalityCode === code
      ? withheldChildrenCount(db, actor)
      : 0,
  ]);
  const stages = new Map<string, number>(LIFE_STAGES.map((s) => [s, 0]));
  let total = 0;
  for (const r of byBirth) {
    if (compareIsoDates(r.birthDate, today) > 0) continue;
    const stage = lifeStage(r.birthDate, today);
    stages.set(stage, (stages.get(stage) ?? 0) + r.count);
    total += r.count;
  }
  return {
    total,
    byLifeStage: LIFE_STAGES.map((key) => ({ key, count: stages.get(key) ?? 0 })),
    byCareItem: byItem.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    withheld,
  };
}

/** Consultations about the municipality the reader sees, this 年度 and the last; null without any. */
async function consultationFigures(db: DbOrTx, actor: Actor, code: string, nendo: Nendo) {
  const teams = seesWholePrefecture(actor) ? [] : (await actorTeams(db, actor)).map((t) => t.id);
  if (!seesWholePrefecture(actor) && teams.length === 0) return null;
  const years = [nendo - 1, nendo];
  const rows = await db
    .select({
      nendo: sql<number>`(extract(year from ${consultations.openedOn} - interval '3 months'))::int`,
      total: sql<number>`count(*)::int`,
      municipalFirst: sql<number>`count(*) filter (where ${consultations.firstTier} = 'municipality')::int`,
    })
    .from(consultations)
    .where(
      and(
        consultationScope(actor, teams),
        eq(consultations.municipalityCode, code),
        gte(consultations.openedOn, nendoRange(years[0]!).start),
        lte(consultations.openedOn, nendoRange(nendo).end),
      ),
    )
    .groupBy(sql`1`);
  return {
    years: years.map((n) => {
      const r = rows.find((x) => x.nendo === n);
      const total = r?.total ?? 0;
      const municipalFirst = r?.municipalFirst ?? 0;
      return { nendo: n, total, municipalFirst, share: total ? municipalFirst / total : null };
    }),
  };
}

/**
 * Active services in or serving the municipality, per care item they accept — of the types the gaps rule counts
 * (resources/gap-rule.ts: somewhere to spend the day, care at home, short stay), so that a hospital or a pharmacy
 * never makes the municipality look supplied, as on the gaps page.
 */
async function acceptingServices(db: DbOrTx, code: string) {
  const rows = await db
    .select({ accepts: resourceServices.accepts })
    .from(resourceServices)
    .where(
      and(
        eq(resourceServices.prefectureCode, code.slice(0, 2)),
        eq(resourceServices.status, 'active'),
        inArray(resourceServices.type, COUNTED_TYPES),
        or(
          eq(resourceServices.municipalityCode, code),
          sql`${resourceServices.areaCodes} @> array[${code}]::text[]`,
        ),
      ),
    );
  const out = new Map<string, number>();
  for (const r of rows) for (const item of new Set(r.accepts)) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

/** The newest bottlenecks recorded for the municipality's region (at most five). */
async function regionBottlenecks(db: DbOrTx, prefectureCode: string, regionId: string) {
  const rows = await db
    .select({
      kind: resourceBottlenecks.kind,
      careItem: resourceBottlenecks.careItem,
      note: resourceBottlenecks.note,
      createdAt: resourceBottlenecks.createdAt,
    })
    .from(resourceBottlenecks)
    .where(
      and(eq(resourceBottlenecks.prefectureCode, prefectureCode), eq(resourceBottlenecks.regionId, regionId)),
    )
    .orderBy(desc(resourceBottlenecks.createdAt))
    .limit(5);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * Trained coordinators working in the municipality now: standing (not revoked) completions of a coordinator
 * course by learners whose profile names it, and how many of them are confirmed active (the roster's rule).
 */
async function trainedCoordinators(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      trained: sql<number>`count(distinct ${trainingCompletions.learnerUserId})::int`,
      active: sql<number>`count(distinct ${trainingCompletions.learnerUserId}) filter (where ${coordinatorStatuses.active})::int`,
    })
    .from(learnerProfiles)
    .innerJoin(trainingCompletions, eq(trainingCompletions.learnerUserId, learnerProfiles.userId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .leftJoin(coordinatorStatuses, eq(coordinatorStatuses.learnerUserId, learnerProfiles.userId))
    .where(
      and(
        eq(learnerProfiles.municipalityCode, code),
        eq(trainingCompletions.prefectureCode, code.slice(0, 2)),
        eq(trainingCourses.kind, 'coordinator_course'),
        isNull(trainingCompletions.revokedAt),
      ),
    );
  return { trained: row?.trained ?? 0, active: row?.active ?? 0 };
}

/**
 * For the census's readers (the centre with a whole-prefecture scope, auditors): the municipality's
 * discrepancies in the newest published run — children another source places there that none of its own
 * lists holds, and conflicting details. Reads the run's members (the census module's own rule); null for
 * everyone else and when nothing is published.
 */
async function censusFigures(db: DbOrTx, actor: Actor, code: string) {
  if (censusAccess(actor) === 'none') return null;
  const [run] = await db
    .select({ id: censusRuns.id, nendo: censusRuns.nendo })
    .from(censusRuns)
    .where(and(eq(censusRuns.prefectureCode, code.slice(0, 2)), eq(censusRuns.status, 'published')))
    .orderBy(desc(censusRuns.nendo), desc(censusRuns.publishedAt))
    .limit(1);
  if (!run) return null;
  const items = discrepanciesOf(await loadClusters(db, actor, run.id), code);
  const missing = items.filter((i) => i.kind === 'missing').length;
  return { nendo: run.nendo, missing, conflicts: items.length - missing };
}
