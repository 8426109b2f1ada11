import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { TOPICS } from '../../shared/vocab/consultations';
import { LIFE_ELEMENTS, MUNICIPAL_ACTIONS, MUNICIPAL_REQUESTS } from '../../shared/vocab/engagements';
import {
  GOOD_PRACTICE_CONFIRMATIONS,
  GOOD_PRACTICE_CONSENT_METHODS,
  GOOD_PRACTICE_SOURCE_KINDS,
  GOOD_PRACTICE_STATUSES,
  PERSONAL_DATA_FLAG_KINDS,
} from '../../shared/vocab/good-practices';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import { zDate, zVersion } from '../registry/schemas-write';

/** Requests and answers of the good-practice routes (routes.ts; docs/knowledge.md §4). */

const zUuid = z.string().uuid();
const zLine = (max: number) => z.string().trim().max(max);
const zCode = z.string().regex(/^\d{6}$/);
const tags = <T extends readonly [string, ...string[]]>(codes: T) => z.array(z.enum(codes)).max(codes.length);

export const ZStoryListQuery = z.object({
  status: z.enum([...GOOD_PRACTICE_STATUSES, 'all']).optional(),
  q: zLine(100).optional(),
  topic: z.enum(TOPICS).optional(),
  lifeElement: z.enum(LIFE_ELEMENTS).optional(),
  request: z.enum(MUNICIPAL_REQUESTS).optional(),
  careItem: z.enum(CARE_ITEM_CODES).optional(),
  lifeStage: z.enum(LIFE_STAGES).optional(),
  regionId: zUuid.optional(),
  municipalityCode: zCode.optional(),
});

const ZRef = z.object({ id: z.string(), name: z.string() });
const ZMunicipality = z.object({ code: z.string(), name: z.string() });

const ZTags = {
  topics: z.array(z.string()),
  lifeElements: z.array(z.string()),
  requests: z.array(z.string()),
  municipalActions: z.array(z.string()),
  lifeStages: z.array(z.string()),
  careItems: z.array(z.string()),
};

export const ZStoryRow = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(GOOD_PRACTICE_STATUSES),
  ...ZTags,
  region: ZRef,
  municipality: ZMunicipality.nullable(),
  solver: z.string(),
  solvedOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  hasContact: z.boolean(),
});

export const ZStoryList = z.object({ items: z.array(ZStoryRow), total: z.number().int() });

export const ZFlag = z.object({
  kind: z.enum(PERSONAL_DATA_FLAG_KINDS),
  text: z.string(),
  key: z.string(),
  blocking: z.boolean(),
  acknowledged: z.boolean(),
});

