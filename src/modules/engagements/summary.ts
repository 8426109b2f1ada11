/**
 * What other parts of the product read of engagements (the municipality page, the yearly activity report):
 * the last engagement and the next four-division meeting due for one municipality, and the year's counts by
 * kind. Both read within the actor's area like the engagement screens: a role without access is refused (403)
 * and a municipality outside the area answers 404.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { engagements } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { nendoRange } from '../../shared/nendo';
import { ENGAGEMENT_KINDS, type EngagementKind } from '../../shared/vocab/engagements';
import type { Actor } from '../access/actor';
import { fourDivisionStatus } from './four-division';
import type { EngagementPolicy } from './policy';
import { engagementScope } from './queries';
import { municipalityInScope, requireEngagementAccess } from './scope';

export type EngagementSummary = {
  lastEngagement: { date: string; kind: EngagementKind } | null;
  /** When the next four-division meeting is due; null when the municipality is not on a cycle. */
  nextDue: string | null;
  overdue: boolean;
};

/** Held engagements of one 年度 by kind, how many municipalities they reached and how many are good examples. */
export type EngagementCounts = Record<EngagementKind, number> & {
  municipalities: number;
  goodExamples: number;
};

export async function summaryWithin(
  db: DbOrTx,
  policy: EngagementPolicy,
  municipalityCode: string,
  today: string,
): Promise<EngagementSummary> {
  const [last] = await db
    .select({ date: engagements.occurredOn, kind: engagements.kind })
    .from(engagements)
    .where(
      and(
        engagementScope(policy),
        eq(engagements.municipalityCode, municipalityCode),
        eq(engagements.status, 'held'),
      ),
    )
    .orderBy(desc(engagements.occurredOn), desc(engagements.createdAt))
    .limit(1);
  const [cycle] = await fourDivisionStatus(db, policy, today, [municipalityCode]);
  return {
    lastEngagement: last ? { date: last.date, kind: last.kind } : null,
    nextDue: cycle?.onCycle ? cycle.nextDue : null,
    overdue: cycle?.state === 'overdue',
  };
}

/**
 * The last engagement with a municipality and its next four-division meeting due, for the municipality page.
 * `today` defaults to the date in Japan now.
 */
export async function engagementSummary(
  db: DbOrTx,
  actor: Actor,
  municipalityCode: string,
  today = isoDateInJapan(new Date()),
): Promise<EngagementSummary> {
  const policy = await requireEngagementAccess(db, actor);
  await municipalityInScope(db, policy, municipalityCode);
  return summaryWithin(db, policy, municipalityCode, today);
}

export async function countsWithin(
  db: DbOrTx,
  policy: EngagementPolicy,
  fiscalYear: number,
  municipalityCode?: string,
): Promise<EngagementCounts> {
  const { start, end } = nendoRange(fiscalYear);
  const rows = await db
    .select({
      kind: engagements.kind,
      n: sql<number>`count(*)::int`,
      good: sql<number>`count(*) filter (where ${engagements.goodExample})::int`,
      munis: sql<string[]>`array_agg(distinct ${engagements.municipalityCode})`,
    })
    .from(engagements)
    .where(
      and(
        engagementScope(policy),
        eq(engagements.status, 'held'),
        sql`${engagements.occurredOn} between ${start} and ${end}`,
        municipalityCode ? eq(engagements.municipalityCode, municipalityCode) : undefined,
      ),
    )
    .groupBy(engagements.kind);
  const out = Object.fromEntries(ENGAGEMENT_KINDS.map((k) => [k, 0])) as EngagementCounts;
  const reached = new Set<string>();
  out.goodExamples = 0;
  for (const r of rows) {
    out[r.kind] = Number(r.n);
    out.goodExamples += Number(r.good);
    for (const m of r.munis ?? []) reached.add(m);
  }
  out.municipalities = reached.size;
  return out;
}

/** Held engagements of one 年度 (fiscal year) by kind within the actor's area, for the yearly activity report. */
export async function engagementCounts(
  db: DbOrTx,
  actor: Actor,
  fiscalYear: number,
): Promise<EngagementCounts> {
  const policy = await requireEngagementAccess(db, actor);
  return countsWithin(db, policy, fiscalYear);
}
