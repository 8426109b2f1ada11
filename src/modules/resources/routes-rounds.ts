import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DbOrTx } from '../../db/client';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { XLSX_TYPE } from './export';
import { linkSheetRows, linksCsv, linksXlsx } from './link-sheet';
import type { IssuedLink } from './links';
import { createRound, listRounds, remindRound, roundDetail } from './rounds';
import {
  ZCreateRound,
  ZCreateRoundResponse,
  ZIssueLinksQuery,
  ZRemindersResponse,
  ZRound,
  ZRoundDetail,
  ZRoundDetailQuery,
} from './schemas-work';
import { prefectureWorker } from './support';
import type { ResourceWriter } from './write-service';

const tags = ['resources'];
const binary = z.string().openapi({ format: 'binary' });
const CSV_TYPE = 'text/csv; charset=Shift_JIS';

/** The answer of an issuing request: the links as JSON, or as a file for mail merge (`format`). */
const issuedResponses = <T extends z.ZodType>(schema: T) => ({
  200: {
    description: 'The links (shown this once): JSON, or an .xlsx / CP932 CSV attachment',
    content: {
      'application/json': { schema },
      [XLSX_TYPE]: { schema: binary },
      'text/csv': { schema: binary },
    },
  },
  ...ERROR_RESPONSES,
});

/** Where the links point: the configured external URL, else the origin the request came to. */
function linkOrigin(c: Context<AppEnv>, deps: Deps): string {
  return deps.config.publicUrl ?? new URL(c.req.url).origin;
}

/** Re-confirmation rounds (年度の確認依頼): list, detail, create, reminders. Prefecture-wide staff only. */
export function registerRoundRoutes(r: OpenAPIHono<AppEnv>, deps: Deps) {
  const db = deps.db.systemDb;

  /**
   * Issues links in one transaction and answers them in the format asked. A file's making is an export of
   * the links and is audited with them, so a file that is not recorded was never handed out.
   */
  async function issue<T extends { round: { id: string; nendo: number }; links: IssuedLink[] }>(
    c: Context<AppEnv>,
    w: ResourceWriter,
    query: z.infer<typeof ZIssueLinksQuery>,
    run: (tx: DbOrTx) => Promise<T>,
  ) {
    const { format, lang } = query;
    const origin = linkOrigin(c, deps);
    const out = await db.transaction(async (tx) => {
      const issued = await run(tx);
      if (format === 'json') return { issued, file: null };
      const rows = await linkSheetRows(tx, issued.links, origin);
      await recordAudit(tx, w, {
        action: 'export',
        entityType: 'resource_round',
        entityIds: [issued.round.id],
        detail: { event: 'links', format, links: rows.length },
      });
      const body = format === 'xlsx' ? await linksXlsx(rows, lang) : linksCsv(rows, lang);
      return { issued, file: body };
    });
    if (!out.file) return c.json(out.issued, 200);
    const stamp = isoDateInJapan(w.at).replaceAll('-', '');
    return c.body(new Uint8Array(out.file), 200, {
      'content-type': format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
      'content-disposition': `attachment; filename="resource-links-${out.issued.round.nendo}-${stamp}.${format}"`,
      'cache-control': 'no-store',
      'x-links-issued': String(out.issued.links.length),
    });
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/rounds',
      tags,
      summary: 'Re-confirmation rounds / 年度の確認依頼の一覧',
      responses: jsonOk(z.object({ items: z.array(ZRound) })),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      return c.json({ items: await listRounds(db, w.prefectureCode) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/rounds',
      tags,
      summary: 'Start the yearly re-confirmation / 年度の確認依頼を作成（全サービスのリンクを発行）',
      description:
        'Links are answered only here (and again, fresh, by reminders): as JSON, or with `format=xlsx|csv` as a file for mail merge.',
      request: { query: ZIssueLinksQuery, body: jsonBody(ZCreateRound) },
      responses: issuedResponses(ZCreateRoundResponse),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const { nendo } = c.req.valid('json');
      return issue(c, w, c.req.valid('query'), (tx) => createRound(tx, w, nendo));
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/rounds/{id}',
      tags,
      summary: 'One round: confirmed and not yet / 確認依頼の状況',
      request: { params: ZIdParam, query: ZRoundDetailQuery },
      responses: jsonOk(ZRoundDetail),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      return c.json(await roundDetail(db, w.prefectureCode, id, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/rounds/{id}/reminders',
      tags,
      summary: 'Fresh links for the services not confirmed yet / 未確認の事業所へ再送するリンク',
      description:
        'As JSON, or with `format=xlsx|csv` as a file for mail merge. Older links of those services die.',
      request: { params: ZIdParam, query: ZIssueLinksQuery },
      responses: issuedResponses(ZRemindersResponse),
    }),
    async (c) => {
      const w = prefectureWorker(c, deps);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      return issue(c, w, c.req.valid('query'), (tx) => remindRound(tx, w, id));
    },
  );
}
