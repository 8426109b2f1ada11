/**
 * Surveys as the centre keeps them: list, create, read, change (questions only until the first answer), and
 * the moves draft → open → closed (and back to open while before its closing time). Each change is one
 * transaction with its audit entry under the survey's version; another prefecture's survey answers 404.
 */
import { randomBytes } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { surveyAnswers, surveyInvitations, surveys } from '../../db/schema';
import { AppError } from '../../server/errors';
import { definitionProblems, type SurveyDefinition } from '../../shared/survey';
import type { SurveyStatus } from '../../shared/vocab/surveys';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { careMappingProblems } from './care-rules';
import { censusMappingProblems } from './census-rules';
import type { SurveyPolicy } from './policy';
import type {
  ZCreateSurveyRequest,
  ZSurveyListQuery,
  ZSurveyStatusRequest,
  ZUpdateSurveyRequest,
} from './schemas';

export type Who = { actor: Actor; meta: RequestMeta | null; at: Date };
export type Survey = typeof surveys.$inferSelect;

/** A token for a link: 144 random bits, URL-safe (24 characters). */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function requirePolicy(policy: SurveyPolicy | null, manage = false): SurveyPolicy {
  if (!policy || (manage && !policy.manage)) throw new AppError('forbidden');
  return policy;
}

function checkDefinition(def: SurveyDefinition) {
  const problems = [...definitionProblems(def), ...careMappingProblems(def), ...censusMappingProblems(def)];
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      issues: problems.map((p) => ({ path: `definition.${p.path}`, message: p.message })),
    });
  }
}

/** A survey of the caller's prefecture, or 404 (unknown and another prefecture's alike). */
export async function readableSurvey(db: DbOrTx, policy: SurveyPolicy, id: string): Promise<Survey> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const [s] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), eq(surveys.prefectureCode, policy.prefectureCode)));
  if (!s) throw new AppError('not_found');
  return s;
}

/** Open, unless its closing time has passed (then it reads as closed without a write). */
export function effectiveStatus(s: Pick<Survey, 'status' | 'closesAt'>, now: Date): SurveyStatus {
  if (s.status === 'open' && s.closesAt && s.closesAt.getTime() <= now.getTime()) return 'closed';
  return s.status;
}

// Drizzle writes a column of a one-table select without its table ("id"), which inside these subqueries would
// name the subquery's own id: the survey's id is spelt out with its table.
const surveyIdColumn = sql`${sql.identifier('surveys')}.${sql.identifier('id')}`;
const answerCount = sql<number>`(select count(*)::int from ${surveyAnswers} a where a.survey_id = ${surveyIdColumn})`;
const invitedCount = sql<number>`(select count(*)::int from ${surveyInvitations} i where i.survey_id = ${surveyIdColumn})`;
const notAnsweredCount = sql<number>`(select count(*)::int from ${surveyInvitations} i
  where i.survey_id = ${surveyIdColumn} and not i.answered)`;

/** The prefecture's surveys: open first (soonest closing first), then drafts, then closed, newest first. */
export async function listSurveys(
  db: DbOrTx,
  policy: SurveyPolicy,
  query: z.infer<typeof ZSurveyListQuery>,
  now: Date,
) {
  const rows = await db
    .select({ s: surveys, answers: answerCount, invited: invitedCount, notAnswered: notAnsweredCount })
    .from(surveys)
    .where(eq(surveys.prefectureCode, policy.prefectureCode))
    .orderBy(desc(surveys.createdAt))
    .limit(500);
  const order: Record<SurveyStatus, number> = { open: 0, draft: 1, closed: 2 };
  const items = rows
    .map((r) => ({
      id: r.s.id,
      title: r.s.title,
      audience: r.s.audience,
      anonymous: r.s.anonymous,
      status: effectiveStatus(r.s, now),
      closesAt: r.s.closesAt?.toISOString() ?? null,
      answers: r.answers,
      invited: r.invited,
      notAnswered: r.notAnswered,
    }))
    .filter((r) => !query.status || query.status === 'all' || r.status === query.status)
    .sort(
      (a, b) =>
        order[a.status] - order[b.status] ||
        (a.status === 'open' ? (a.closesAt ?? '9').localeCompare(b.closesAt ?? '9') : 0),
    );
  return { items };
}

