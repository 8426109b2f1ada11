/**
 * NA-4: a provider survey sent to the directory's listings, and its answers about accepted care reviewed and
 * applied to each listing (docs/knowledge.md §5). A link sent for a listing keeps the listing's id; the review
 * compares the answer's accepted-care question (care-rules.ts) with the listing as it is now. Staff apply the
 * changes they choose, one or all, under the listing's version (409 when it moved), audited on the listing;
 * nothing applies by itself.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  municipalities,
  regionMunicipalities,
  resourceOrganizations,
  resourceServices,
  surveyAnswers,
  surveyCareApplications,
  surveyInvitations,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import { recordAudit } from '../audit/record';
import { inArea, resourcePolicy } from '../resources/policy';
import { acceptedCodes, normaliseCareItems } from '../resources/text';
import { tokenHash } from './answer';
import { applyCare, careQuestion, proposeCare } from './care-rules';
import type { Issued, IssuedLink } from './invitations';
import type { SurveyPolicy } from './policy';
import type { ZApplyCareRequest, ZDirectoryInviteRequest } from './schemas';
import { newToken, readableSurvey, requirePolicy, type Who } from './surveys';

/** One personal link per active listing of the prefecture (filtered), skipping listings already sent one. */
export async function inviteListings(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  body: z.infer<typeof ZDirectoryInviteRequest>,
): Promise<Issued> {
  const s = await readableSurvey(tx, requirePolicy(policy), id);
  requirePolicy(policy, true);
  if (s.status === 'closed') throw new AppError('survey_closed');
  if (s.audience !== 'providers') throw new AppError('survey_not_for_providers');
  const sent = tx
    .select({ id: surveyInvitations.serviceId })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.surveyId, s.id), isNotNull(surveyInvitations.serviceId)));
  const rows = await tx
    .select({
      id: resourceServices.id,
      name: resourceServices.name,
      email: resourceServices.email,
      orgName: resourceOrganizations.name,
      orgEmail: resourceOrganizations.email,
      municipalityCode: resourceServices.municipalityCode,
    })
    .from(resourceServices)
    .innerJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId))
    .where(
      and(
        eq(resourceServices.prefectureCode, s.prefectureCode),
        eq(resourceServices.status, 'active'),
        notInArray(resourceServices.id, sent),
        body.municipalityCode ? eq(resourceServices.municipalityCode, body.municipalityCode) : undefined,
        body.type ? eq(resourceServices.type, body.type) : undefined,
        body.serviceIds ? inArray(resourceServices.id, body.serviceIds) : undefined,
      ),
    )
    .orderBy(asc(resourceServices.municipalityCode), asc(resourceServices.name))
    .limit(5000);
  const links: IssuedLink[] = [];
  for (const r of rows) {
    const token = newToken();
    const name = `${r.name}（${r.orgName}）`.slice(0, 200);
    const email = (r.email ?? r.orgEmail ?? '').trim();
    const [inv] = await tx
      .insert(surveyInvitations)
      .values({
        surveyId: s.id,
        prefectureCode: s.prefectureCode,
        name,
        municipalityCode: r.municipalityCode,
        email,
        tokenHash: tokenHash(token),
        serviceId: r.id,
        createdAt: who.at,
      })
      .returning({ id: surveyInvitations.id });
    links.push({
      invitationId: inv!.id,
      name,
      municipalityName: findMunicipality(r.municipalityCode)?.name ?? r.municipalityCode,
      email,
      address: '',
      url: `/public/surveys/${token}`,
    });
  }
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'survey_invitation',
    entityIds: [s.id],
    detail: { event: 'directory_links', count: links.length },
  });
  return { survey: s, links };
}

type Row = Awaited<ReturnType<typeof answerRows>>[number];

async function answerRows(db: DbOrTx, surveyId: string, answerId?: string) {
  return db
    .select({
      answerId: surveyAnswers.id,
      answers: surveyAnswers.answers,
      submittedAt: surveyAnswers.submittedAt,
      respondent: surveyInvitations.name,
      service: resourceServices,
      municipalityName: municipalities.name,
      regionId: regionMunicipalities.regionId,
    })
    .from(surveyAnswers)
    .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyAnswers.invitationId))
    .innerJoin(resourceServices, eq(resourceServices.id, surveyInvitations.serviceId))
    .leftJoin(municipalities, eq(municipalities.code, resourceServices.municipalityCode))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, resourceServices.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .where(
      and(
        eq(surveyAnswers.surveyId, surveyId),
        answerId ? eq(surveyAnswers.id, answerId) : undefined,
        eq(resourceServices.prefectureCode, surveyAnswers.prefectureCode),
      ),
    )
    .orderBy(asc(resourceServices.municipalityCode), asc(resourceServices.name))
    .limit(5000);
}

type Who2 = Who & { canWrite: (regionId: string | null) => boolean };

