/** The public site's Zod contract: the staff editing API and the public reads. */
import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { DIVISIONS } from '../../shared/vocab/network';
import {
  CONTENT_LANGS,
  PUBLIC_PAGE_KINDS,
  PUBLIC_PAGE_SLUG,
  PUBLIC_PAGE_STATUSES,
} from '../../shared/vocab/public-site';

const zInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-09T09:00:00+09:00' });

const pageFields = {
  titleJa: z.string().trim().max(200),
  titleEn: z.string().trim().max(200).default(''),
  titleEasy: z.string().trim().max(200).default(''),
  bodyJa: multilineText(50_000).default(''),
  bodyEn: multilineText(50_000).default(''),
  bodyEasy: multilineText(50_000).default(''),
  status: z.enum(PUBLIC_PAGE_STATUSES),
  /** An emergency notice's window (required for that kind, ignored for the others). */
  startsAt: zInstant.nullable().default(null),
  endsAt: zInstant.nullable().default(null),
};

export const ZCreatePublicPageRequest = z.object({
  kind: z.enum(PUBLIC_PAGE_KINDS),
  /** A free page's or notice's address (/public/pages/{slug}); a fixed kind's is its code. */
  slug: z.string().regex(PUBLIC_PAGE_SLUG).optional(),
  ...pageFields,
});

export const ZUpdatePublicPageRequest = z.object({ ...pageFields, version: z.number().int().min(1) });

const ZEditor = z.object({ name: z.string(), role: z.string() });

export const ZPublicPageSummary = z.object({
  id: z.string(),
  kind: z.enum(PUBLIC_PAGE_KINDS),
  slug: z.string(),
  status: z.enum(PUBLIC_PAGE_STATUSES),
  titleJa: z.string(),
  langs: z.array(z.enum(CONTENT_LANGS)),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** An emergency notice on show now. */
  onShow: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: ZEditor,
});

export const ZPublicPageList = z.object({
  items: z.array(ZPublicPageSummary),
  /** Fixed kinds not written yet (the list offers to write them). */
  missingKinds: z.array(z.enum(PUBLIC_PAGE_KINDS)),
});

export const ZPublicPage = ZPublicPageSummary.extend({
  titleEn: z.string(),
  titleEasy: z.string(),
  bodyJa: z.string(),
  bodyEn: z.string(),
  bodyEasy: z.string(),
  publishedAt: z.string().nullable(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      status: z.enum(PUBLIC_PAGE_STATUSES),
      editedAt: z.string(),
      editedBy: ZEditor,
    }),
  ),
});

export const ZFirstWindowRow = z.object({
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  region: z.string().nullable(),
  contacts: z.array(
    z.object({
      division: z.enum(DIVISIONS),
      sectionName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      asOf: z.string(),
    }),
  ),
  /** The division chosen by the centre, or null when the default applies. */
  chosenDivision: z.enum(DIVISIONS).nullable(),
  /** The division shown publicly now (the choice, or the first recorded of the default order). */
  shownDivision: z.enum(DIVISIONS).nullable(),
  coordinatorPersonId: z.string().nullable(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string().nullable() })),
  /** The municipality page's coordinator item (placed, considering, not placed), if recorded. */
  coordinatorStatus: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const ZFirstWindowList = z.object({ items: z.array(ZFirstWindowRow) });

export const ZSetFirstWindowRequest = z.object({
  division: z.enum(DIVISIONS),
  coordinatorPersonId: z.uuid().nullable(),
  note: multilineText(500).default(''),
  /** 0 when the municipality has no choice yet. */
  version: z.number().int().min(0),
});

export const ZCodeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: '142050' }),
});

// Public reads.

export const ZPublicSiteQuery = z.object({
  prefecture: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  lang: z.enum(CONTENT_LANGS).default('ja'),
});

export const ZPublicPageQuery = z.object({
  prefecture: z.string().regex(/^\d{2}$/),
  lang: z.enum(CONTENT_LANGS).default('ja'),
});

export const ZSlugParam = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'about' }),
});

const ZNotice = z.object({
  slug: z.string(),
  lang: z.enum(CONTENT_LANGS),
  fellBack: z.boolean(),
  title: z.string(),
  /** The notice's text as safe HTML (Markdown rendered on the server). */
  html: z.string(),
  endsAt: z.string().nullable(),
});

export const ZPublicSite = z.object({
  prefectures: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
  site: z
    .object({
      prefecture: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
      centre: z
        .object({
          name: z.string(),
          operator: z.string().nullable(),
          address: z.string().nullable(),
          phone: z.string().nullable(),
        })
        .nullable(),
      notices: z.array(ZNotice),
      pages: z.array(z.object({ kind: z.enum(PUBLIC_PAGE_KINDS), slug: z.string(), title: z.string() })),
    })
    .nullable(),
});

export const ZPublicPageView = z.object({
  kind: z.enum(PUBLIC_PAGE_KINDS),
  slug: z.string(),
  lang: z.enum(CONTENT_LANGS),
  fellBack: z.boolean(),
  langs: z.array(z.enum(CONTENT_LANGS)),
  title: z.string(),
  html: z.string(),
  updatedAt: z.string(),
});

export const ZPublicFirstWindows = z.object({
  regions: z.array(
    z.object({
      name: z.string(),
      /** The centre or branch covering the region (its own desk), with its phone. */
      desk: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
      municipalities: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          kana: z.string(),
          window: z
            .object({
              division: z.enum(DIVISIONS),
              sectionName: z.string(),
              phone: z.string().nullable(),
              email: z.string().nullable(),
              asOf: z.string(),
            })
            .nullable(),
          coordinator: z
            .object({ name: z.string(), organisation: z.string().nullable(), phone: z.string().nullable() })
            .nullable(),
          coordinatorStatus: z.string().nullable(),
          note: z.string(),
        }),
      ),
    }),
  ),
});
