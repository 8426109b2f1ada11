import type {
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
} from '../../db/schema';
import type { Actor } from '../access/actor';
import { CONSENT_PURPOSES, type RegistrationPayload } from './schemas-submit';

/**
 * The rows of a child record that a registration provides, for accept (all of them) and merge (those the
 * record lacks). Pure: the callers insert them in their transaction.
 */

type Payload = RegistrationPayload;

/** Guardian rows; the first is marked primary when the record has none yet. */
export function guardianRows(
  childId: string,
  guardians: Payload['guardians'],
  opts: { firstIsPrimary: boolean },
): (typeof childGuardians.$inferInsert)[] {
  return guardians.map((g, i) => ({
    childId,
    familyName: g.familyName,
    givenName: g.givenName,
    familyKana: g.familyKana ?? null,
    givenKana: g.givenKana ?? null,
    relationship: g.relationship,
    phone: g.phone,
    email: g.email ?? null,
    isPrimary: opts.firstIsPrimary && i === 0,
  }));
}

/** Diagnosis rows (name, optional ICD-10). */
export function diagnosisRows(
  childId: string,
  diagnoses: Payload['child']['diagnoses'],
): (typeof childDiagnoses.$inferInsert)[] {
  return diagnoses.map((d) => ({ childId, name: d.name, icd10: d.icd10 ?? null }));
}

/** Care item rows with the reported watch level (low when none), noted as reported by the family. */
export function careItemRows(
  childId: string,
  items: Payload['child']['careItems'],
  receiptNo: string,
): (typeof childCareItems.$inferInsert)[] {
  // The family reported these; the doctor's judgement (date, name) is recorded later.
  return items.map((i) => ({
    childId,
    code: i.code,
    watch: i.watch ?? 'low',
    systemNote: { code: 'registration_care_reported', params: { receiptNo } },
  }));
}

/** Device rows with what they need when the power fails. */
export function deviceRows(
  childId: string,
  devices: Payload['child']['devices'],
): (typeof childDevices.$inferInsert)[] {
  return devices.map((d) => ({
    childId,
    kind: d.kind,
    needsMains: d.needsMains,
    batteryHours: d.batteryHours ?? null,
  }));
}

/**
 * The consents given on the online form, on the day it was sent: one decision for each purpose the family
 * ticked. An unticked box is no decision ("not asked" — the record shows no consent and staff ask later),
 * never a refusal: the optional boxes start unticked, so leaving one says nothing about the family's wish.
 */
export function consentRows(
  childId: string,
  consents: Payload['consents'],
  purposes: readonly (typeof CONSENT_PURPOSES)[number][],
  ctx: { decidedOn: string; actor: Actor; receiptNo: string },
): (typeof childConsents.$inferInsert)[] {
  return purposes
    .filter((purpose) => consents[purpose])
    .map((purpose) => ({
      childId,
      purpose,
      granted: true,
      decidedOn: ctx.decidedOn,
      method: 'online_form' as const,
      recordedBy: ctx.actor.userId,
      systemNote: { code: 'registration_consent', params: { receiptNo: ctx.receiptNo } },
    }));
}

export { CONSENT_PURPOSES };
