/**
 * The yearly activity report (事業実績, NA-8; docs/municipal-support.md §6): one 年度 of the centre's work over
 * the report's area, each section from the module that owns its figures (their own read functions, so each
 * keeps its own scope rule). Sections run one after another on the pool — never together inside one
 * transaction, which has one connection. A section whose module the reader cannot read is `unavailable`
 * instead of zeros. Counts only: no name or record leaves this file.
 */
import { and, eq, exists, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childConsents,
  children,
  regionMunicipalities,
  registrations,
  resourceServices,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { lifeStage } from '../../shared/age';
import { compareIsoDates } from '../../shared/dates';
import { formatNendo, nendoRange } from '../../shared/nendo';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import { censusAccess } from '../census/policy';
import { lastPublishedRun, runResults } from '../census/results';
import { withoutJit } from '../consultations/access';
import { consultationFigures } from '../consultations/figures';
import { actorTeams, seesWholePrefecture } from '../consultations/teams';
import { councilPolicyFor } from '../councils/scope';
import { councilCounts } from '../councils/summary';
import { engagementCounts } from '../engagements/summary';
import { trainingFigures } from '../learning/figures/figures';
import { learningPolicyFor } from '../learning/scope';
import { developmentCounts, issueCounts } from '../regional-issues/summary';
import { childScope } from '../registry/scope';
import { resourcePolicy } from '../resources/policy';
import { STALE_AFTER_MONTHS } from '../resources/text';
import type { ReportSubject } from './scope';

export type Unavailable = { available: false };
type Section<T> = ({ available: true } & T) | Unavailable;
const UNAVAILABLE: Unavailable = { available: false };

/** Runs a section; a refusal of its module (403, or 404 for the census) makes it unavailable. */
async function guarded<T>(run: () => Promise<T | null>): Promise<Section<T>> {
  try {
    const v = await run();
    return v === null ? UNAVAILABLE : { available: true, ...v };
  } catch (e) {
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found')) return UNAVAILABLE;
    throw e;
  }
}

type KeyCount = { key: string; count: number };
type LabelledCount = KeyCount & { label: string; labelEn: string };

export async function activityReport(
  db: DbOrTx,
  subject: ReportSubject,
  reader: Actor,
  nendo: number,
  now: Date,
) {
  const actor = subject.sectionActor;
  const { start, end } = nendoRange(nendo);
  const consultations = await guarded(async () => {
    const teams = (await actorTeams(db, actor)).map((t) => t.id);
    if (!seesWholePrefecture(actor) && teams.length === 0) return null;
    const f = await withoutJit(db, (tx) => consultationFigures(tx, actor, teams, nendo));
    const open = f.byResolvedTier.find((r) => r.key === 'open')?.count ?? 0;
    const share = f.municipalFirstContactShare.find((y) => y.nendo === nendo);
    return {
      received: f.total,
      closed: f.total - open,
      open,
      handoffsAccepted: f.handoffHours.count,
      handoffMedianHours: f.handoffHours.median,
      municipalFirstContacts: share?.municipal ?? 0,
      municipalFirstShare: share?.share ?? null,
      byFirstTier: f.byFirstTier as KeyCount[],
      byResolvedTier: f.byResolvedTier.filter((r) => r.key !== 'open') as KeyCount[],
      byAskerKind: f.byAskerKind as KeyCount[],
    };
  });
  const trainings = await guarded(async () => {
    const policy = await learningPolicyFor(db, actor);
    if (policy.read.kind === 'none') return null;
    const f = await trainingFigures(db, policy, nendo);
    return {
      sessions: f.totals.sessions,
      participants: f.totals.participants,
      attendees: f.totals.attendees,
      attendanceDays: f.totals.attendanceDays,
      completed: f.totals.completed,
      byCourseKind: f.byCourseKind.map((t) => ({ key: t.key, count: t.attendees })),
      byProfessionGroup: f.byProfessionGroup.map((t) => ({ key: t.key, count: t.attendees })),
    };
  });
  const engagements = await guarded(async () => ({ counts: await engagementCounts(db, actor, nendo) }));
  const councils = await guarded(async () => {
    const policy = await councilPolicyFor(db, actor);
    if (policy.read.kind === 'none') return null;
    const c = await councilCounts(db, actor, nendo, now);
    return {
      heldTotal: c.heldTotal,
      heldByTier: c.heldByTier,
      heldByKind: c.heldByKind.map((k) => ({ key: k.kind, count: k.count })),
      openActionItems: c.openActionItems,
      overdueActionItems: c.overdueActionItems,
    };
  });
  const issues = await guarded(async () => {
    const i = await issueCounts(db, actor, nendo);
    const d = await developmentCounts(db, actor, nendo);
    return {
      raised: i.raised,
      carriedUp: i.carriedUp,
      toCouncil: i.toCouncil,
      proposed: i.proposed,
      answered: i.answered,
      toDevelopment: i.toDevelopment,
      projectsByStage: d.byStage,
      openings: d.opened,
      openedPlaces: d.places,
    };
  });
  const census = await guarded(() => censusSection(db, subject, reader, nendo));
  const registry = await guarded(() => registrySection(db, subject, end));
  const directory = await guarded(() => directorySection(db, subject, start, end, now));
  return {
    nendo,
    label: formatNendo(nendo),
    labelSeireki: formatNendo(nendo, 'ja-seireki'),
    labelEn: formatNendo(nendo, 'en'),
    range: { start, end },
    prefecture: {
      code: subject.prefectureCode,
      name: subject.prefectureName,
      nameEn: subject.prefectureNameEn,
    },
    area: subject.area,
    generatedAt: now.toISOString(),
    consultations,
    trainings,
    engagements,
    councils,
    issues,
    census,
    registry,
    directory,
  };
}

export type ActivityReport = Awaited<ReturnType<typeof activityReport>>;

/**
 * The census's published results of the 年度 (the census's readers only: the centre of the whole prefecture
 * and auditors). A branch's or region's report counts the children of its regions.
 */
async function censusSection(db: DbOrTx, subject: ReportSubject, reader: Actor, nendo: number) {
  if (censusAccess(reader) === 'none') return null;
  const run = await lastPublishedRun(db, subject.prefectureCode, nendo);
  if (!run)
    return {
      published: false,
      children: 0,
      byRegion: [] as LabelledCount[],
      byAgeBand: [] as LabelledCount[],
      change: null,
    };
  const r = await runResults(db, reader, run);
  const ids = subject.regionIds;
  const byRegion = r.byRegion
    .filter((x) => !ids || ids.includes(x.key))
    .map((x) => ({ key: x.key, label: x.label, labelEn: x.labelEn, count: x.count }));
  return {
    published: true,
    children: ids ? byRegion.reduce((s, x) => s + x.count, 0) : r.children,
    byRegion,
    // The age bands and the change from last year are the prefecture's (the linkage is prefecture-wide).
    byAgeBand: ids
      ? []
      : r.byAgeBand.map((x) => ({ key: x.key, label: x.label, labelEn: x.labelEn, count: x.count })),
    change: ids ? null : r.change,
  };
}

/**
 * Children in the registry of the area at the 年度's end (registered by then, living at home or in hospital
 * now), by life stage on that day: the registry's own scope (childScope) of the reader's area.
 *
 * A child was registered on the earliest of: the guardian's first consent decision (the registration form
 * carries them; a paper form typed in later keeps the day it was signed), the day the family sent the online
 * registration form that became the record, and the day the record was made (Japan time). The record's creation
 * alone would move last year's paper forms, or a ledger brought into the product, into the year of typing.
 */
async function registrySection(db: DbOrTx, subject: ReportSubject, end: string) {
  const actor = subject.sectionActor;
  if (actor.scope.kind === 'none') return null;
  const endBoundary = sql`((${end}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;
  const rows = await db
    .select({ birthDate: children.birthDate, count: sql<number>`count(*)::int` })
    .from(children)
    .where(
      and(
        childScope(actor),
        inArray(children.status, ['at_home', 'in_hospital']),
        or(
          sql`${children.createdAt} < ${endBoundary}`,
          exists(
            db
              .select({ one: sql`1` })
              .from(childConsents)
              .where(and(eq(childConsents.childId, children.id), lte(childConsents.decidedOn, end))),
          ),
          exists(
            db
              .select({ one: sql`1` })
              .from(registrations)
              .where(
                and(
                  eq(registrations.childId, children.id),
                  sql`${registrations.submittedAt} < ${endBoundary}`,
                ),
              ),
          ),
        ),
      ),
    )
    .groupBy(children.birthDate);
  const stages = new Map<string, number>(LIFE_STAGES.map((s) => [s, 0]));
  let total = 0;
  for (const r of rows) {
    if (compareIsoDates(r.birthDate, end) > 0) continue;
    const stage = lifeStage(r.birthDate, end);
    stages.set(stage, (stages.get(stage) ?? 0) + r.count);
    total += r.count;
  }
  return { total, byLifeStage: LIFE_STAGES.map((key) => ({ key, count: stages.get(key) ?? 0 })) };
}

/**
 * The directory of the area: services listed (active), confirmed in the 年度, and stale at its end (or today
 * for the 年度 in progress) — not confirmed for STALE_AFTER_MONTHS months.
 */
async function directorySection(db: DbOrTx, subject: ReportSubject, start: string, end: string, now: Date) {
  if (resourcePolicy(subject.sectionActor).read.kind === 'none') return null;
  const endAt = new Date(`${end}T23:59:59.999+09:00`);
  const asOf = endAt < now ? endAt : now;
  const staleBefore = new Date(asOf);
  staleBefore.setUTCMonth(staleBefore.getUTCMonth() - STALE_AFTER_MONTHS);
  const from = new Date(`${start}T00:00:00+09:00`);
  const ids = subject.regionIds;
  const [row] = await db
    .select({
      listed: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${resourceServices.lastConfirmedAt} >= ${from} and ${resourceServices.lastConfirmedAt} <= ${endAt})::int`,
      stale: sql<number>`count(*) filter (where ${resourceServices.lastConfirmedAt} is null or ${resourceServices.lastConfirmedAt} < ${staleBefore})::int`,
    })
    .from(resourceServices)
    .where(
      and(
        eq(resourceServices.prefectureCode, subject.prefectureCode),
        eq(resourceServices.status, 'active'),
        ids
          ? inArray(
              resourceServices.municipalityCode,
              db
                .select({ code: regionMunicipalities.municipalityCode })
                .from(regionMunicipalities)
                .where(
                  and(
                    inArray(
                      regionMunicipalities.regionId,
                      ids.length ? ids : ['00000000-0000-0000-0000-000000000000'],
                    ),
                    isNull(regionMunicipalities.validTo),
                  ),
                ),
            )
          : undefined,
      ),
    );
  return {
    listed: row?.listed ?? 0,
    confirmed: row?.confirmed ?? 0,
    stale: row?.stale ?? 0,
    staleAfterMonths: STALE_AFTER_MONTHS,
  };
}
