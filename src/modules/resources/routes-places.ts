import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { PLACE_KINDS, type PlaceKind } from '../../db/schema/places';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonOk } from '../../server/openapi';
import { MAX_UPLOAD_BYTES } from '../../server/upload-limits';
import { recordAudit } from '../audit/record';
import {
  importPlaces,
  placesSummary,
  previewPlaces,
  readPlacesFile,
  refreshPrefecturePlaces,
} from './places-import';
import { ZImportQuery } from './schemas-work';
import { prefectureWorker } from './support';

const tags = ['resources'];
const csvBody = {
  content: {
    'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
    'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
  },
  required: true,
} as const;

const ZCounts = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
const ZPlacesSummary = z
  .object({
    counts: z.array(
      z.object({
        kind: z.enum(PLACE_KINDS),
        bySource: z.object({
          reference: z.number().int(),
          listings: z.number().int(),
          import: z.number().int(),
        }),
      }),
    ),
    updatedAt: z.string().nullable(),
  })
  .openapi('ResourcePlacesSummary');
const ZPlacesPreview = z
  .object({
    fileName: z.string().nullable(),
    encoding: z.enum(['utf8', 'utf8-bom', 'cp932']),
    rows: z.number().int(),
    byKind: z.object({
      municipality: z.number().int(),
      town: z.number().int(),
      station: z.number().int(),
      landmark: z.number().int(),
    }),
    issues: z.array(z.object({ line: z.number().int(), ja: z.string(), en: z.string() })),
    /** What the import would do; null while the file has errors. */
    counts: ZCounts.nullable(),
  })
  .openapi('ResourcePlacesPreview');
const ZPlacesImported = ZCounts.extend({ rows: z.number().int() }).openapi('ResourcePlacesImported');
const ZPlacesRefreshed = ZCounts.extend({ towns: z.number().int() }).openapi('ResourcePlacesRefreshed');

async function readBody(req: Request): Promise<Buffer> {
  const buf = Buffer.from(await req.arrayBuffer());
  if (buf.length > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large');
  if (!buf.length) throw new AppError('resource_file_unreadable');
  return buf;
}

/**
 * The gazetteer of the public search, kept from the import screen (docs/resources.md §4): what it holds, a
 * places file previewed and imported for the caller's prefecture, the listings' 町字 recomputed. Prefecture-wide
 * staff only (403 for others, 404 without a prefecture), as the other imports.
 */
export function registerPlaceRoutes(r: OpenAPIHono<AppEnv>, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/places',
      tags,
      summary: 'The place names of the public search / 検索用の地名（件数）',
      responses: jsonOk(ZPlacesSummary),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const summary = await placesSummary(db, w.prefectureCode);
      await recordAudit(db, w, {
        action: 'read',
        entityType: 'resource_import',
        entityIds: [],
        detail: { event: 'places_summary' },
      });
      return c.json(summary, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/places/import/preview',
      tags,
      summary: 'Preview a places file / 地名ファイルの取り込みプレビュー（保存しない）',
      description:
        'Body: CSV (UTF-8 or Shift_JIS), columns name,kana,kind,municipality_code,lat,lon[,postal_code].',
      request: { query: ZImportQuery, body: csvBody },
      responses: jsonOk(ZPlacesPreview),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const file = readPlacesFile(await readBody(c.req.raw), w.prefectureCode);
      const byKind = Object.fromEntries(
        PLACE_KINDS.map((k) => [k, file.rows.filter((x) => x.kind === k).length]),
      ) as Record<PlaceKind, number>;
      return c.json(
        {
          fileName: c.req.valid('query').fileName ?? null,
          encoding: file.encoding,
          rows: file.rows.length + file.issues.length,
          byKind,
          issues: file.issues,
          counts: await previewPlaces(db, file, w.at),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/places/import',
      tags,
      summary: 'Import a places file (all or nothing) / 地名ファイルの取り込み（全件または0件）',
      request: { query: ZImportQuery, body: csvBody },
      responses: jsonOk(ZPlacesImported),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const file = readPlacesFile(await readBody(c.req.raw), w.prefectureCode);
      const fileName = c.req.valid('query').fileName ?? null;
      return c.json(
        await db.transaction((tx) => importPlaces(tx, w, file, { via: 'screen', fileName })),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/places/refresh',
      tags,
      summary: "Recompute the listings' 町字 / 掲載の住所から町字を作り直す",
      responses: jsonOk(ZPlacesRefreshed),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      return c.json(
        await db.transaction((tx) => refreshPrefecturePlaces(tx, w, w.prefectureCode, 'screen')),
        200,
      );
    },
  );
}
