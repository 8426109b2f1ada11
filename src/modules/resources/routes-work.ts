import { gunzipSync } from 'node:zlib';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { MAX_UPLOAD_BYTES } from '../../server/upload-limits';
import { isoDateInJapan } from '../../shared/dates';
import { BOTTLENECK_KIND_LABELS } from '../../shared/vocab/resources';
import { recordAudit } from '../audit/record';
import { createBottleneck, deleteBottleneck, listBottlenecks } from './bottlenecks';
import { directoryXlsx, exportServices, XLSX_TYPE } from './export';
import { gaps } from './gaps';
import { gapsXlsx } from './gaps-xlsx';
import { applyHsdsImport, hsdsPreviewOut, planHsdsImport } from './hsds-apply';
import { hsdsExport, hsdsSource } from './hsds-export';
import { applyImport, planImport, previewOut } from './import';
import {
  ZBottleneck,
  ZBottleneckList,
  ZBottlenecksQuery,
  ZCreateBottleneck,
  ZGapsQuery,
  ZGapsResponse,
} from './schemas-gaps';
import { ZHsdsExport, ZHsdsImportPreview } from './schemas-hsds';
import { ZExportQuery, ZImportPreview, ZImportQuery, ZImportResult } from './schemas-work';
import { prefectureWorker, resourceCaller } from './support';

const tags = ['resources'];
const ZLang = z.object({ lang: z.enum(['ja', 'en']).default('ja') });
const fileResponse = (type: string) => ({
  200: {
    description: 'The file (attachment)',
    content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
  },
  ...ERROR_RESPONSES,
});
const csvBody = {
  content: {
    'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
    'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
  },
  required: true,
} as const;

/** Largest CSV accepted: a whole prefecture's open data of welfare offices (server/app.ts UPLOAD_PATHS). */
const MAX_CSV_BYTES = MAX_UPLOAD_BYTES;

async function readCsvBody(req: Request): Promise<Buffer> {
  const buf = Buffer.from(await req.arrayBuffer());
  if (buf.length > MAX_CSV_BYTES) throw new AppError('payload_too_large');
  if (!buf.length) throw new AppError('resource_file_unreadable');
  return buf;
}

/**
 * The HSDS file of an import: a JSON document shaped like the export (ResourceHsdsExport), read as bytes; gzipped
 * when larger than the upload limit (about 3,000 services a file as JSON, several times that gzipped).
 */
const hsdsBody = {
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/ResourceHsdsExport' } },
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    'application/gzip': { schema: { type: 'string', format: 'binary' } },
  },
  required: true,
} as const;

/** Largest HSDS document once unzipped (a gzipped file may be sent when the JSON is over the upload limit). */
const MAX_HSDS_JSON_BYTES = 8 * MAX_UPLOAD_BYTES;

async function readHsdsBody(req: Request): Promise<unknown> {
  let buf = Buffer.from(await req.arrayBuffer());
  if (buf.length > MAX_CSV_BYTES) throw new AppError('payload_too_large');
  try {
    if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf, { maxOutputLength: MAX_HSDS_JSON_BYTES });
    return JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('resource_hsds_unreadable');
  }
}

