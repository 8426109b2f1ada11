import { and, asc, eq, isNull, min, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  learnerProfiles,
  municipalities,
  organisations,
  regionMunicipalities,
  regions,
  trainingApplications,
  trainingCourses,
  trainingSelections,
  trainingSessionDays,
  trainingSessions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { PROFESSION_GROUP_OF, type Profession } from '../../shared/vocab/learning';
import type { SelectionReason } from '../../shared/vocab/learning-selection';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { MailSettings } from '../mail/settings';
import type { PreSurvey } from './schemas-applications';

/** Who acts, and the mail settings when the deployment sends mail (results are then also mailed). */
export type Who = { actor: Actor; meta: RequestMeta | null; at: Date; mail?: MailSettings | undefined };

/** Learners only: staff manage applications, they do not apply (403 before any id is read). */
export function requireLearner(actor: Actor): void {
  if (actor.role !== 'learner' || !actor.prefectureCode) throw new AppError('forbidden');
}

type SessionRow = typeof trainingSessions.$inferSelect;

/** Whether the session takes applications at `at`: open, and within its window where one is set. */
export function acceptsApplications(s: SessionRow, at: Date): boolean {
  if (s.status !== 'open') return false;
  if (s.applicationsOpenAt && at < s.applicationsOpenAt) return false;
  if (s.applicationsCloseAt && at >= s.applicationsCloseAt) return false;
  return true;
}

/** A session a learner may see and apply to: of their prefecture and not a draft; else 404. */
async function learnerSession(db: DbOrTx, actor: Actor, unverifiedId: string, forUpdate = false) {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const q = db
    .select({
      session: trainingSessions,
      courseTitle: trainingCourses.title,
      courseKind: trainingCourses.kind,
    })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        eq(trainingSessions.id, unverifiedId),
        eq(trainingSessions.prefectureCode, actor.prefectureCode!),
        ne(trainingSessions.status, 'draft'),
      ),
    );
  const [row] = forUpdate ? await q.for('update', { of: trainingSessions }) : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** The first day of the session in the current row (a scalar subquery). */
const firstDay = sql<
  string | null
>`(select min(d.held_on)::text from training_session_days d where d.session_id = ${trainingSessions.id})`;

/** The apply form: the session, the learner's profile as defaults, the municipalities to pick from. */
export async function applyContext(db: DbOrTx, actor: Actor, unverifiedId: string, at: Date) {
  const { session, courseTitle, courseKind } = await learnerSession(db, actor, unverifiedId);
  const [[profile], munis, [existing], [first]] = await Promise.all([
    db
      .select({
        profession: learnerProfiles.profession,
        municipalityCode: learnerProfiles.municipalityCode,
        workplaceName: learnerProfiles.workplaceName,
        organisationName: organisations.name,
      })
      .from(learnerProfiles)
      .leftJoin(organisations, eq(organisations.id, learnerProfiles.workplaceOrganisationId))
      .where(eq(learnerProfiles.userId, actor.userId)),
    db
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.prefectureCode, actor.prefectureCode!))
      .orderBy(asc(municipalities.code)),
    db
      .select({ id: trainingApplications.id })
      .from(trainingApplications)
      .where(
        and(
          eq(trainingApplications.sessionId, session.id),
          eq(trainingApplications.learnerUserId, actor.userId),
          ne(trainingApplications.status, 'cancelled'),
        ),
      ),
    db
      .select({ day: min(trainingSessionDays.heldOn) })
      .from(trainingSessionDays)
      .where(eq(trainingSessionDays.sessionId, session.id)),
  ]);
  return {
    session: {
      id: session.id,
      title: session.title,
      courseTitle,
      courseKind,
      status: session.status,
      place: session.place,
      capacity: session.capacity,
      applicationsOpenAt: session.applicationsOpenAt?.toISOString() ?? null,
      applicationsCloseAt: session.applicationsCloseAt?.toISOString() ?? null,
      firstDay: first?.day ?? null,
      acceptsApplications: acceptsApplications(session, at),
      needsPreSurvey: courseKind === 'follow_up',
    },
    defaults: {
      profession: profile?.profession ?? null,
      municipalityCode: profile?.municipalityCode ?? null,
      workplace: profile?.organisationName ?? profile?.workplaceName ?? '',
    },
    municipalities: munis,
    applicationId: existing?.id ?? null,
  };
}

export type ApplyInput = {
  profession: Profession;
  municipalityCode: string | null;
  workplace: string;
  preSurvey?: PreSurvey | null | undefined;
};

/** The region a municipality currently belongs to (null when it belongs to none). */
async function regionOf(
  db: DbOrTx,
  prefectureCode: string,
  municipalityCode: string,
): Promise<string | null> {
  const [m] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, municipalityCode), eq(municipalities.prefectureCode, prefectureCode)));
  if (!m) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'municipalityCode',
          message: 'not a municipality of the prefecture',
          ja: 'この都道府県の市区町村を選んでください。',
          en: 'Choose a municipality of this prefecture.',
        },
      ],
    });
  }
  const [r] = await db
    .select({ id: regions.id })
    .from(regionMunicipalities)
    .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(
      and(
        eq(regionMunicipalities.municipalityCode, municipalityCode),
        isNull(regionMunicipalities.validTo),
        eq(regions.prefectureCode, prefectureCode),
      ),
    );
  return r?.id ?? null;
}

