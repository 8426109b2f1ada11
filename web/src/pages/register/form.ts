import { parseJapaneseDate } from '../../../../src/shared/wareki';
import type { Translate } from '../../i18n';
import type {
  ConsentPurpose,
  RegistrationPayload,
  Sex,
  SubmitterKind,
  WatchLevel,
} from '../../lib/queries/registrations';

/** The registration form while it is being filled in: every field a string (or flag), as typed. */

export type DiagnosisDraft = { name: string; icd10: string };
export type DeviceDraft = { kind: string; needsMains: boolean; batteryHours: string };
export type GuardianDraft = {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  relationship: string;
  phone: string;
  email: string;
};

export type FormDraft = {
  submitterKind: SubmitterKind;
  submitter: { name: string; organisation: string; phone: string; email: string };
  child: {
    familyName: string;
    givenName: string;
    familyKana: string;
    givenKana: string;
    birthDate: string;
    sex: Sex | '';
    municipalityCode: string;
    address: string;
    livingSituation: string;
  };
  diagnoses: DiagnosisDraft[];
  /** Checked care items with the watch level chosen. */
  careItems: Record<string, WatchLevel>;
  devices: DeviceDraft[];
  guardians: GuardianDraft[];
  consents: Record<ConsentPurpose, boolean>;
  /** Honeypot: hidden from people; a bot filling it is dropped by the server. */
  website: string;
};

/** Field errors by path, the same paths the server uses ('child.familyKana', 'guardians.0.phone'). */
export type FieldErrors = Record<string, string>;

export const MAX_GUARDIANS = 4;

export function emptyGuardian(): GuardianDraft {
  return {
    familyName: '',
    givenName: '',
    familyKana: '',
    givenKana: '',
    relationship: '',
    phone: '',
    email: '',
  };
}

export function emptyDraft(): FormDraft {
  return {
    submitterKind: 'family',
    submitter: { name: '', organisation: '', phone: '', email: '' },
    child: {
      familyName: '',
      givenName: '',
      familyKana: '',
      givenKana: '',
      birthDate: '',
      sex: '',
      municipalityCode: '',
      address: '',
      livingSituation: '',
    },
    diagnoses: [{ name: '', icd10: '' }],
    careItems: {},
    devices: [],
    guardians: [emptyGuardian()],
    consents: {
      share_municipality: false,
      disaster_planning: false,
      centre_contact: false,
      statistics: false,
    },
    website: '',
  };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The body the API takes; blank optional rows (an empty diagnosis) are left out. */
/** A family sends the form as its first guardian; a hospital names its own contact person. */
function submitterOf(d: FormDraft): RegistrationPayload['submitter'] {
  if (d.submitterKind === 'family') {
    const g = d.guardians[0] ?? emptyGuardian();
    return {
      name: `${g.familyName.trim()} ${g.givenName.trim()}`,
      phone: g.phone.trim(),
      email: opt(g.email),
    };
  }
  return {
    name: d.submitter.name.trim(),
    organisation: opt(d.submitter.organisation),
    phone: d.submitter.phone.trim(),
    email: opt(d.submitter.email),
  };
}

export function toBody(d: FormDraft): RegistrationPayload & { website: string } {
  return {
    submitterKind: d.submitterKind,
    submitter: submitterOf(d),
    child: {
      familyName: d.child.familyName.trim(),
      givenName: d.child.givenName.trim(),
      familyKana: d.child.familyKana.trim(),
      givenKana: d.child.givenKana.trim(),
      birthDate: d.child.birthDate.trim(),
      sex: (d.child.sex || 'unknown') as Sex,
      municipalityCode: d.child.municipalityCode,
      address: d.child.address.trim(),
      diagnoses: d.diagnoses
        .filter((x) => x.name.trim())
        .map((x) => ({ name: x.name.trim(), icd10: opt(x.icd10.toUpperCase()) })),
      careItems: Object.entries(d.careItems).map(([code, watch]) => ({ code, watch })),
      devices: d.devices.map((x) => ({
        kind: x.kind,
        needsMains: x.needsMains,
        batteryHours: x.batteryHours.trim() ? Number(x.batteryHours) : undefined,
      })),
      livingSituation: opt(d.child.livingSituation),
    },
    guardians: d.guardians.map((g) => ({
      familyName: g.familyName.trim(),
      givenName: g.givenName.trim(),
      familyKana: opt(g.familyKana),
      givenKana: opt(g.givenKana),
      relationship: g.relationship.trim(),
      phone: g.phone.trim(),
      email: opt(g.email),
    })),
    consents: d.consents,
    website: d.website,
  };
}

const KANA = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE\uFF66-\uFF9F\s\u3000・]+$/;