/** Open-data import, exports, gaps and bottlenecks (rounds: routes-rounds.ts). */
export function registerWorkRoutes(r: OpenAPIHono<AppEnv>, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'post',
      path: '/import/preview',
      tags,
      summary: 'Preview an open-data CSV / オープンデータ（CSV）の取り込みプレビュー（保存しない）',
      description:
        'Body: the CSV file itself (UTF-8 or CP932). Each row: create, update, unchanged or error.',
      request: { query: ZImportQuery, body: csvBody },
      responses: jsonOk(ZImportPreview),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const buf = await readCsvBody(c.req.raw);
      const plan = await planImport(db, w.prefectureCode, buf, c.req.valid('query').fileName ?? null);
      return c.json(previewOut(plan), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags,
      summary: 'Import an open-data CSV (all or nothing) / オープンデータ（CSV）の取り込み（全件または0件）',
      description:
        'Keyed by 事業所番号 + サービス種別: a re-import updates. Any row error: 400, nothing imported.',
      request: { query: ZImportQuery, body: csvBody },
      responses: jsonOk(ZImportResult),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const buf = await readCsvBody(c.req.raw);
      const fileName = c.req.valid('query').fileName ?? null;
      return c.json(await db.transaction((tx) => applyImport(tx, w, buf, fileName)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/import/hsds/preview',
      tags,
      summary: 'Preview an HSDS 3.0 JSON import / HSDS（JSON）の取り込みプレビュー（保存しない）',
      description:
        'Body: an HSDS 3.0 document (our export, or services of another Open Referral directory). Each service: create, update, unchanged or error.',
      request: { query: ZImportQuery, body: hsdsBody },
      responses: jsonOk(ZHsdsImportPreview),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const doc = await readHsdsBody(c.req.raw);
      const plan = await planHsdsImport(db, w, doc, c.req.valid('query').fileName ?? null);
      return c.json(hsdsPreviewOut(plan), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/import/hsds',
      tags,
      summary: 'Import HSDS 3.0 JSON (all or nothing) / HSDS（JSON）の取り込み（全件または0件）',
      description: 'Matched by HSDS id: a re-import updates. Any issue: 400, nothing imported.',
      request: { query: ZImportQuery, body: hsdsBody },
      responses: jsonOk(ZImportResult),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const doc = await readHsdsBody(c.req.raw);
      const fileName = c.req.valid('query').fileName ?? null;
      return c.json(await db.transaction((tx) => applyHsdsImport(tx, w, doc, fileName)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/export.json',
      tags,
      summary: 'Export as HSDS 3.0 JSON / HSDS 3.0 形式（JSON）で出力',
      description:
        'Every object valid against the official HSDS 3.0 schema of its table; ids are stable UUIDs; Japanese details are attributes of the published taxonomies (docs/resources.md, HSDS profile).',
      request: { query: ZExportQuery },
      responses: jsonOk(ZHsdsExport),
    }),
    async (c) => {
      // Whole-directory work, as the policy says (a listing's own page serves everyone who may read it).
      const w = prefectureWorker(c, deps);
      const data = await exportServices(db, w, c.req.valid('query'));
      await recordAudit(db, w, {
        action: 'export',
        entityType: 'resource_service',
        entityIds: [],
        detail: { format: 'hsds', count: data.services.length },
      });
      c.header(
        'content-disposition',
        `attachment; filename="resources-${isoDateInJapan(w.at).replaceAll('-', '')}.json"`,
      );
      return c.json(hsdsExport(await hsdsSource(db, w.prefectureCode, data), w.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/export.xlsx',
      tags,
      summary: 'Export as .xlsx / 一覧を xlsx で出力',
      request: { query: ZExportQuery.extend(ZLang.shape) },
      responses: fileResponse(XLSX_TYPE),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const { lang, ...f } = c.req.valid('query');
      const data = await exportServices(db, w, f);
      await recordAudit(db, w, {
        action: 'export',
        entityType: 'resource_service',
        entityIds: [],
        detail: { format: 'xlsx', count: data.services.length },
      });
      const buf = await directoryXlsx(data.services, lang);
      return c.body(new Uint8Array(buf), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="resources-${isoDateInJapan(w.at).replaceAll('-', '')}.xlsx"`,
        'cache-control': 'no-store',
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/gaps',
      tags,
      summary: 'Supply and demand by region and care item / 圏域・ケア項目別の需要と供給（件数のみ）',
      request: { query: ZGapsQuery },
      responses: jsonOk(ZGapsResponse),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      const out = await gaps(db, { ...w, actor: w.actor! }, c.req.valid('query').regionId);
      await recordAudit(db, w, {
        action: 'read',
        entityType: 'resource_gaps',
        entityIds: [],
        detail: { regionId: c.req.valid('query').regionId ?? null },
      });
      return c.json(out, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/gaps.xlsx',
      tags,
      summary: 'Gap analysis for councils (.xlsx) / 需要と供給の分析（協議会向け xlsx）',
      request: { query: ZGapsQuery.extend(ZLang.shape) },
      responses: fileResponse(XLSX_TYPE),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      const { regionId, lang } = c.req.valid('query');
      const out = await gaps(db, { ...w, actor: w.actor! }, regionId);
      await recordAudit(db, w, {
        action: 'export',
        entityType: 'resource_gaps',
        entityIds: [],
        detail: { regionId: regionId ?? null, format: 'xlsx' },
      });
      const buf = await gapsXlsx(out, lang, { kind: BOTTLENECK_KIND_LABELS });
      return c.body(new Uint8Array(buf), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="resource-gaps-${isoDateInJapan(w.at).replaceAll('-', '')}.xlsx"`,
        'cache-control': 'no-store',
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/bottlenecks',
      tags,
      summary: 'Bottlenecks / ボトルネックの一覧',
      request: { query: ZBottlenecksQuery },
      responses: jsonOk(ZBottleneckList),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      if (!w.policy.gaps) throw new AppError('forbidden');
      return c.json({ items: await listBottlenecks(db, w, c.req.valid('query').regionId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/bottlenecks',
      tags,
      summary: 'Record a bottleneck / ボトルネックの登録',
      request: { body: jsonBody(ZCreateBottleneck) },
      responses: jsonOk(ZBottleneck),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      const body = c.req.valid('json');
      return c.json(await db.transaction((tx) => createBottleneck(tx, w, body)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/bottlenecks/{id}',
      tags,
      summary: 'Delete a bottleneck / ボトルネックの削除',
      request: { params: ZIdParam },
      responses: { 204: { description: 'Deleted' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      await db.transaction((tx) => deleteBottleneck(tx, w, id));
      return c.body(null, 204);
    },
  );
}
