import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, type JsonValue, jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { checkpointKey } from './checkpoint';
import { auditCsv, auditXlsx, EXPORT_MAX_ROWS } from './export';
import { auditObjects } from './objects';
import { auditPrefectureOf } from './policy';
import { auditActors, countAuditEntries, listAuditEntries } from './queries';
import { recordAudit } from './record';
import {
  type AuditFilter,
  ZAuditActorsResponse,
  ZExportAuditRequest,
  ZListAuditRequest,
  ZListAuditResponse,
  ZVerifyAuditResponse,
} from './schemas';
import { logCheckpoint } from './sealer';
import { verifyAuditChain } from './verify';

const tags = ['audit'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = z.string().openapi({ format: 'binary' });

/** Only the filters the user set, for the export's own audit entry. */
function filtersOf(q: AuditFilter): AuditFilter {
  const { from, to, actor, action, entityType, entityId } = q;
  return Object.fromEntries(
    Object.entries({ from, to, actor, action, entityType, entityId }).filter(([, v]) => v !== undefined),
  );
}

/** GET /api/audit (search), /api/audit/export (xlsx or CSV download), /api/audit/verify (chain check). */
export function auditRoutes(deps: Deps) {
  const r = moduleRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '監査ログの検索 / Search the audit log of your prefecture',
      request: { query: ZListAuditRequest },
      responses: jsonOk(ZListAuditResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      auditPrefectureOf(actor);
      const { page, pageSize, ...filter } = c.req.valid('query');
      const db = deps.db.systemDb;
      const [total, items] = await Promise.all([
        countAuditEntries(db, actor, filter),
        listAuditEntries(db, actor, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
      ]);
      // detail is jsonb: whatever it holds is a JSON value.
      const present = (e: (typeof items)[number]) => ({
        ...e,
        at: e.at.toISOString(),
        detail: e.detail as Record<string, JsonValue>,
      });
      const objects = await auditObjects(db, actor, items);
      return c.json({ items: items.map(present), total, objects }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/actors',
      tags,
      summary:
        '監査ログの利用者の選択肢 / The users of your prefecture, to filter the audit log by who acted',
      responses: jsonOk(ZAuditActorsResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json({ items: await auditActors(deps.db.systemDb, actor) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags,
      summary: '監査ログの出力（xlsx / CSV） / Download the audit log as xlsx or CSV',
      request: { query: ZExportAuditRequest },
      responses: {
        200: {
          description: 'The file (attachment)',
          content: { [XLSX_TYPE]: { schema: binary }, 'text/csv': { schema: binary } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      auditPrefectureOf(actor);
      const { format, encoding, ...query } = c.req.valid('query');
      const filter = filtersOf(query);
      // The read and its own audit entry commit together: an export that is not recorded did not happen.
      const entries = await deps.db.systemDb.transaction(async (tx) => {
        const total = await countAuditEntries(tx, actor, filter);
        if (total > EXPORT_MAX_ROWS) {
          throw new AppError('validation_failed', {
            issues: [
              {
                path: '(query)',
                message: `該当が ${total.toLocaleString('ja-JP')} 件あり、上限の ${EXPORT_MAX_ROWS.toLocaleString('ja-JP')} 件を超えています。期間などで絞り込んでください / ${total} entries match, more than the limit of ${EXPORT_MAX_ROWS}: narrow the filter (e.g. the dates)`,
              },
            ],
            detail: { total, limit: EXPORT_MAX_ROWS },
          });
        }
        const rows = await listAuditEntries(tx, actor, filter, { limit: EXPORT_MAX_ROWS, offset: 0 });
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'export',
            entityType: 'audit_log',
            entityIds: [],
            detail: { filters: filter, format, ...(format === 'csv' ? { encoding } : {}), rows: rows.length },
          },
        );
        return rows;
      });
      const stamp = isoDateInJapan(deps.now()).replaceAll('-', '');
      const file =
        format === 'xlsx'
          ? { body: await auditXlsx(entries), type: XLSX_TYPE }
          : {
              body: auditCsv(entries, encoding),
              type: `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'Shift_JIS'}`,
            };
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.type,
        'content-disposition': `attachment; filename="audit-${stamp}.${format}"`,
        'cache-control': 'no-store',
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/verify',
      tags,
      summary:
        '監査ログの改ざん検査（ハッシュチェーンと署名付きチェックポイント） / Verify the audit hash chain and its signed checkpoints',
      responses: jsonOk(ZVerifyAuditResponse),
    }),
    async (c) => {
      auditPrefectureOf(requireActor(c));
      // The chain is one sequence across prefectures: a break anywhere concerns every tenant's auditors.
      const result = await verifyAuditChain(deps.db.systemDb, {
        checkpoints: {
          key: checkpointKey(deps.config.secret),
          now: deps.now(),
          intervalMs: deps.config.auditCheckpointMs,
          record: (cp) => logCheckpoint(deps.log, cp),
        },
      });
      return c.json(result, 200);
    },
  );

  return r;
}
