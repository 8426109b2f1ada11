import { registrations } from '../../db/schema';
import { pgErrorCode } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError, type ErrorIssue } from '../../server/errors';
import { validateCareItems } from '../../shared/care-score';
import { addDays, compareIsoDates, isoDateInJapan } from '../../shared/dates';
import type { RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { mailFamilyAcknowledgement } from '../mail/family-mail';
import { bilingualIssue } from './issues';
import { servedPrefectureOf } from './options';
import { newReceiptNo } from './receipt';
import type { RegistrationPayload, SubmitRegistration } from './schemas-submit';

/** Oldest birth date the form accepts, in years before today: the centres serve children and young adults. */
export const MAX_AGE_YEARS = 40;

/**
 * The checks Zod cannot make alone: the birth date against today, the municipality against the prefectures
 * this deployment serves, the care items against the score table. Returns the prefecture of the municipality.
 */
async function checkSubmission(deps: Deps, form: RegistrationPayload): Promise<string> {
  const issues: ErrorIssue[] = [];
  const today = isoDateInJapan(deps.now());
  const { birthDate } = form.child;
  if (compareIsoDates(birthDate, today) > 0) {
    issues.push(
      bilingualIssue('child.birthDate', {
        ja: '生年月日が未来の日付になっています。',
        en: 'The date of birth is in the future.',
      }),
    );
  } else if (compareIsoDates(birthDate, addDays(today, -Math.round(MAX_AGE_YEARS * 365.25))) < 0) {
    issues.push(
      bilingualIssue('child.birthDate', {
        ja: `生年月日を確認してください（${MAX_AGE_YEARS}歳以下の方が対象です）。`,
        en: `Check the date of birth (the service is for people aged ${MAX_AGE_YEARS} or under).`,
      }),
    );
  }
  const prefectureCode = await servedPrefectureOf(deps.db.systemDb, form.child.municipalityCode);
  if (!prefectureCode) {
    issues.push(
      bilingualIssue('child.municipalityCode', {
        ja: 'この市区町村はこの窓口の対象外です。お住まいの都道府県の医療的ケア児支援センターにご相談ください。',
        en: 'This municipality is not served here. Contact the support centre of your prefecture.',
      }),
    );
  }
  for (const p of validateCareItems(form.child.careItems)) {
    issues.push(bilingualIssue(`child.careItems.${p.index}.${p.field}`, p.message));
  }
  if (issues.length || !prefectureCode) throw new AppError('validation_failed', { issues });
  return prefectureCode;
}

/**
 * Stores a registration for review and returns its receipt number. It never looks at existing records, so the
 * answer is the same whether or not the child is already registered; matching happens in the review queue.
 * The insert and its audit entry (no actor: the public) commit together.
 */
export async function submitRegistration(
  deps: Deps,
  form: SubmitRegistration,
  meta: RequestMeta,
): Promise<{ receiptNo: string }> {
  const { website: _honeypot, locale, ...payload } = form;
  const prefectureCode = await checkSubmission(deps, payload);
  const at = deps.now();
  // A receipt number collides about once in 33 million per day; then simply draw again.
  for (let attempt = 1; ; attempt++) {
    const receiptNo = newReceiptNo(at);
    try {
      await deps.db.systemDb.transaction(async (tx) => {
        const [row] = await tx
          .insert(registrations)
          .values({
            prefectureCode,
            receiptNo,
            submitterKind: payload.submitterKind,
            municipalityCode: payload.child.municipalityCode,
            familyKana: payload.child.familyKana,
            givenKana: payload.child.givenKana,
            birthDate: payload.child.birthDate,
            payload: payload as unknown as Record<string, unknown>,
            submittedAt: at,
          })
          .returning({ id: registrations.id });
        await recordAudit(
          tx,
          { actor: null, meta, at },
          {
            action: 'create',
            entityType: 'registration',
            entityIds: [row!.id],
            prefectureCode,
            detail: { receiptNo, submitterKind: payload.submitterKind },
          },
        );
        // The acknowledgement to the address the submitter left (mail on; decision 0032).
        await mailFamilyAcknowledgement(
          tx,
          deps.config.mail,
          {
            prefectureCode,
            email: payload.submitter.email,
            name: payload.submitter.name,
            locale,
            form: 'registration',
            receiptNo,
          },
          at,
        );
      });
      return { receiptNo };
    } catch (err) {
      if (pgErrorCode(err) !== '23505' || attempt >= 3) throw err;
    }
  }
}
