import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { mapConstraintErrors, pgErrorCode } from '../../server/constraint-errors';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, isUuid, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { discardFileParts } from './file-parts';
import {
  censusRowView,
  createImport,
  findImport,
  findSameFile,
  type ImportSummary,
  listImportJobIds,
  listImports,
  retryImport,
} from './imports';
import { findCensusJob, jobView } from './jobs-view';
import { censusListScope, censusListWriter, censusWriter } from './policy';
import { normaliseHeader } from './read/headers';
import { rawKeys } from './read/parse';
import {
  ZCreateImportResponse,
  ZCreateSource,
  ZImportDetail,
  ZImportPreview,
  ZImportSummary,
  ZJob,
  ZNendoQuery,
  ZSource,
  ZUpdateSourceMapping,
} from './schemas';
import { createSource, listSources, saveSourceMapping, updateSourceMapping } from './sources';
import { storeUpload } from './stored-file';
import {
  assertImportable,
  type CheckedList,
  mergedMapping,
  readUpload,
  type UploadOptions,
  ZCreateImportForm,
  ZUploadForm,
} from './upload';
import { readFile, sourceOf } from './upload-source';

const tags = ['census'];
/** Rows shown in a preview. */
const PREVIEW_ROWS = 20;
/** Sample values per column in a preview. */
const SAMPLES = 3;

const formBody = <T extends z.ZodType>(schema: T) =>
  ({ content: { 'multipart/form-data': { schema } }, required: true }) as const;

const who = (c: Context<AppEnv>, deps: Deps, actor: Actor) => ({
  actor,
  meta: c.get('meta'),
  at: deps.now(),
});

/** Columns of the preview: header, mapping key, recognised field and the first non-empty values. */
function previewColumns(list: CheckedList) {
  const keys = rawKeys(list.columns.map((c) => c.header));
  return list.columns.map((col, i) => {
    const samples: string[] = [];
    for (const r of list.records) {
      const v = (r.raw[keys[i]!] ?? '').trim();
      if (v !== '') samples.push(v);
      if (samples.length === SAMPLES) break;
    }
    return { header: col.header, key: normaliseHeader(col.header), field: col.field, samples };
  });
}

/**
 * Census sources and imports (実態把握): centre administrators and staff with a whole-prefecture scope write,
 * auditors read (403 on writes); municipal staff upload and follow their own municipality's lists only (sources
 * of other municipalities 404, rows of other municipalities rejected); everyone else gets 404 (policy.ts). Uploads are parsed at once for the preview
 * and refused with their blocking errors; an accepted upload is stored with a queued 'census.import' job
 * (import-job.ts) that writes its records. Reads of issues and uploads are audited.
 */
