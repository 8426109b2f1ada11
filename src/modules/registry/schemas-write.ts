import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { toFullwidthKana, toKatakana } from '../../shared/kana';
import { CHILD_STATUSES, SEXES } from './schemas';
import { CONSENT_METHODS, CONSENT_PURPOSES, WATCH_LEVELS } from './schemas-detail';

/** The record's version as the client read it: every write carries it (optimistic locking). */
export const zVersion = z.number().int().min(1).openapi({ example: 3 });

/** A calendar date 'YYYY-MM-DD' that exists. */
export const zDate = z.iso.date().openapi({ example: '2024-04-01' });

/** Required text: trimmed, not empty. */
export const zText = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: absent = unchanged, null or blank = cleared. */
export const zOptText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Kana as people type it (hiragana, half-width) stored as full-width katakana; anything else is refused. */
export const zKana = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .transform((v) => toKatakana(toFullwidthKana(v)).replace(/[\s\u3000]+/g, ''))
  .pipe(
    z
      .string()
      .min(1)
      .regex(/^[\u30A1-\u30FA\u30FC-\u30FE\u30FB]+$/, 'カタカナ・ひらがなで入力してください / kana only'),
  )
  .openapi({ type: 'string', example: 'ヤマダ' });

/** A 6-digit 全国地方公共団体コード; its check digit and prefecture are checked by the service (400). */
export const zMunicipalityCode = z.string().trim().max(10).openapi({ example: '142051' });

/** One consent decision (also accepted when creating a record). */
export const ZConsentDecision = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
  decidedOn: zDate,
  method: z.enum(CONSENT_METHODS),
  note: multilineText(500).nullable().optional(),
});

export const ZCreateChildRequest = z
  .object({
    familyName: zText(50),
    givenName: zText(50),
    familyKana: zKana,
    givenKana: zKana,
    birthDate: zDate,
    sex: z.enum(SEXES),
    municipalityCode: zMunicipalityCode,
    address: zOptText(200),
    livingSituation: multilineText(2000).nullable().optional(),
    status: z.enum(CHILD_STATUSES).optional(),
    statusSince: zDate.nullable().optional(),
    /**
     * Decisions the guardian has already made, recorded with the record. Municipal staff should record the
     * share_municipality consent here: without it the new record is withheld from their municipality.
     */
    consents: z.array(ZConsentDecision).max(8).optional(),
  })
  .openapi('CreateChildRequest');
export type CreateChildInput = z.infer<typeof ZCreateChildRequest>;

export const ZUpdateChildRequest = z
  .object({
    version: zVersion,
    familyName: zText(50).optional(),
    givenName: zText(50).optional(),
    familyKana: zKana.optional(),
    givenKana: zKana.optional(),
    birthDate: zDate.optional(),
    sex: z.enum(SEXES).optional(),
    address: zOptText(200),
    livingSituation: multilineText(2000).nullable().optional(),
    status: z.enum(CHILD_STATUSES).optional(),
    statusSince: zDate.nullable().optional(),
  })
  .openapi('UpdateChildRequest');
export type UpdateChildInput = z.infer<typeof ZUpdateChildRequest>;

export const ZSetCareItemsRequest = z
  .object({
    version: zVersion,
    items: z
      .array(
        z.object({
          code: z.string().trim().min(1).max(60).openapi({ example: 'ventilator' }),
          watch: z.enum(WATCH_LEVELS).optional(),
          judgedOn: zDate.nullable().optional(),
          judgedBy: zOptText(100),
          note: multilineText(500).nullable().optional(),
        }),
      )
      .max(40),
  })
  .openapi('SetCareItemsRequest');
export type SetCareItemsInput = z.infer<typeof ZSetCareItemsRequest>;

export const ZRecordConsentRequest = ZConsentDecision.extend({ version: zVersion }).openapi(
  'RecordConsentRequest',
);
export type RecordConsentInput = z.infer<typeof ZRecordConsentRequest>;

export const ZWithdrawConsentRequest = z
  .object({ version: zVersion, withdrawnOn: zDate })
  .openapi('WithdrawConsentRequest');

export const ZMoveChildRequest = z
  .object({
    version: zVersion,
    municipalityCode: zMunicipalityCode,
    address: zOptText(200),
    movedOn: zDate,
  })
  .openapi('MoveChildRequest');
export type MoveChildInput = z.infer<typeof ZMoveChildRequest>;

/** `?version=N` of a DELETE. */
export const ZVersionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'query' }, example: 3 }),
});

const pathUuid = (name: string) =>
  z.string().openapi({ param: { name, in: 'path' }, example: '00000000-0000-4000-8000-000000000000' });

/** Path of one row of a list of the record: /{id}/…/{subId}. */
export const ZChildSubParams = z.object({ id: pathUuid('id'), subId: pathUuid('subId') });

/** Path of one consent decision: /{id}/consents/{consentId}. */
export const ZConsentParams = z.object({ id: pathUuid('id'), consentId: pathUuid('consentId') });

/** Blank text → null; undefined stays undefined (not asked to change). */
export function blankToNull(v: string | null | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  return v === null || v.trim() === '' ? null : v.trim();
}
