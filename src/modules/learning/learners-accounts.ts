/**
 * What every learner-account action shares: who administers learner accounts, who is a learner, and the check
 * of a workplace and municipality against the prefecture (an organisation of another prefecture, or a
 * municipality outside it, is a field error, not a lookup of someone else's record: network organisations are
 * not personal data).
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, organisations } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import type { Actor } from '../access/actor';
import { learningPolicyFor } from './scope';

/**
 * The prefecture whose learner accounts the actor administers (approves sign-ups, invites lists): whoever
 * manages the learning of the whole prefecture — centre administrators, and centre staff of the whole
 * prefecture or the HQ. Branch staff and coordinators run their own sessions but not the prefecture's
 * accounts; everyone else is refused before any id is read (403).
 */
export async function requireLearnerAdmin(db: DbOrTx, actor: Actor): Promise<string> {
  const policy = await learningPolicyFor(db, actor);
  if (policy.manage.kind !== 'prefecture' || !policy.prefectureCode) throw new AppError('forbidden');
  return policy.prefectureCode;
}

/** The signed-in learner (their own pages); staff have no learner profile (403). */
export function requireLearner(actor: Actor): Actor & { prefectureCode: string } {
  if (actor.role !== 'learner' || !actor.prefectureCode) throw new AppError('forbidden');
  return actor as Actor & { prefectureCode: string };
}

export type WorkplaceInput = { organisationId?: string | null; name?: string | null };

/**
 * Checks the workplace and municipality within the prefecture and answers the columns to store: the
 * organisation's id, or the free-text name. Throws validation_failed naming the fields.
 */
export async function checkWorkplace(
  db: DbOrTx,
  prefectureCode: string,
  workplace: WorkplaceInput,
  municipalityCode: string,
): Promise<{ workplaceOrganisationId: string | null; workplaceName: string | null }> {
  const issues: ErrorIssue[] = [];
  let organisationId: string | null = null;
  if (workplace.organisationId) {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(eq(organisations.id, workplace.organisationId), eq(organisations.prefectureCode, prefectureCode)),
      );
    if (org) organisationId = org.id;
    else
      issues.push({
        path: 'workplace.organisationId',
        message: 'Not an organisation of this prefecture / この都道府県の機関ではありません',
        ja: 'この都道府県の機関から選んでください。',
        en: 'Pick an organisation of this prefecture.',
      });
  }
  const [muni] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, municipalityCode), eq(municipalities.prefectureCode, prefectureCode)));
  if (!muni)
    issues.push({
      path: 'municipalityCode',
      message: 'Not a municipality of this prefecture / この都道府県の市区町村ではありません',
      ja: 'この都道府県の市区町村を選んでください。',
      en: 'Pick a municipality of this prefecture.',
    });
  if (issues.length) throw new AppError('validation_failed', { issues });
  return {
    workplaceOrganisationId: organisationId,
    workplaceName: organisationId ? null : (workplace.name?.trim() ?? null),
  };
}