function present(
  r: Row,
  q: NonNullable<ReturnType<typeof careQuestion>>,
  applied: (typeof surveyCareApplications.$inferSelect)[],
  canWrite: boolean,
) {
  const { changes, unchanged } = proposeCare(r.service.careItems, q, r.answers);
  const done = applied.filter((a) => a.answerId === r.answerId);
  const doneCodes = new Set(done.map((a) => a.careCode));
  return {
    answerId: r.answerId,
    respondent: r.respondent,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    service: {
      id: r.service.id,
      name: r.service.name,
      municipalityName: r.municipalityName ?? '',
      version: r.service.version,
    },
    changes,
    unchanged: unchanged.filter((u) => !doneCodes.has(u.code)),
    applied: done.map((a) => ({
      code: a.careCode,
      acceptance: a.acceptance,
      appliedAt: a.appliedAt.toISOString(),
    })),
    canApply: canWrite && changes.length > 0,
  };
}

function writer(who: Who): Who2 {
  const rp = resourcePolicy(who.actor);
  return {
    ...who,
    canWrite: (regionId) =>
      inArea(rp.write, { municipalityRegionIds: regionId ? [regionId] : [], networkOrganisationId: null }),
  };
}

/** The providers' answers with what each proposes to its listing's accepted care. */
export async function listCareProposals(db: DbOrTx, who: Who, policy: SurveyPolicy, id: string) {
  const s = await readableSurvey(db, requirePolicy(policy), id);
  const q = careQuestion(s.definition);
  if (!q || s.anonymous) return { question: null, items: [] };
  const rows = await answerRows(db, s.id);
  const applied = rows.length
    ? await db
        .select()
        .from(surveyCareApplications)
        .where(
          inArray(
            surveyCareApplications.answerId,
            rows.map((r) => r.answerId),
          ),
        )
    : [];
  const w = writer(who);
  return {
    question: { id: q.id, title: q.title },
    items: rows.map((r) => present(r, q, applied, policy.manage && w.canWrite(r.regionId))),
  };
}

/** Applies the chosen changes of one answer to its listing, under the listing's version; audited. */
export async function applyCareProposal(
  tx: DbOrTx,
  who: Who,
  policy: SurveyPolicy,
  id: string,
  answerId: string,
  body: z.infer<typeof ZApplyCareRequest>,
) {
  const s = await readableSurvey(tx, requirePolicy(policy), id);
  requirePolicy(policy, true);
  const q = careQuestion(s.definition);
  if (!/^[0-9a-f-]{36}$/i.test(answerId) || !q || s.anonymous) throw new AppError('not_found');
  const [row] = await answerRows(tx, s.id, answerId);
  if (!row) throw new AppError('not_found');
  if (!writer(who).canWrite(row.regionId)) throw new AppError('forbidden');
  const [locked] = await tx
    .update(resourceServices)
    .set({ version: sql`${resourceServices.version} + 1`, updatedAt: who.at })
    .where(and(eq(resourceServices.id, row.service.id), eq(resourceServices.version, body.serviceVersion)))
    .returning();
  if (!locked) {
    throw new AppError('conflict', {
      detail: { yourVersion: body.serviceVersion, currentVersion: row.service.version },
    });
  }
  const { changes } = proposeCare(locked.careItems, q, row.answers);
  const chosen = body.codes.map((code) => {
    const ch = changes.find((c) => c.code === code);
    if (!ch) throw new AppError('survey_care_not_proposed', { detail: { code } });
    return ch;
  });
  const items = normaliseCareItems(applyCare(locked.careItems, chosen));
  await tx
    .update(resourceServices)
    .set({ careItems: items, accepts: acceptedCodes(items) })
    .where(eq(resourceServices.id, locked.id));
  for (const ch of chosen) {
    await tx
      .insert(surveyCareApplications)
      .values({
        answerId: row.answerId,
        careCode: ch.code,
        serviceId: locked.id,
        prefectureCode: s.prefectureCode,
        acceptance: ch.to,
        appliedBy: who.actor.userId,
        appliedAt: who.at,
      })
      .onConflictDoUpdate({
        target: [surveyCareApplications.answerId, surveyCareApplications.careCode],
        set: { acceptance: ch.to, appliedBy: who.actor.userId, appliedAt: who.at },
      });
  }
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'resource_service',
    entityIds: [locked.id],
    detail: {
      event: 'survey_care_applied',
      surveyId: s.id,
      answerId: row.answerId,
      changes: chosen.map((c) => ({ code: c.code, from: c.from, to: c.to })),
      version: locked.version,
    },
  });
  const [after] = await answerRows(tx, s.id, answerId);
  const applied = await tx
    .select()
    .from(surveyCareApplications)
    .where(eq(surveyCareApplications.answerId, row.answerId));
  return present(after!, q, applied, true);
}
