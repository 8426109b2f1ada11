import { PassThrough, Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { EXPORT_MAX_CHILDREN, exportChildIds, exportChildRows, writeChildrenXlsx } from './export';
import { ZChildFilter } from './schemas';
import { filterForAudit } from './search';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The list's filters, plus the file format and the language of headings and labels. */
export const ZExportChildrenQuery = ZChildFilter.extend({
  format: z.enum(['xlsx']).default('xlsx'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

/**
 * GET /api/children/export: the visible list as .xlsx, every row matching the filters (no paging, at most
 * EXPORT_MAX_CHILDREN). The audit entry, with every exported id, is written before the body starts.
 */
export function registryExportRoutes(deps: Deps) {
  const r = moduleRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['registry'],
      summary: '一覧の出力（xlsx） / Download the list of children as xlsx',
      request: { query: ZExportChildrenQuery },
      responses: {
        200: {
          description: 'The file (attachment)',
          content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { format, lang, ...filter } = c.req.valid('query');
      const db = deps.db.systemDb;
      const today = isoDateInJapan(deps.now());
      const ids = await exportChildIds(db, actor, filter, today, EXPORT_MAX_CHILDREN + 1);
      if (ids.length > EXPORT_MAX_CHILDREN) {
        throw new AppError('export_too_large', { detail: { limit: EXPORT_MAX_CHILDREN } });
      }
      // An export that is not recorded did not happen: the entry is committed before any row is sent.
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'export',
          entityType: 'child',
          entityIds: ids,
          detail: { filters: filterForAudit(filter), count: ids.length, format, lang },
        },
      );
      const out = new PassThrough();
      const log = c.get('log');
      writeChildrenXlsx(out, exportChildRows(db, actor, ids), { lang, today }).catch((err: unknown) => {
        log.error({ err }, 'children export failed while streaming');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      const stamp = today.replaceAll('-', '');
      return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="children-${stamp}.${format}"`,
        'cache-control': 'no-store',
      });
    },
  );
  return r;
}
