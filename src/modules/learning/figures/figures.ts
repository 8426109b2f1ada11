/**
 * Training figures by 年度 (docs/learning.md §8): attendances by course kind, profession (and group) and region;
 * completion rates per course and session; and the follow-up effect — consultations later received from the
 * organisations whose staff were trained. A session belongs to the 年度 of its first day; its participants are
 * the selected applicants (the applicants, for a session without capacity); an attendee is a participant
 * present on at least one day. Sessions and completions follow the caller's area (the learning policy's manage
 * area; the prefecture's for auditors). The consultations counted are only counts, never cases.
 */
import { and, eq, gte, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  consultations,
  learnerProfiles,
  regions,
  trainingApplications,
  trainingAttendance,
  trainingCompletions,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
} from '../../../db/schema';
import { AppError } from '../../../server/errors';
import { formatNendo, nendoRange } from '../../../shared/nendo';
import type { CourseKind, Profession, ProfessionGroup } from '../../../shared/vocab/learning';
import type { LearningPolicy } from '../policy';
import { sessionScope } from '../scope';

/** 年度 shown in the follow-up effect, the asked one included. */
export const FOLLOW_UP_YEARS = 5;

export type Tally = { key: string; name?: string | null; participants: number; attendees: number };
export type Rate = { participants: number; completed: number; rate: number | null };

export type TrainingFigures = {
  nendo: number;
  label: string;
  range: { start: string; end: string };
  totals: Rate & { sessions: number; attendees: number; attendanceDays: number };
  byCourseKind: (Tally & { key: CourseKind })[];
  byProfession: (Tally & { key: Profession; group: ProfessionGroup })[];
  byProfessionGroup: (Tally & { key: ProfessionGroup })[];
  byRegion: Tally[];
  byCourse: ({ courseId: string; title: string; kind: CourseKind; sessions: number } & Rate)[];
  bySession: ({
    sessionId: string;
    title: string;
    courseTitle: string;
    kind: CourseKind;
    firstDay: string;
  } & Rate)[];
  followUp: {
    nendo: number;
    label: string;
    /** Organisations whose staff first completed a course in this 年度. */
    newlyTrainedOrganisations: number;
    /** Organisations trained by the end of this 年度. */
    trainedOrganisations: number;
    /** Consultations opened in this 年度 by an organisation after its staff were trained. */
    consultations: number;
    /** Trained organisations that asked at least once in this 年度. */
    askingOrganisations: number;
  }[];
};

/** The read area of figures: what the caller manages, or the prefecture for a reader who manages nothing. */
function figuresScope(policy: LearningPolicy): SQL {
  return policy.manage.kind === 'none' ? sessionScope(policy, 'read') : sessionScope(policy, 'manage');
}

const rate = (participants: number, completed: number): Rate => ({
  participants,
  completed,
  rate: participants ? completed / participants : null,
});

