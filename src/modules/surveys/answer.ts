/**
 * Answering by link, without an account (docs/knowledge.md §5). A token is the survey's open link or one
 * person's personal link (only its SHA-256 is kept). An answer after closing, to a draft, or by a personal link
 * that has answered already is refused with a clear message and changes nothing.
 *
 * Anonymous surveys (decision 0027): the answer row has no invitation, no time (only the day) and a random id;
 * the invitation's `answered` flag has no time either; no audit entry is written for the answer or the flag —
 * so nothing the product keeps, shows or exports ties an answer to the person whose link it came through.
 */
import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq, isNull, not } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { regionMunicipalities, surveyAnswers, surveyInvitations, surveys } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { findMunicipality } from '../../shared/municipalities';
import { checkAnswers, type SurveyAnswers } from '../../shared/survey';
import type { RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { ZSubmitAnswerRequest } from './schemas';
import { effectiveStatus, type Survey } from './surveys';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type Invitation = typeof surveyInvitations.$inferSelect;
type Found = { survey: Survey; invitation: Invitation | null };

/** The survey (and invitation) a token opens; drafts and unknown tokens alike answer survey_link_invalid. */
export async function surveyByToken(db: DbOrTx, token: string): Promise<Found> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError('survey_link_invalid');
  const [open] = await db.select().from(surveys).where(eq(surveys.openToken, token));
  if (open?.openLink && open.status !== 'draft') return { survey: open, invitation: null };
  const [row] = await db
    .select({ survey: surveys, invitation: surveyInvitations })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(eq(surveyInvitations.tokenHash, tokenHash(token)));
  if (!row || row.survey.status === 'draft') throw new AppError('survey_link_invalid');
  return row;
}

/** What the answering page shows: the questions and whether answering is possible. */
export async function publicSurvey(db: DbOrTx, token: string, now: Date) {
  const { survey, invitation } = await surveyByToken(db, token);
  const state: 'open' | 'closed' | 'used' =
    effectiveStatus(survey, now) === 'closed' ? 'closed' : invitation?.answered ? 'used' : 'open';
  return {
    title: survey.title,
    description: survey.description,
    anonymous: survey.anonymous,
    audience: survey.audience,
    closesAt: survey.closesAt?.toISOString() ?? null,
    state,
    personal: invitation !== null,
    asksMunicipality: invitation === null,
    prefectureCode: survey.prefectureCode,
    definition: survey.definition,
  };
}

async function currentRegion(db: DbOrTx, municipalityCode: string | null): Promise<string | null> {
  if (!municipalityCode) return null;
  const [row] = await db
    .select({ regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .where(
      and(eq(regionMunicipalities.municipalityCode, municipalityCode), isNull(regionMunicipalities.validTo)),
    )
    .limit(1);
  return row?.regionId ?? null;
}

/**
 * Keeps one answer, in one transaction: closed or used links change nothing; a personal link is spent by
 * the same statement that checks it, so two answers sent at once through one link keep only one.
 */
export async function submitAnswer(
  tx: DbOrTx,
  token: string,
  body: z.infer<typeof ZSubmitAnswerRequest>,
  meta: RequestMeta | null,
  now: Date,
): Promise<void> {
  const { survey, invitation } = await surveyByToken(tx, token);
  if (effectiveStatus(survey, now) !== 'open') throw new AppError('survey_closed');
  if (invitation?.answered) throw new AppError('survey_link_used');
  const { problems, kept } = checkAnswers(survey.definition, body.answers as SurveyAnswers);
  if (problems.length > 0) {
    throw new AppError('survey_answers_invalid', {
      issues: problems.map((p) => ({ path: `answers.${p.question}`, message: p.code, code: p.code })),
    });
  }
  let municipalityCode = invitation ? invitation.municipalityCode : (body.municipalityCode ?? null);
  if (municipalityCode && findMunicipality(municipalityCode)?.code.slice(0, 2) !== survey.prefectureCode) {
    if (!invitation) {
      throw new AppError('validation_failed', {
        issues: [{ path: 'municipalityCode', message: 'not_in_prefecture' }],
      });
    }
    municipalityCode = null;
  }
  if (invitation) {
    const spent = await tx
      .update(surveyInvitations)
      .set({ answered: true })
      .where(and(eq(surveyInvitations.id, invitation.id), not(surveyInvitations.answered)))
      .returning({ id: surveyInvitations.id });
    if (spent.length === 0) throw new AppError('survey_link_used');
  }
  const regionId = await currentRegion(tx, municipalityCode);
  const [row] = await tx
    .insert(surveyAnswers)
    .values({
      surveyId: survey.id,
      prefectureCode: survey.prefectureCode,
      channel: invitation ? 'personal_link' : 'open_link',
      invitationId: survey.anonymous ? null : (invitation?.id ?? null),
      municipalityCode,
      regionId,
      submittedOn: isoDateInJapan(now),
      submittedAt: survey.anonymous ? null : now,
      answers: kept,
    })
    .returning({ id: surveyAnswers.id });
  if (!row) throw new Error('answer not kept');
  // An anonymous answer writes no audit entry: its time is exactly what must not be kept (decision 0027).
  if (survey.anonymous) return;
  await recordAudit(
    tx,
    { actor: null, meta, at: now },
    {
      action: 'create',
      entityType: 'survey_answer',
      entityIds: invitation ? [row.id, invitation.id] : [row.id],
      detail: { event: 'public_form', channel: invitation ? 'personal_link' : 'open_link' },
      prefectureCode: survey.prefectureCode,
    },
  );
}