export function importRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sources',
      tags,
      summary: 'Census sources / 実態把握の名簿の提供元',
      responses: jsonOk(z.object({ items: z.array(ZSource) })),
    }),
    async (c) => {
      const scope = censusListScope(requireActor(c));
      return c.json({ items: await listSources(db, scope.prefectureCode, scope.municipalityCodes) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sources',
      tags,
      summary: 'Add a source / 提供元の登録',
      request: { body: jsonBody(ZCreateSource) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZSource } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const prefectureCode = censusWriter(actor);
      const body = c.req.valid('json');
      const source = await mapConstraintErrors(() =>
        db.transaction((tx) => createSource(tx, who(c, deps, actor), prefectureCode, body)),
      );
      return c.json(source, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/sources/{id}',
      tags,
      summary: "Save a source's column mapping / 提供元の列の対応付けを保存",
      request: { params: ZIdParam, body: jsonBody(ZUpdateSourceMapping) },
      responses: jsonOk(ZSource),
    }),
    async (c) => {
      const actor = requireActor(c);
      const prefectureCode = censusWriter(actor);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const body = c.req.valid('json');
      const source = await db.transaction((tx) =>
        updateSourceMapping(tx, who(c, deps, actor), prefectureCode, id, body),
      );
      return c.json(source, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/imports/preview',
      tags,
      summary: 'Read a list without storing it / 名簿の読み取り結果（保存しない）',
      request: { body: formBody(ZUploadForm) },
      responses: jsonOk(ZImportPreview),
    }),
    async (c) => {
      const actor = requireActor(c);
      const scope = censusListWriter(actor);
      const prefectureCode = scope.prefectureCode;
      const upload = await readUpload(c.req.valid('form'));
      const source = await sourceOf(deps, scope, upload);
      const { list } = await readFile(source, upload, scope);
      const same = await findSameFile(db, {
        prefectureCode,
        nendo: upload.nendo,
        sourceId: source.id,
        sha256: upload.sha256,
      });
      const rows = list.records.slice(0, PREVIEW_ROWS);
      await recordAudit(db, who(c, deps, actor), {
        action: 'read',
        entityType: 'census_file',
        entityIds: [source.id],
        detail: {
          purpose: 'preview',
          fileName: upload.fileName,
          sha256: upload.sha256,
          nendo: upload.nendo,
          rows: list.records.length,
          shown: rows.length,
        },
      });
      return c.json(
        {
          fileName: upload.fileName,
          encoding: list.encoding,
          sha256: upload.sha256,
          columns: previewColumns(list),
          rows: rows.map(censusRowView),
          rowCount: list.records.length,
          issues: list.issues,
          errorCount: list.errorCount,
          warningCount: list.warningCount,
          canImport: list.canImport,
          rejectedRowCount: list.rejectedRows.length,
          goodRowCount: list.records.length - list.rejectedRows.length,
          canImportGoodRows: list.canImportGoodRows,
          duplicateOf: same?.id ?? null,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      tags,
      summary: 'Import a list (background job) / 名簿の取り込み（バックグラウンド処理）',
      description:
        'Answers 202 with the queued import, or 200 with `created: false` when the same file was imported ' +
        'for the source and 年度 before. A file with blocking errors is refused (400) with them as issues.',
      request: { body: formBody(ZCreateImportForm) },
      responses: {
        200: {
          description: 'The same file was imported before',
          content: { 'application/json': { schema: ZCreateImportResponse } },
        },
        202: { description: 'Queued', content: { 'application/json': { schema: ZCreateImportResponse } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const scope = censusListWriter(actor);
      const prefectureCode = scope.prefectureCode;
      const form = c.req.valid('form');
      const upload = await readUpload(form);
      const source = await sourceOf(deps, scope, upload);
      const key = { prefectureCode, nendo: upload.nendo, sourceId: source.id, sha256: upload.sha256 };
      const same = await findSameFile(db, key);
      if (same && same.status !== 'failed') {
        if (form.saveMapping === 'true') {
          const mapping = mergedMapping(source.mapping, upload.mapping);
          await db.transaction((tx) => saveSourceMapping(tx, who(c, deps, actor), source, mapping));
        }
        return c.json(await existing(same.id), 200);
      }

      const { mapping, list } = await readFile(source, upload, scope);
      const options: UploadOptions = {
        ...(form.goodRowsOnly === 'true' && !list.canImport ? { goodRowsOnly: true } : {}),
        ...(scope.municipalityCodes ? { municipalityCodes: scope.municipalityCodes } : {}),
      };
      assertImportable(list, options);
      // The bytes are written in parts before the transaction (file-parts.ts); the import names them there.
      const stored = {
        prefectureCode,
        nendo: upload.nendo,
        sourceId: source.id,
        fileName: upload.fileName,
        sha256: upload.sha256,
        file: await storeUpload(deps.db, prefectureCode, upload.content),
        encoding: list.encoding,
        mapping,
        options,
        createdBy: actor.userId,
      };
      let importId: string;
      try {
        importId = await db.transaction(async (tx) => {
          let id: string;
          if (same) {
            await retryImport(tx, same.id, stored);
            id = same.id;
          } else {
            id = (await createImport(tx, stored)).id;
          }
          if (form.saveMapping === 'true') await saveSourceMapping(tx, who(c, deps, actor), source, mapping);
          await recordAudit(tx, who(c, deps, actor), {
            action: 'create',
            entityType: 'census_import',
            entityIds: [id],
            detail: {
              event: same ? 'retried' : 'uploaded',
              sourceId: source.id,
              nendo: upload.nendo,
              fileName: upload.fileName,
              sha256: upload.sha256,
              rows: list.records.length - (options.goodRowsOnly ? list.rejectedRows.length : 0),
              warnings: list.warningCount,
              ...(options.goodRowsOnly ? { rejectedRows: list.rejectedRows.length } : {}),
            },
          });
          return id;
        });
      } catch (err) {
        await discardFileParts(db, stored.file.fileId).catch(() => undefined);
        // Two uploads of one file at once: the unique index keeps one; the other answers with it.
        const raced = pgErrorCode(err) === '23505' ? await findSameFile(db, key) : undefined;
        if (!raced) throw err;
        return c.json(await existing(raced.id), 200);
      }
      deps.jobs.kick();
      const summary = await findImport(db, prefectureCode, importId);
      return c.json({ import: summaryOnly(summary!), created: !same }, 202);

      async function existing(id: string) {
        const found = await findImport(db, prefectureCode, id);
        return { import: summaryOnly(found!), created: false };
      }
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/imports',
      tags,
      summary: 'Imports of a 年度 / 年度の取り込み一覧',
      request: { query: ZNendoQuery },
      responses: jsonOk(z.object({ items: z.array(ZImportSummary) })),
    }),
    async (c) => {
      const scope = censusListScope(requireActor(c));
      const nendo = c.req.valid('query').nendo;
      return c.json(
        { items: await listImports(db, scope.prefectureCode, nendo, scope.municipalityCodes) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{id}',
      tags,
      summary: 'One import with its row issues / 取り込みと行ごとの指摘',
      request: { params: ZIdParam },
      responses: jsonOk(ZImportDetail),
    }),
    async (c) => {
      const actor = requireActor(c);
      const scope = censusListScope(actor);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const detail = await findImport(db, scope.prefectureCode, id, scope.municipalityCodes);
      if (!detail) throw new AppError('not_found');
      await recordAudit(db, who(c, deps, actor), {
        action: 'read',
        entityType: 'census_import',
        entityIds: [detail.id],
        detail: { issues: detail.issues.length },
      });
      return c.json(detail, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}',
      tags,
      summary: 'A background job of the census / 実態把握のバックグラウンド処理の状況',
      request: { params: ZIdParam },
      responses: jsonOk(ZJob),
    }),
    async (c) => {
      const scope = censusListScope(requireActor(c));
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const job = await findCensusJob(db, scope.prefectureCode, id);
      // A municipality's staff follow the jobs of their own imports only.
      const own =
        job && scope.municipalityCodes
          ? (await listImportJobIds(db, scope.prefectureCode, id, scope.municipalityCodes)).length > 0
          : !!job;
      if (!job || !own) throw new AppError('not_found');
      return c.json(jobView(job), 200);
    },
  );

  return r;
}

/** The summary part of a detail (the create answer carries no issues). */
function summaryOnly(d: ImportSummary & { issues?: unknown }): ImportSummary {
  const { issues: _issues, ...summary } = d;
  return summary;
}
