/**
 * The caseload board (MI-8): per person and per team, open cases, overdue ones and new ones this month, over
 * the consultations the actor may see; and per region, whether a few people carry a disproportionate share
 * of the open cases (the pure rule in caseload.ts, configurable per prefecture, explained on screen).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childCareTeam,
  children,
  consultationSettings,
  consultations,
  consultationTeams,
  regionMunicipalities,
  regions,
  users,
} from '../../db/schema';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { inOrder } from './access';
import { type ConcentrationRule, DEFAULT_CONCENTRATION_RULE, measureConcentration } from './caseload';
import { DEFAULT_ESCALATE_AFTER_WORKING_DAYS } from './escalation-rules';
import { consultationScope } from './scope';

/** The prefecture's rule, or the default when none is stored. */
export async function concentrationRuleOf(
  db: DbOrTx,
  prefectureCode: string,
): Promise<ConcentrationRule & { escalateAfterWorkingDays: number; version: number }> {
  const [row] = await db
    .select()
    .from(consultationSettings)
    .where(eq(consultationSettings.prefectureCode, prefectureCode));
  if (!row)
    return {
      ...DEFAULT_CONCENTRATION_RULE,
      escalateAfterWorkingDays: DEFAULT_ESCALATE_AFTER_WORKING_DAYS,
      version: 0,
    };
  return {
    topShare: row.topShare,
    maxShare: row.maxShare,
    minCases: row.minCases,
    escalateAfterWorkingDays: row.escalateAfterWorkingDays,
    version: row.version,
  };
}

/** The rule in words, for the screen. */
export function explainRule(rule: ConcentrationRule): { ja: string; en: string } {
  const top = Math.round(rule.topShare * 100);
  const max = Math.round(rule.maxShare * 100);
  return {
    ja:
      `圏域ごとに、未終結の相談を最も多く担当している上位${top}%の担当者（最低1人）が、その圏域の未終結相談の` +
      `${max}%を超えて担当しているときに警告します。未終結が${rule.minCases}件未満、または担当者が3人未満の圏域は判定しません。`,
    en:
      `For each region, a warning shows when the busiest ${top}% of people (at least one) carry more than ${max}% ` +
      `of the region's open consultations. Regions with fewer than ${rule.minCases} open consultations or fewer ` +
      'than three people are not judged.',
  };
}

function monthStart(today: string): string {
  return `${today.slice(0, 7)}-01`;
}

/** The board; `overdueBefore` is today's working-day cut-off (modules/calendar `overdueBeforeIn`). */
export async function caseloadBoard(
  db: DbOrTx,
  actor: Actor,
  teamIds: string[],
  today: string,
  overdueBefore: string,
) {
  const scope = consultationScope(actor, teamIds);
  const open = isNull(consultations.closedAt);
  const counts = {
    open: sql<number>`count(*) filter (where ${consultations.closedAt} is null)::int`,
    overdue: sql<number>`count(*) filter (where ${consultations.closedAt} is null and ${consultations.dueOn} < ${overdueBefore})::int`,
    newThisMonth: sql<number>`count(*) filter (where ${consultations.openedOn} >= ${monthStart(today)})::int`,
    children: sql<number>`count(distinct ${consultations.childId}) filter (where ${consultations.closedAt} is null)::int`,
  };
  // Cases that are open or opened this month are the only ones counted: a bounded set.
  const relevant = and(
    scope,
    sql`(${consultations.closedAt} is null or ${consultations.openedOn} >= ${monthStart(today)})`,
  );
  const [people, teams, regionLoads, rule, keyLoads] = await inOrder([
    () =>
      db
        .select({ userId: consultations.assignedUserId, name: users.displayName, ...counts })
        .from(consultations)
        .leftJoin(users, eq(users.id, consultations.assignedUserId))
        .where(relevant)
        .groupBy(consultations.assignedUserId, users.displayName)
        .orderBy(users.displayName),
    () =>
      db
        .select({
          teamId: consultations.ownerTeamId,
          name: consultationTeams.name,
          tier: consultationTeams.tier,
          ...counts,
        })
        .from(consultations)
        .innerJoin(consultationTeams, eq(consultationTeams.id, consultations.ownerTeamId))
        .where(relevant)
        .groupBy(consultations.ownerTeamId, consultationTeams.name, consultationTeams.tier)
        .orderBy(consultationTeams.tier, consultationTeams.name),
    () =>
      db
        .select({
          regionId: regionMunicipalities.regionId,
          userId: consultations.assignedUserId,
          n: sql<number>`count(*)::int`,
        })
        .from(consultations)
        // The region of a case is the current region of its municipality.
        .innerJoin(
          regionMunicipalities,
          and(
            eq(regionMunicipalities.municipalityCode, consultations.municipalityCode),
            isNull(regionMunicipalities.validTo),
          ),
        )
        .where(and(scope, open, sql`${consultations.assignedUserId} is not null`))
        .groupBy(regionMunicipalities.regionId, consultations.assignedUserId),
    () => concentrationRuleOf(db, actor.prefectureCode ?? ''),
    // Children each user is key coordinator of (through the person the account stands for), counted only
    // among the children the reader may see in the registry.
    () =>
      db
        .select({ userId: users.id, n: sql<number>`count(*)::int` })
        .from(childCareTeam)
        .innerJoin(children, eq(children.id, childCareTeam.childId))
        .innerJoin(users, eq(users.personId, childCareTeam.personId))
        .where(and(eq(childCareTeam.isKeyCoordinator, true), childScope(actor)))
        .groupBy(users.id),
  ]);
  const keyByUser = new Map(keyLoads.map((k) => [k.userId, k.n]));
  const regionNames = new Map(
    (
      await db
        .select({ id: regions.id, name: regions.name })
        .from(regions)
        .where(actor.prefectureCode ? eq(regions.prefectureCode, actor.prefectureCode) : sql`false`)
    ).map((r) => [r.id, r.name]),
  );
  const byRegion = new Map<string, { personId: string; openCases: number }[]>();
  for (const l of regionLoads) {
    if (!l.regionId || !l.userId) continue;
    const list = byRegion.get(l.regionId) ?? [];
    list.push({ personId: l.userId, openCases: l.n });
    byRegion.set(l.regionId, list);
  }
  const { version, escalateAfterWorkingDays, ...ruleOnly } = rule;
  return {
    today,
    people: people
      .map((p) => ({ ...p, keyChildren: p.userId ? (keyByUser.get(p.userId) ?? 0) : 0 }))
      .filter((p) => p.open > 0 || p.newThisMonth > 0),
    teams,
    regions: [...byRegion.entries()]
      .map(([regionId, loads]) => ({
        regionId,
        name: regionNames.get(regionId) ?? '',
        ...measureConcentration(loads, ruleOnly),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    rule: { ...ruleOnly, escalateAfterWorkingDays, version, explanation: explainRule(ruleOnly) },
  };
}