/** The survey's page: its settings, questions, counts and what the reader may do. */
export async function surveyView(db: DbOrTx, policy: SurveyPolicy, id: string, now: Date) {
  const s = await readableSurvey(db, policy, id);
  const [counts] = await db
    .select({ answers: answerCount, invited: invitedCount, notAnswered: notAnsweredCount })
    .from(surveys)
    .where(eq(surveys.id, s.id));
  const answers = counts?.answers ?? 0;
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    audience: s.audience,
    anonymous: s.anonymous,
    status: effectiveStatus(s, now),
    closesAt: s.closesAt?.toISOString() ?? null,
    answers,
    invited: counts?.invited ?? 0,
    notAnswered: counts?.notAnswered ?? 0,
    openLink: s.openLink,
    openPath: s.status !== 'draft' && s.openLink ? `/public/surveys/${s.openToken}` : null,
    definition: s.definition,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    version: s.version,
    canManage: policy.manage,
    definitionLocked: answers > 0,
  };
}

export async function createSurvey(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  body: z.infer<typeof ZCreateSurveyRequest>,
): Promise<string> {
  requirePolicy(policy, true);
  checkDefinition(body.definition);
  const [row] = await tx
    .insert(surveys)
    .values({
      prefectureCode: policy.prefectureCode,
      title: body.title,
      description: body.description ?? '',
      audience: body.audience,
      anonymous: body.anonymous,
      openLink: body.openLink ?? true,
      closesAt: body.closesAt ? new Date(body.closesAt) : null,
      definition: body.definition,
      openToken: newToken(),
      createdBy: who.actor.userId,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: surveys.id });
  if (!row) throw new Error('survey not created');
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'survey',
    entityIds: [row.id],
    detail: { event: 'created', questions: body.definition.questions.length },
  });
  return row.id;
}

async function bump(
  tx: DbOrTx,
  s: Survey,
  version: number,
  values: Partial<typeof surveys.$inferInsert>,
  at: Date,
) {
  if (version !== s.version) throw new AppError('conflict');
  const [row] = await tx
    .update(surveys)
    .set({ ...values, version: s.version + 1, updatedAt: at })
    .where(and(eq(surveys.id, s.id), eq(surveys.version, s.version)))
    .returning({ id: surveys.id });
  if (!row) throw new AppError('conflict');
}

async function hasAnswers(tx: DbOrTx, surveyId: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.surveyId, surveyId))
    .limit(1);
  return row !== undefined;
}

export async function updateSurvey(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  body: z.infer<typeof ZUpdateSurveyRequest>,
) {
  const s = await readableSurvey(tx, requirePolicy(policy), id);
  requirePolicy(policy, true);
  const { version, closesAt, definition, ...rest } = body;
  const changesQuestions =
    definition !== undefined || (body.anonymous !== undefined && body.anonymous !== s.anonymous);
  if (changesQuestions && (await hasAnswers(tx, s.id))) throw new AppError('survey_definition_locked');
  if (definition) checkDefinition(definition);
  await bump(
    tx,
    s,
    version,
    {
      ...rest,
      ...(definition ? { definition } : {}),
      ...(closesAt !== undefined ? { closesAt: closesAt ? new Date(closesAt) : null } : {}),
    },
    who.at,
  );
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'survey',
    entityIds: [s.id],
    detail: { event: 'updated', fields: Object.keys(body).filter((k) => k !== 'version') },
  });
}

/**
 * draft → open (published: the links answer), open → closed (no more answers), closed → open (reopened;
 * a closing time already past must be moved first), open → draft only while no answer has arrived.
 */
export async function moveSurvey(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  body: z.infer<typeof ZSurveyStatusRequest>,
) {
  const s = await readableSurvey(tx, requirePolicy(policy), id);
  requirePolicy(policy, true);
  const from = effectiveStatus(s, who.at);
  const to = body.status;
  const allowed =
    (from === 'draft' && to === 'open') ||
    (from === 'open' && to === 'closed') ||
    (from === 'closed' && to === 'open' && !(s.closesAt && s.closesAt <= who.at)) ||
    (from === 'open' && to === 'draft' && !(await hasAnswers(tx, s.id)));
  if (!allowed) throw new AppError('survey_status_move');
  await bump(
    tx,
    s,
    body.version,
    { status: to, ...(to === 'open' && !s.publishedAt ? { publishedAt: who.at } : {}) },
    who.at,
  );
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'survey',
    entityIds: [s.id],
    detail: { event: to === 'open' ? 'publish' : to === 'closed' ? 'survey_closed' : 'unpublish' },
  });
}