/**
 * A learner applies to a session within its window. The region comes from the municipality; a follow-up
 * course needs the pre-survey. After the results are announced a new applicant joins the end of the waiting
 * list. A cancelled application of the same learner is taken up again; a live one answers 409 `duplicate`.
 */
export async function applyToSession(tx: DbOrTx, who: Who, unverifiedSessionId: string, input: ApplyInput) {
  const { actor, at } = who;
  const { session, courseKind } = await learnerSession(tx, actor, unverifiedSessionId, true);
  if (!acceptsApplications(session, at)) throw new AppError('learning_applications_closed');
  const needsSurvey = courseKind === 'follow_up';
  if (needsSurvey && !input.preSurvey) throw new AppError('learning_pre_survey_required');
  const regionId = input.municipalityCode
    ? await regionOf(tx, session.prefectureCode, input.municipalityCode)
    : null;
  const [selection] = await tx
    .select({ announcedAt: trainingSelections.announcedAt })
    .from(trainingSelections)
    .where(eq(trainingSelections.sessionId, session.id));
  let waitRank: number | null = null;
  if (selection?.announcedAt) {
    const [last] = await tx
      .select({ rank: sql<number | null>`max(${trainingApplications.waitRank})` })
      .from(trainingApplications)
      .where(eq(trainingApplications.sessionId, session.id));
    waitRank = Number(last?.rank ?? 0) + 1;
  }
  const values = {
    profession: input.profession,
    professionGroup: PROFESSION_GROUP_OF[input.profession],
    regionId,
    municipalityCode: input.municipalityCode,
    workplace: input.workplace,
    preSurvey: needsSurvey && input.preSurvey ? input.preSurvey : {},
    status: waitRank === null ? ('applied' as const) : ('waiting' as const),
    waitRank,
    decisionReason: waitRank === null ? null : ('waiting' as const),
    overrideReason: null,
    decidedBy: null,
    decidedAt: waitRank === null ? null : at,
    updatedAt: at,
  };
  const [existing] = await tx
    .select({ id: trainingApplications.id, status: trainingApplications.status })
    .from(trainingApplications)
    .where(
      and(
        eq(trainingApplications.sessionId, session.id),
        eq(trainingApplications.learnerUserId, actor.userId),
      ),
    );
  let id: string;
  if (existing) {
    if (existing.status !== 'cancelled') throw new AppError('duplicate');
    await tx
      .update(trainingApplications)
      .set({ ...values, version: sql`${trainingApplications.version} + 1`, createdAt: at })
      .where(eq(trainingApplications.id, existing.id));
    id = existing.id;
  } else {
    const [row] = await tx
      .insert(trainingApplications)
      .values({
        ...values,
        sessionId: session.id,
        prefectureCode: session.prefectureCode,
        learnerUserId: actor.userId,
        createdAt: at,
      })
      .returning({ id: trainingApplications.id });
    id = row!.id;
  }
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'training_application',
    entityIds: [id],
    detail: { sessionId: session.id, profession: input.profession, regionId, reapplied: Boolean(existing) },
  });
  return id;
}

/**
 * The learner's own applications, newest first. Until the results are announced the outcome is not shown
 * (selected, waiting and not selected read as "applied"): staff may still re-run or change the selection.
 */
export async function myApplications(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({
      a: trainingApplications,
      sessionTitle: trainingSessions.title,
      courseTitle: trainingCourses.title,
      announcedAt: trainingSelections.announcedAt,
      firstDay,
    })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .leftJoin(trainingSelections, eq(trainingSelections.sessionId, trainingSessions.id))
    .where(eq(trainingApplications.learnerUserId, actor.userId))
    .orderBy(sql`${trainingApplications.createdAt} desc`);
  return rows.map(({ a, sessionTitle, courseTitle, announcedAt, firstDay }) => {
    const hidden = !announcedAt && a.status !== 'cancelled' && a.status !== 'applied';
    return {
      id: a.id,
      sessionId: a.sessionId,
      sessionTitle,
      courseTitle,
      firstDay: firstDay ?? null,
      status: hidden ? ('applied' as const) : a.status,
      waitRank: hidden || a.status !== 'waiting' ? null : a.waitRank,
      reason: hidden ? null : ((a.decisionReason as SelectionReason | null) ?? null),
      appliedAt: a.createdAt.toISOString(),
      version: a.version,
    };
  });
}

/** Renumbers a session's waiting list 1…n in its current order (after a change took someone off it). */
export async function renumberWaiting(tx: DbOrTx, sessionId: string): Promise<void> {
  const waiting = await tx
    .select({ id: trainingApplications.id, rank: trainingApplications.waitRank })
    .from(trainingApplications)
    .where(and(eq(trainingApplications.sessionId, sessionId), eq(trainingApplications.status, 'waiting')))
    .orderBy(sql`${trainingApplications.waitRank} asc nulls last`, asc(trainingApplications.createdAt));
  for (const [i, w] of waiting.entries()) {
    if (w.rank !== i + 1) {
      await tx
        .update(trainingApplications)
        .set({ waitRank: i + 1 })
        .where(eq(trainingApplications.id, w.id));
    }
  }
}
