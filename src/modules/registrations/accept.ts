import {
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
  childHistory,
  childResidences,
  children,
} from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { CareItemsError, computeCareScore } from '../../shared/care-score';
import { nameKeys } from '../../shared/names';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import {
  CONSENT_PURPOSES,
  careItemRows,
  consentRows,
  deviceRows,
  diagnosisRows,
  guardianRows,
} from './child-rows';
import { loadPendingForDecision, markDecided, submittedOn } from './decide';
import { mailMunicipalityOfAcceptance } from './municipality-mail';

/** Score and tier of the reported care items; null when none were reported (not assessed yet). */
export function careScoreOf(items: readonly { code: string; watch?: 'high' | 'mid' | 'low' }[]) {
  if (items.length === 0) return { careScore: null, careTier: null };
  try {
    const s = computeCareScore(items);
    return { careScore: s.total, careTier: s.tier };
  } catch (err) {
    // The table changed since the family sent the form: the reviewer must fix the items first.
    if (err instanceof CareItemsError) {
      throw new AppError('validation_failed', {
        issues: err.problems.map((p) => ({
          path: `payload.child.careItems.${p.index}.${p.field}`,
          message: `${p.message.ja} / ${p.message.en}`,
          ...p.message,
        })),
      });
    }
    throw err;
  }
}

/**
 * Accepts a registration as a new child record: the child with its match keys and care score, guardians,
 * diagnoses, care items, devices, consents (online form, on the day it was sent), residence and a history
 * entry naming the receipt — all in one transaction with the decision and its audit entries.
 */
export async function acceptRegistration(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  unverifiedId: string,
  note: string | undefined,
): Promise<{ status: 'accepted'; childId: string }> {
  return deps.db.systemDb.transaction(async (tx) => {
    const reg = await loadPendingForDecision(tx, actor, unverifiedId);
    const p = reg.payload;
    const c = p.child;
    const at = deps.now();
    const on = submittedOn(reg);
    const [child] = await tx
      .insert(children)
      .values({
        prefectureCode: reg.prefectureCode,
        municipalityCode: c.municipalityCode,
        familyName: c.familyName,
        givenName: c.givenName,
        familyKana: c.familyKana,
        givenKana: c.givenKana,
        birthDate: c.birthDate,
        sex: c.sex,
        address: c.address,
        livingSituation: c.livingSituation ?? null,
        ...careScoreOf(c.careItems),
        ...nameKeys(c),
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: children.id });
    const childId = child!.id;
    const ctx = { decidedOn: on, actor, receiptNo: reg.receiptNo };
    if (p.guardians.length)
      await tx.insert(childGuardians).values(guardianRows(childId, p.guardians, { firstIsPrimary: true }));
    if (c.diagnoses.length) await tx.insert(childDiagnoses).values(diagnosisRows(childId, c.diagnoses));
    if (c.careItems.length)
      await tx.insert(childCareItems).values(careItemRows(childId, c.careItems, reg.receiptNo));
    if (c.devices.length) await tx.insert(childDevices).values(deviceRows(childId, c.devices));
    await tx.insert(childConsents).values(consentRows(childId, p.consents, CONSENT_PURPOSES, ctx));
    await tx
      .insert(childResidences)
      .values({ childId, municipalityCode: c.municipalityCode, address: c.address, fromDate: on });
    await tx.insert(childHistory).values({
      childId,
      at,
      userId: actor.userId,
      action: 'create',
      changes: { source: 'registration', registrationId: reg.id, receiptNo: reg.receiptNo },
      version: 1,
    });
    await markDecided(tx, deps, actor, reg, { status: 'accepted', childId, note: note ?? null });
    const who = { actor, meta, at };
    await recordAudit(tx, who, {
      action: 'create',
      entityType: 'child',
      entityIds: [childId],
      detail: { source: 'registration', registrationId: reg.id, receiptNo: reg.receiptNo },
    });
    await recordAudit(tx, who, {
      action: 'update',
      entityType: 'registration',
      entityIds: [reg.id],
      detail: { decision: 'accepted', childId },
    });
    // KA-2: the municipality is told by mail when the family agreed to share with it (mail on).
    if (p.consents.share_municipality) {
      await mailMunicipalityOfAcceptance(
        tx,
        deps.config.mail,
        {
          prefectureCode: reg.prefectureCode,
          municipalityCode: c.municipalityCode,
          childId,
          receiptNo: reg.receiptNo,
        },
        { createdBy: actor.userId, now: at },
      );
    }
    return { status: 'accepted' as const, childId };
  });
}
