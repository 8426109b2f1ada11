/**
 * ME-3: a municipal survey's count of children fed to the census (docs/knowledge.md §5). Each municipality answers
 * the question marked `maps: 'census_children'` through its personal link; the review lists each answer beside the
 * municipality's census sources (`census_sources.municipality_code`) and the children the 年度's run counts there.
 * Staff apply an answer as a source's reported figure for the 年度 (census_reported_counts), under the figure's
 * version (409 when it moved; applying the same answer twice changes nothing), audited on the source in the same
 * transaction. Nothing applies by itself. Reading needs the survey and the census; applying needs the survey's
 * management and census write (auditors 403, staff without the whole prefecture's census 404).
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusReportedCounts, censusSources, surveyAnswers, surveyInvitations } from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import { currentNendo } from '../../shared/nendo';
import { recordAudit } from '../audit/record';
import { censusAccess, censusReader } from '../census/policy';
import { countingRun, linkedByMunicipality, type ReportedRow, reportedCounts } from '../census/reported';
import { applyDecision, censusQuestion, reportedFigure, reportedGap, reportedState } from './census-rules';
import type { SurveyPolicy } from './policy';
import type { ZApplyCensusRequest, ZCensusCount } from './schemas-census';
import { readableSurvey, requirePolicy, type Survey, type Who } from './surveys';

type Item = z.infer<typeof ZCensusCount>;
type Source = { id: string; name: string; municipalityCode: string | null };
type AnswerRow = Awaited<ReturnType<typeof answerRows>>[number];

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The survey readable by the caller, with the census readable too (404 without it). */
async function readable(db: DbOrTx, who: Who, policy: SurveyPolicy, id: string) {
  const s = await readableSurvey(db, requirePolicy(policy), id);
  const prefectureCode = censusReader(who.actor);
  return { s, prefectureCode };
}

/** Answers given through a personal link that names a municipality. */
async function answerRows(db: DbOrTx, surveyId: string, answerId?: string) {
  return db
    .select({
      answerId: surveyAnswers.id,
      answers: surveyAnswers.answers,
      submittedAt: surveyAnswers.submittedAt,
      respondent: surveyInvitations.name,
      municipalityCode: surveyInvitations.municipalityCode,
    })
    .from(surveyAnswers)
    .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyAnswers.invitationId))
    .where(
      and(
        eq(surveyAnswers.surveyId, surveyId),
        eq(surveyInvitations.surveyId, surveyId),
        isNotNull(surveyInvitations.municipalityCode),
        answerId ? eq(surveyAnswers.id, answerId) : undefined,
      ),
    )
    .orderBy(asc(surveyInvitations.municipalityCode), asc(surveyInvitations.name))
    .limit(5000);
}

async function sourcesOf(db: DbOrTx, prefectureCode: string, codes: string[]): Promise<Source[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      id: censusSources.id,
      name: censusSources.name,
      municipalityCode: censusSources.municipalityCode,
    })
    .from(censusSources)
    .where(
      and(eq(censusSources.prefectureCode, prefectureCode), inArray(censusSources.municipalityCode, codes)),
    )
    .orderBy(asc(censusSources.name));
}

function present(
  s: Survey,
  r: AnswerRow,
  sources: readonly Source[],
  figures: readonly ReportedRow[],
  linked: Map<string, number> | null,
  canWrite: boolean,
): Item {
  const q = censusQuestion(s.definition)!;
  const code = r.municipalityCode!;
  const { figure, problem } = reportedFigure(q, r.answers);
  const own = sources.filter((x) => x.municipalityCode === code);
  const n = linked ? (linked.get(code) ?? 0) : null;
  return {
    answerId: r.answerId,
    respondent: r.respondent,
    municipalityCode: code,
    municipalityName: findMunicipality(code)?.name ?? code,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    figure,
    problem,
    linked: n,
    sources: own.map((x) => {
      const f = figures.find((y) => y.sourceId === x.id) ?? null;
      return {
        id: x.id,
        name: x.name,
        reported: f && {
          count: f.count,
          version: f.version,
          surveyId: f.surveyId,
          answerId: f.answerId,
          appliedAt: f.appliedAt.toISOString(),
        },
        state: reportedState(r.answerId, figure, f),
      };
    }),
    gap: reportedGap(n, figure),
    canApply: canWrite && figure !== null && own.length > 0,
  };
}

