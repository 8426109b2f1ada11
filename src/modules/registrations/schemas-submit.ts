import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { WATCH_LEVELS, type WatchLevel } from '../../shared/care-score';
import { toFullwidthKana, toKatakana } from '../../shared/kana';
import { isValidMunicipalityCode } from '../../shared/municipality-code';
import { CONSENT_PURPOSES, DEVICE_KINDS, SEXES } from '../../shared/vocab/registry';
import { parseJapaneseDate } from '../../shared/wareki';
import { MSG } from './issues';

export { CONSENT_PURPOSES, DEVICE_KINDS, SEXES };

/**
 * The public registration form (KA-2) as Zod schemas. Messages of our own checks are keys of MSG (issues.ts),
 * turned into Japanese and English there; the 和暦 birth date becomes ISO here, kana become full-width katakana.
 */

/** Who sends the form: the family, or a hospital on its behalf. */
export const SUBMITTER_KINDS = ['family', 'hospital'] as const;

/** Bounds of the lists on the form (the body as a whole is limited to MAX_REGISTRATION_BYTES). */
export const REGISTRATION_LIMITS = { diagnoses: 10, careItems: 25, devices: 15, guardians: 4 } as const;

const text = (max: number) => z.string().trim().min(1, MSG.required).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Kana in hiragana, katakana or half-width katakana (spaces allowed); stored as full-width katakana. */
const KANA_RE = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE\uFF66-\uFF9F\s\u3000・]+$/;
const kana = (max: number) =>
  z
    .string()
    .trim()
    .min(1, MSG.required)
    .max(max)
    .regex(KANA_RE, MSG.kana)
    .transform((v) => toKatakana(toFullwidthKana(v)).replace(/[\s\u3000]+/g, ''));
const optionalKana = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .refine((v) => !v || KANA_RE.test(v), MSG.kana)
    .transform((v) => (v ? toKatakana(toFullwidthKana(v)).replace(/[\s\u3000]+/g, '') : undefined));

/** Telephone: digits with optional +, hyphens, spaces and brackets; 10–13 digits (full-width digits fold). */
const phone = z
  .string()
  .trim()
  .min(1, MSG.required)
  .max(30)
  .transform((v) => v.normalize('NFKC'))
  .refine((v) => /^\+?[\d\-() ]+$/.test(v) && /^(\D*\d){10,13}\D*$/.test(v), MSG.phone);
const email = z
  .string()
  .trim()
  .max(254)
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), MSG.email);

/** A birth date as people write it: ISO, 2019/4/5, 令和元年5月1日, R1.5.1 … → ISO. Range is checked by the service. */
const ZBirthDateInput = z
  .string()
  .trim()
  .min(1, MSG.required)
  .max(40)
  .transform((v, ctx) => {
    const iso = parseJapaneseDate(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: MSG.date });
      return z.NEVER;
    }
    return iso;
  })
  .openapi({
    example: '令和6年4月5日',
    description: 'ISO or any 和暦/official form (parsed by parseJapaneseDate)',
  });

const ZMunicipalityCode = z
  .string()
  .trim()
  .refine((v) => isValidMunicipalityCode(v), MSG.municipalityCode)
  .openapi({ example: '142051' });

const ZWatch = z.enum(WATCH_LEVELS as [WatchLevel, ...WatchLevel[]]);

/** The child: identity, address, disease, care items, devices, living situation. */
export const ZRegistrationChild = z.strictObject({
  familyName: text(50),
  givenName: text(50),
  familyKana: kana(50),
  givenKana: kana(50),
  birthDate: ZBirthDateInput,
  sex: z.enum(SEXES),
  municipalityCode: ZMunicipalityCode,
  address: text(200).openapi({ description: 'Street address within the municipality' }),
  diagnoses: z
    .array(
      z.strictObject({
        name: text(200),
        icd10: optionalText(10).refine((v) => !v || /^[A-Z]\d{2}(\.\d{1,2})?$/.test(v), MSG.icd10),
      }),
    )
    .max(REGISTRATION_LIMITS.diagnoses)
    .default([]),
  careItems: z
    .array(z.strictObject({ code: z.string().min(1).max(64), watch: ZWatch.optional() }))
    .max(REGISTRATION_LIMITS.careItems)
    .default([]),
  devices: z
    .array(
      z.strictObject({
        kind: z.enum(DEVICE_KINDS),
        needsMains: z.boolean(),
        batteryHours: z.number().min(0).max(9999).optional(),
      }),
    )
    .max(REGISTRATION_LIMITS.devices)
    .default([]),
  livingSituation: multilineText(2000)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** A parent or guardian (1–4 per form). */
export const ZRegistrationGuardian = z.strictObject({
  familyName: text(50),
  givenName: text(50),
  familyKana: optionalKana(50),
  givenKana: optionalKana(50),
  relationship: text(30).openapi({ example: '母' }),
  phone,
  email,
});

const consent = z.boolean();

/** The body of POST /api/public/registrations. `website` is the honeypot: people leave it empty. */
export const ZSubmitRegistrationRequest = z
  .strictObject({
    submitterKind: z.enum(SUBMITTER_KINDS),
    submitter: z.strictObject({
      name: text(100),
      organisation: optionalText(200),
      phone,
      email,
    }),
    child: ZRegistrationChild,
    guardians: z.array(ZRegistrationGuardian).min(1, MSG.guardianRequired).max(REGISTRATION_LIMITS.guardians),
    consents: z.strictObject({
      share_municipality: consent,
      disaster_planning: consent,
      centre_contact: consent,
      statistics: consent,
    }),
    /** The form's language: the acknowledgement mail's, when an address is given and mail is on. */
    locale: z.enum(['ja', 'en']).optional(),
    website: z.string().max(2000).optional().openapi({ description: 'Leave empty (spam trap).' }),
  })
  .openapi('SubmitRegistrationRequest');

/** The validated form. */
export type SubmitRegistration = z.output<typeof ZSubmitRegistrationRequest>;
/** What is stored in registrations.payload: the validated form without the honeypot. */
export type RegistrationPayload = Omit<SubmitRegistration, 'website' | 'locale'>;

/** The only answer a valid (or honeypot) submission gets. */
export const ZSubmitRegistrationResponse = z
  .object({ receiptNo: z.string().openapi({ example: 'R-20261126-7K3Q9' }) })
  .openapi('SubmitRegistrationResponse');

/** GET /api/public/registrations/options. */
export const ZGetRegistrationOptionsResponse = z
  .object({
    prefectures: z.array(z.object({ code: z.string(), name: z.string() })),
    municipalities: z.array(
      z.object({ code: z.string(), name: z.string(), kana: z.string(), prefectureCode: z.string() }),
    ),
    careItems: z.array(
      z.object({
        code: z.string(),
        ja: z.string(),
        en: z.string(),
        watchLevels: z.array(ZWatch).openapi({ description: 'levels the item defines, highest first' }),
      }),
    ),
    deviceKinds: z.array(z.object({ code: z.enum(DEVICE_KINDS), ja: z.string(), en: z.string() })),
  })
  .openapi('GetRegistrationOptionsResponse');