export const ZStory = ZStoryRow.extend({
  body: z.string(),
  /** The body rendered by shared/markdown.ts (raw HTML escaped, safe links only). */
  bodyHtml: z.string(),
  solverMunicipality: ZMunicipality.nullable(),
  solverOrganisation: ZRef.nullable(),
  solverText: z.string().nullable(),
  contact: z
    .object({
      personId: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      profession: z.string().nullable(),
      consentOn: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  source: z
    .object({
      kind: z.enum(GOOD_PRACTICE_SOURCE_KINDS),
      id: z.string().nullable(),
      label: z.string().nullable(),
      visible: z.boolean(),
    })
    .nullable(),
  author: z.string(),
  updatedBy: z.string(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  confirmations: z.array(z.enum(GOOD_PRACTICE_CONFIRMATIONS)),
  publishedBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Pattern and source findings of the personal-data check, for readers who may change the story. */
  flags: z.array(ZFlag),
  actions: z.object({ edit: z.boolean(), check: z.boolean(), publish: z.boolean(), withdraw: z.boolean() }),
  /** The consent to publication on the public site, when recorded. */
  publicConsent: z
    .object({
      by: z.string(),
      on: z.string(),
      method: z.enum(GOOD_PRACTICE_CONSENT_METHODS),
      recordedBy: z.string().nullable(),
      recordedAt: z.string().nullable(),
    })
    .nullable(),
  /** When it was put on the public site (null: not on it). */
  publicOfferedAt: z.string().nullable(),
});

const storyFields = {
  title: zLine(120).min(1),
  summary: multilineText(400, 1),
  body: multilineText(20000, 1),
  topics: tags(TOPICS).default([]),
  lifeElements: tags(LIFE_ELEMENTS).default([]),
  requests: tags(MUNICIPAL_REQUESTS).default([]),
  municipalActions: tags(MUNICIPAL_ACTIONS).default([]),
  lifeStages: tags(LIFE_STAGES).default([]),
  careItems: tags(CARE_ITEM_CODES).default([]),
  regionId: zUuid,
  municipalityCode: zCode.nullable().default(null),
  solverMunicipalityCode: zCode.nullable().default(null),
  solverOrganisationId: zUuid.nullable().default(null),
  solverText: zLine(200).nullable().default(null),
  contactPersonId: zUuid.nullable().default(null),
  contactConsentOn: zDate.nullable().default(null),
  contactNote: zLine(300).nullable().default(null),
  solvedOn: zDate.nullable().default(null),
};

export const ZCreateStoryRequest = z.object({
  ...storyFields,
  source: z
    .object({ kind: z.enum(GOOD_PRACTICE_SOURCE_KINDS), id: zUuid })
    .nullable()
    .default(null),
});

export const ZUpdateStoryRequest = z.object({ ...storyFields, version: zVersion });

export const ZCheckStoryRequest = z.object({
  version: zVersion,
  confirmations: z.array(z.enum(GOOD_PRACTICE_CONFIRMATIONS)).max(GOOD_PRACTICE_CONFIRMATIONS.length),
  /** The keys of the pattern flags the checker looked at and judged not personal data. */
  acknowledgedFlags: z.array(zLine(300)).max(200).default([]),
});

export const ZVersionRequest = z.object({ version: zVersion });

/** The consent to publication on the public site: who agreed, on which day, how; null withdraws it. */
export const ZPublicConsentRequest = z.object({
  version: zVersion,
  consent: z
    .object({
      by: zLine(200).min(1),
      on: zDate,
      method: z.enum(GOOD_PRACTICE_CONSENT_METHODS),
    })
    .nullable(),
});

export const ZPublicOfferRequest = z.object({ version: zVersion, offered: z.boolean() });

/** A story as the public site shows it: no contact, no source, no people. */
export const ZPublicStory = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    /** The text, rendered safely (one story only; null in the list). */
    bodyHtml: z.string().nullable(),
    topics: z.array(z.string()),
    careItems: z.array(z.string()),
    /** The region, or the municipality when the story names one. */
    area: z.string(),
    solverText: z.string().nullable(),
    solvedOn: z.string().nullable(),
  })
  .openapi('PublicGoodPractice');

export const ZPublicStoryList = z.object({ items: z.array(ZPublicStory) });

export const ZPublicStoryQuery = z.object({ prefecture: z.string().regex(/^\d{2}$/) });

/** Path parameters are checked by the handler after the caller's access (an unknown source answers 404). */
export const ZPrefillQuery = z.object({ sourceKind: z.string().max(40), sourceId: z.string().max(100) });

export const ZPrefill = z.object({
  sourceKind: z.enum(GOOD_PRACTICE_SOURCE_KINDS),
  sourceId: z.string(),
  sourceLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  topics: z.array(z.string()),
  lifeElements: z.array(z.string()),
  requests: z.array(z.string()),
  municipalActions: z.array(z.string()),
  municipalityCode: z.string().nullable(),
  regionId: z.string().nullable(),
  solverMunicipalityCode: z.string().nullable(),
  solverText: z.string().nullable(),
  solvedOn: z.string().nullable(),
});

export const ZStoryOptions = z.object({
  canWrite: z.boolean(),
  /** Regions and municipalities a story may be written for (the caller's area). */
  regions: z.array(ZRef),
  municipalities: z.array(ZMunicipality.extend({ regionId: z.string() })),
  /** Every region and municipality of the prefecture, for the filters and for who solved it. */
  allRegions: z.array(ZRef),
  allMunicipalities: z.array(ZMunicipality.extend({ regionId: z.string() })),
});

export const ZSuggestionQuery = z.object({ consultationId: z.string().max(100) });

export const ZSuggestions = z.object({
  items: z.array(ZStoryRow.extend({ score: z.number() })),
});