/**
 * The checks the browser can make before sending (the server checks everything again): required fields,
 * kana, a readable date. Messages in the UI language.
 */
export function checkDraft(d: FormDraft, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  const required = (path: string, value: string) => {
    if (!value.trim()) errors[path] = t('register.error.required');
  };
  const kana = (path: string, value: string, needed: boolean) => {
    if (needed) required(path, value);
    if (value.trim() && !KANA.test(value.trim())) errors[path] = t('register.error.kana');
  };
  required('child.familyName', d.child.familyName);
  required('child.givenName', d.child.givenName);
  kana('child.familyKana', d.child.familyKana, true);
  kana('child.givenKana', d.child.givenKana, true);
  required('child.birthDate', d.child.birthDate);
  if (d.child.birthDate.trim() && !parseJapaneseDate(d.child.birthDate)) {
    errors['child.birthDate'] = t('register.error.date');
  }
  if (!d.child.sex) errors['child.sex'] = t('register.error.choose');
  if (!d.child.municipalityCode) errors['child.municipalityCode'] = t('register.error.choose');
  required('child.address', d.child.address);
  d.devices.forEach((x, i) => {
    if (!x.kind) errors[`child.devices.${i}.kind`] = t('register.error.choose');
    if (x.batteryHours.trim() && !(Number(x.batteryHours) >= 0)) {
      errors[`child.devices.${i}.batteryHours`] = t('register.error.number');
    }
  });
  d.guardians.forEach((g, i) => {
    required(`guardians.${i}.familyName`, g.familyName);
    required(`guardians.${i}.givenName`, g.givenName);
    kana(`guardians.${i}.familyKana`, g.familyKana, false);
    kana(`guardians.${i}.givenKana`, g.givenKana, false);
    required(`guardians.${i}.relationship`, g.relationship);
    required(`guardians.${i}.phone`, g.phone);
  });
  if (d.submitterKind === 'hospital') {
    required('submitter.name', d.submitter.name);
    required('submitter.organisation', d.submitter.organisation);
    required('submitter.phone', d.submitter.phone);
  }
  return errors;
}

/** The form's steps in order: the child, medical care, the people, then consents and sending. */
export const STEPS = ['child', 'care', 'people', 'send'] as const;
export type Step = (typeof STEPS)[number];

/**
 * The step (index into STEPS) that asks for the field at an error path, client or server: care items, devices
 * and the living situation on 'care'; the rest of the child on 'child'; guardians and the sender on 'people';
 * anything else (consents, a path the form does not know) on the last step, where the form is sent.
 */
export function stepOf(path: string): number {
  const [a, b] = path.split('.');
  if (a === 'child') return b === 'careItems' || b === 'devices' || b === 'livingSituation' ? 1 : 0;
  if (a === 'guardians' || a === 'submitter' || a === 'submitterKind') return 2;
  return STEPS.length - 1;
}

/** The errors of one step only, in their order. */
export function errorsOnStep(errors: FieldErrors, step: number): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOf(path) === step));
}

/** The first step holding an error, or null when there is none. */
export function firstStepWithErrors(errors: FieldErrors): number | null {
  const steps = Object.keys(errors).map(stepOf);
  return steps.length ? Math.min(...steps) : null;
}
