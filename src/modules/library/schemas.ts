import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import {
  LIBRARY_AUDIENCES,
  LIBRARY_CAPTION_LANGUAGES,
  LIBRARY_KINDS,
  LIBRARY_RECIPIENTS,
  LIBRARY_SITUATIONS,
  LIBRARY_VISIBILITIES,
} from '../../shared/vocab/library';
import { zDate, zText, zVersion } from '../registry/schemas-write';

const zUuid = z.string().uuid();
/** An address people may open: http(s) only. */
const zUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/)
  .openapi({ example: 'https://www.pref.kanagawa.jp/docs/example.html' });

export const ZLibraryQuery = z.object({
  situation: z.enum(LIBRARY_SITUATIONS).optional(),
  audience: z.enum(LIBRARY_AUDIENCES).optional(),
  kind: z.enum(LIBRARY_KINDS).optional(),
  visibility: z.enum(LIBRARY_VISIBILITIES).optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  stale: z.enum(['true', 'false']).optional(),
  /** 'true': the archived items only; without it the list leaves them out. */
  archived: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

const ZVersionView = z.object({
  id: z.string(),
  number: z.number().int(),
  note: z.string(),
  url: z.string().nullable(),
  file: z.object({ name: z.string(), contentType: z.string(), byteSize: z.number().int() }).nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const ZLibraryRow = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(LIBRARY_KINDS),
  situations: z.array(z.enum(LIBRARY_SITUATIONS)),
  audiences: z.array(z.enum(LIBRARY_AUDIENCES)),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  visibility: z.enum(LIBRARY_VISIBILITIES),
  versionNumber: z.number().int().nullable(),
  reviewedOn: z.string(),
  reviewDueOn: z.string(),
  stale: z.boolean(),
  /** When the item was archived (it stays reachable to staff and by old hand-out links), else null. */
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const ZLibraryList = z.object({ items: z.array(ZLibraryRow), total: z.number().int() });

/** A caption track of the current version's video (WebVTT from our origin at `path`). */
export const ZCaptionTrack = z.object({
  language: z.enum(LIBRARY_CAPTION_LANGUAGES),
  fileName: z.string(),
  byteSize: z.number().int(),
  path: z.string(),
});

export const ZLibraryItem = ZLibraryRow.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  version: z.number().int(),
  current: ZVersionView.nullable(),
  versions: z.array(ZVersionView),
  handoutCount: z.number().int(),
  /** The caption tracks of the current version's video, Japanese first (empty for other items). */
  captions: z.array(ZCaptionTrack),
  /** The path of the public page (for a public item with a version), else null. */
  publicPath: z.string().nullable(),
  allowed: z.object({ edit: z.boolean(), handOut: z.boolean(), archive: z.boolean() }),
});

export const ZCreateItemRequest = z
  .object({
    title: zText(200),
    kind: z.enum(LIBRARY_KINDS),
    description: multilineText(20_000).optional(),
    situations: z.array(z.enum(LIBRARY_SITUATIONS)).min(1).max(LIBRARY_SITUATIONS.length),
    audiences: z.array(z.enum(LIBRARY_AUDIENCES)).min(1).max(LIBRARY_AUDIENCES.length),
    municipalityCodes: z
      .array(z.string().regex(/^\d{6}$/))
      .max(100)
      .optional(),
    visibility: z.enum(LIBRARY_VISIBILITIES),
    /** A link item's address (its first version); other kinds upload a file as their first version. */
    url: zUrl.optional(),
  })
  .strict();

export const ZUpdateItemRequest = z
  .object({
    version: zVersion,
    title: zText(200).optional(),
    description: multilineText(20_000).optional(),
    situations: z.array(z.enum(LIBRARY_SITUATIONS)).min(1).max(LIBRARY_SITUATIONS.length).optional(),
    audiences: z.array(z.enum(LIBRARY_AUDIENCES)).min(1).max(LIBRARY_AUDIENCES.length).optional(),
    municipalityCodes: z
      .array(z.string().regex(/^\d{6}$/))
      .max(100)
      .optional(),
    visibility: z.enum(LIBRARY_VISIBILITIES).optional(),
    /** Confirms the content is still right today (the stale flag clears for 12 months). */
    reviewed: z.literal(true).optional(),
  })
  .strict();

export const ZLinkVersionRequest = z
  .object({ version: zVersion, url: zUrl, note: multilineText(2000).optional() })
  .strict();

export const ZFileVersionQuery = z.object({
  version: z.coerce.number().int().min(1),
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});

export const ZHandoutRequest = z
  .object({ consultationId: zUuid, recipient: z.enum(LIBRARY_RECIPIENTS) })
  .strict();

export const ZHandout = z.object({
  id: z.string(),
  itemId: z.string(),
  title: z.string(),
  versionNumber: z.number().int(),
  recipient: z.enum(LIBRARY_RECIPIENTS),
  at: z.string(),
  byName: z.string().nullable(),
  publicPath: z.string().nullable(),
});
export const ZHandoutList = z.object({ items: z.array(ZHandout) });
export const ZConsultationParam = z.object({
  consultationId: z.string().openapi({ param: { name: 'consultationId', in: 'path' } }),
});

export const ZPublicLibraryQuery = z.object({
  prefecture: z.string().regex(/^\d{2}$/),
  situation: z.enum(LIBRARY_SITUATIONS).optional(),
  audience: z.enum(LIBRARY_AUDIENCES).optional(),
});

export const ZPublicLibraryItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(LIBRARY_KINDS),
  situations: z.array(z.enum(LIBRARY_SITUATIONS)),
  audiences: z.array(z.enum(LIBRARY_AUDIENCES)),
  descriptionHtml: z.string(),
  versionNumber: z.number().int(),
  reviewedOn: z.string(),
  url: z.string().nullable(),
  file: z.object({ name: z.string(), contentType: z.string(), byteSize: z.number().int() }).nullable(),
  filePath: z.string().nullable(),
  /** Archived: no longer listed, still opened from an old hand-out link, with a notice. */
  archived: z.boolean(),
  /** The caption tracks of the video, Japanese first (empty for other items). */
  captions: z.array(ZCaptionTrack),
});
export const ZPublicLibraryList = z.object({ items: z.array(ZPublicLibraryItem) });

/** A caption track's address: the item and the language (ja, en, easy; checked by the route, 404 otherwise). */
export const ZCaptionParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  language: z.string().openapi({ param: { name: 'language', in: 'path' }, example: 'ja' }),
});

/** Adding or replacing a track: the item's version read and the file's name (.vtt); the body is the file. */
export const ZCaptionUploadQuery = z.object({
  version: z.coerce.number().int().min(1),
  name: z.string().trim().min(1).max(200),
});

/** Removing a track: the item's version read. */
export const ZCaptionRemoveQuery = z.object({ version: z.coerce.number().int().min(1) });

/** Archive an item, or restore it, under its version. */
export const ZArchiveRequest = z.object({ version: z.number().int(), archived: z.boolean() });

export { zDate };