/** The municipalities' answers (or the one named) beside their census sources and the 年度's linked counts. */
export async function listCensusCounts(
  db: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  nendo = currentNendo(who.at),
  answerId?: string,
) {
  const { s, prefectureCode } = await readable(db, who, policy, id);
  const q = censusQuestion(s.definition);
  if (!q || s.anonymous) return { question: null, nendo, run: null, items: [] };
  const rows = await answerRows(db, s.id, answerId);
  const sources = await sourcesOf(db, prefectureCode, [...new Set(rows.map((r) => r.municipalityCode!))]);
  const figures = await reportedCounts(
    db,
    prefectureCode,
    nendo,
    sources.map((x) => x.id),
  );
  const run = await countingRun(db, prefectureCode, nendo);
  const linked = run ? await linkedByMunicipality(db, who.actor, run) : null;
  const canWrite = policy.manage && censusAccess(who.actor) === 'write';
  return {
    question: { id: q.id, title: q.title },
    nendo,
    run: run ? { id: run.id, status: run.status } : null,
    items: rows.map((r) => present(s, r, sources, figures, linked, canWrite)),
  };
}

/**
 * Applies one answer's figure as a source's reported figure for the 年度: the source must be the answering
 * municipality's and the answer a whole number; nothing changes on a refusal. Audited on the source. The caller
 * reads the answer's row again after the commit (listCensusCounts with its id).
 */
export async function applyCensusCount(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  answerId: string,
  body: z.infer<typeof ZApplyCensusRequest>,
): Promise<{ nendo: number }> {
  const { s, prefectureCode } = await readable(tx, who, policy, id);
  requirePolicy(policy, true);
  if (censusAccess(who.actor) !== 'write') throw new AppError('forbidden');
  const q = censusQuestion(s.definition);
  if (!isUuid(answerId) || !q || s.anonymous) throw new AppError('not_found');
  const [row] = await answerRows(tx, s.id, answerId);
  if (!row) throw new AppError('not_found');
  const { figure, problem } = reportedFigure(q, row.answers);
  if (figure === null) throw new AppError('survey_census_no_figure', { detail: { problem } });
  const sources = await sourcesOf(tx, prefectureCode, [row.municipalityCode!]);
  const source = sources.find((x) => x.id === body.sourceId);
  if (!source) throw new AppError('survey_census_source_mismatch');
  const where = and(eq(censusReportedCounts.sourceId, source.id), eq(censusReportedCounts.nendo, body.nendo));
  const [current] = await tx.select().from(censusReportedCounts).where(where).for('update');
  const decision = applyDecision(row.answerId, figure, current ?? null, body.version);
  if (decision.kind === 'conflict') {
    throw new AppError('conflict', {
      detail: { yourVersion: body.version, currentVersion: decision.currentVersion },
    });
  }
  if (decision.kind === 'write') {
    const values = {
      count: figure,
      surveyId: s.id,
      answerId: row.answerId,
      version: decision.next,
      appliedBy: who.actor.userId,
      appliedAt: who.at,
    };
    const [written] = current
      ? await tx
          .update(censusReportedCounts)
          .set(values)
          .where(and(where, eq(censusReportedCounts.version, current.version)))
          .returning()
      : await tx
          .insert(censusReportedCounts)
          .values({ ...values, sourceId: source.id, nendo: body.nendo, prefectureCode })
          .onConflictDoNothing()
          .returning();
    if (!written) throw new AppError('conflict', { detail: { yourVersion: body.version } });
    await recordAudit(tx, who, {
      action: 'update',
      entityType: 'census_source',
      entityIds: [source.id],
      detail: {
        event: 'reported_count_applied',
        nendo: body.nendo,
        from: current?.count ?? null,
        to: figure,
        surveyId: s.id,
        answerId: row.answerId,
        municipalityCode: row.municipalityCode,
        version: decision.next,
      },
    });
  }
  return { nendo: body.nendo };
}