export async function trainingFigures(
  db: DbOrTx,
  policy: LearningPolicy,
  nendo: number,
): Promise<TrainingFigures> {
  const pref = policy.prefectureCode;
  if (!pref || policy.read.kind === 'none') throw new AppError('forbidden');
  const { start, end } = nendoRange(nendo);
  const scope = figuresScope(policy);
  const firstDay = db
    .select({
      sessionId: trainingSessionDays.sessionId,
      first: sql<string>`min(${trainingSessionDays.heldOn})`.as('first'),
    })
    .from(trainingSessionDays)
    .groupBy(trainingSessionDays.sessionId)
    .as('first_day');
  const rows = await db
    .select({
      sessionId: trainingSessions.id,
      sessionTitle: trainingSessions.title,
      firstDay: firstDay.first,
      courseId: trainingCourses.id,
      courseTitle: trainingCourses.title,
      kind: trainingCourses.kind,
      applicationId: trainingApplications.id,
      learnerUserId: trainingApplications.learnerUserId,
      profession: trainingApplications.profession,
      group: trainingApplications.professionGroup,
      regionId: trainingApplications.regionId,
      regionName: regions.name,
      regionOrder: regions.sortOrder,
      daysPresent: sql<number>`(select count(*)::int from ${trainingAttendance}
        where ${trainingAttendance.applicationId} = ${trainingApplications.id} and ${trainingAttendance.present})`,
      completed: sql<boolean>`exists (select 1 from ${trainingCompletions}
        where ${trainingCompletions.sessionId} = ${trainingSessions.id}
          and ${trainingCompletions.learnerUserId} = ${trainingApplications.learnerUserId}
          and ${trainingCompletions.revokedAt} is null)`,
    })
    .from(trainingSessions)
    .innerJoin(firstDay, eq(firstDay.sessionId, trainingSessions.id))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(trainingApplications, eq(trainingApplications.sessionId, trainingSessions.id))
    .leftJoin(regions, eq(regions.id, trainingApplications.regionId))
    .where(
      and(
        scope,
        ne(trainingSessions.status, 'cancelled'),
        gte(firstDay.first, start),
        lte(firstDay.first, end),
        or(
          eq(trainingApplications.status, 'selected'),
          and(eq(trainingApplications.status, 'applied'), isNull(trainingSessions.capacity)),
        ),
      ),
    );
  const tally = <K extends string>(
    key: (r: (typeof rows)[number]) => K,
    name?: (r: (typeof rows)[number]) => string | null,
  ) => {
    const m = new Map<K, Tally & { key: K }>();
    for (const r of rows) {
      const k = key(r);
      const t = m.get(k) ?? { key: k, ...(name ? { name: name(r) } : {}), participants: 0, attendees: 0 };
      t.participants++;
      if (Number(r.daysPresent) > 0) t.attendees++;
      m.set(k, t);
    }
    return [...m.values()];
  };
  const byKey = <T extends { key: string }>(a: T[]) => a.sort((x, y) => x.key.localeCompare(y.key));
  const regionOrder = new Map(rows.map((r) => [r.regionId ?? '', r.regionOrder ?? 1e9]));
  const courses = new Map<string, TrainingFigures['byCourse'][number] & { ids: Set<string> }>();
  const sessions = new Map<string, TrainingFigures['bySession'][number]>();
  for (const r of rows) {
    const c = courses.get(r.courseId) ?? {
      courseId: r.courseId,
      title: r.courseTitle,
      kind: r.kind,
      sessions: 0,
      ids: new Set(),
      ...rate(0, 0),
    };
    c.ids.add(r.sessionId);
    c.participants++;
    if (r.completed) c.completed++;
    courses.set(r.courseId, c);
    const s = sessions.get(r.sessionId) ?? {
      sessionId: r.sessionId,
      title: r.sessionTitle,
      courseTitle: r.courseTitle,
      kind: r.kind,
      firstDay: String(r.firstDay),
      ...rate(0, 0),
    };
    s.participants++;
    if (r.completed) s.completed++;
    sessions.set(r.sessionId, s);
  }
  const completed = rows.filter((r) => r.completed).length;
  return {
    nendo,
    label: formatNendo(nendo),
    range: { start, end },
    totals: {
      sessions: sessions.size,
      attendees: rows.filter((r) => Number(r.daysPresent) > 0).length,
      attendanceDays: rows.reduce((n, r) => n + Number(r.daysPresent), 0),
      ...rate(rows.length, completed),
    },
    byCourseKind: byKey(tally((r) => r.kind)),
    byProfession: byKey(tally((r) => r.profession)).map((t) => ({
      ...t,
      group: rows.find((r) => r.profession === t.key)!.group,
    })),
    byProfessionGroup: byKey(tally((r) => r.group)),
    byRegion: tally(
      (r) => r.regionId ?? '',
      (r) => r.regionName,
    ).sort(
      (a, b) =>
        (regionOrder.get(a.key) ?? 1e9) - (regionOrder.get(b.key) ?? 1e9) || a.key.localeCompare(b.key),
    ),
    byCourse: [...courses.values()]
      .map(({ ids, ...c }) => ({
        ...c,
        sessions: ids.size,
        rate: c.participants ? c.completed / c.participants : null,
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, 'ja')),
    bySession: [...sessions.values()]
      .map((s) => ({ ...s, rate: s.participants ? s.completed / s.participants : null }))
      .sort((a, b) => a.firstDay.localeCompare(b.firstDay) || a.title.localeCompare(b.title, 'ja')),
    followUp: await followUp(db, policy, nendo),
  };
}

const fy = (col: SQL | typeof consultations.openedOn) =>
  sql<number>`(extract(year from ${col}) - case when extract(month from ${col}) < 4 then 1 else 0 end)::int`;

/**
 * Per 年度 over {@link FOLLOW_UP_YEARS}: organisations trained (a learner whose profile names the organisation
 * as workplace holds a standing completion within the caller's area) and consultations the prefecture received
 * from them after the first completion of their staff (the consultation's asker organisation).
 */
async function followUp(
  db: DbOrTx,
  policy: LearningPolicy,
  nendo: number,
): Promise<TrainingFigures['followUp']> {
  const pref = policy.prefectureCode!;
  const wide = policy.manage.kind === 'prefecture' || policy.manage.kind === 'none';
  const firstYear = nendo - (FOLLOW_UP_YEARS - 1);
  const { end } = nendoRange(nendo);
  const trained = db
    .select({
      org: sql<string>`${learnerProfiles.workplaceOrganisationId}`.as('org'),
      first: sql<string>`min(${trainingCompletions.completedOn})`.as('first'),
    })
    .from(trainingCompletions)
    .innerJoin(learnerProfiles, eq(learnerProfiles.userId, trainingCompletions.learnerUserId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, trainingCompletions.sessionId))
    .where(
      and(
        eq(trainingCompletions.prefectureCode, pref),
        isNull(trainingCompletions.revokedAt),
        sql`${learnerProfiles.workplaceOrganisationId} is not null`,
        lte(trainingCompletions.completedOn, end),
        wide ? or(isNull(trainingCompletions.sessionId), figuresScope(policy)) : figuresScope(policy),
      ),
    )
    .groupBy(learnerProfiles.workplaceOrganisationId)
    .as('trained');
  const orgs = await db.select({ first: trained.first }).from(trained);
  const asked = await db
    .select({
      nendo: fy(consultations.openedOn),
      consultations: sql<number>`count(*)::int`,
      organisations: sql<number>`count(distinct ${consultations.askerOrganisationId})::int`,
    })
    .from(consultations)
    .innerJoin(trained, eq(trained.org, consultations.askerOrganisationId))
    .where(
      and(
        eq(consultations.prefectureCode, pref),
        gte(consultations.openedOn, nendoRange(firstYear).start),
        lte(consultations.openedOn, end),
        sql`${consultations.openedOn} > ${trained.first}`,
      ),
    )
    .groupBy(sql`1`);
  const byYear = new Map(asked.map((a) => [Number(a.nendo), a]));
  const out: TrainingFigures['followUp'] = [];
  for (let y = firstYear; y <= nendo; y++) {
    const { start: s, end: e } = nendoRange(y);
    const firsts = orgs.map((o) => String(o.first));
    out.push({
      nendo: y,
      label: formatNendo(y),
      newlyTrainedOrganisations: firsts.filter((f) => f >= s && f <= e).length,
      trainedOrganisations: firsts.filter((f) => f <= e).length,
      consultations: byYear.get(y)?.consultations ?? 0,
      askingOrganisations: byYear.get(y)?.organisations ?? 0,
    });
  }
  return out;
}
