import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { moduleRouter } from '../../server/openapi';
import { xlsxAnswer, xlsxOk } from '../../server/xlsx-response';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { censusListScope, censusListWriter } from './policy';
import { ZNendoQuery } from './schemas';
import { commonSheetXlsx, rejectedRowsXlsx } from './sheets-xlsx';
import { readUpload, ZUploadForm } from './upload';
import { readFile, sourceOf } from './upload-source';

const tags = ['census'];

/**
 * The census upload's workbooks (sheets-xlsx.ts): the common sheet any source may fill in, and a file's rejected
 * rows with their reasons. Whoever may upload lists — the centre, or a municipality's staff for their own
 * municipality — gets them; everyone else 404.
 */
export function sheetRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/template.xlsx',
      tags,
      summary: 'The common sheet / 共通様式（xlsx）',
      request: { query: ZNendoQuery },
      responses: xlsxOk('The common sheet (attachment)'),
    }),
    async (c) => {
      const scope = censusListScope(requireActor(c));
      const { nendo } = c.req.valid('query');
      return xlsxAnswer(c, await commonSheetXlsx(scope.prefectureCode, nendo), `census-sheet-${nendo}.xlsx`);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/imports/rejected',
      tags,
      summary: 'Rows of a file that cannot be imported, with reasons / 取り込まない行と理由（xlsx）',
      description:
        'Reads the file as the preview does (nothing is stored) and answers its rows with errors, each with ' +
        'the reasons, in the reader’s language. A file that cannot be read at all answers 400.',
      request: { body: { content: { 'multipart/form-data': { schema: ZUploadForm } }, required: true } },
      responses: xlsxOk('The rejected rows (attachment)'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const scope = censusListWriter(actor);
      const upload = await readUpload(c.req.valid('form'));
      const source = await sourceOf(deps, scope, upload);
      const { list } = await readFile(source, upload, scope);
      const whole = list.issues.find((i) => i.severity === 'error' && i.row === 0);
      if (whole) {
        throw new AppError('census_file_unreadable', {
          issues: [{ path: 'file', message: whole.en, ja: whole.ja, en: whole.en }],
        });
      }
      const file = await rejectedRowsXlsx(list, list.rejectedRows, actor.locale);
      // The rows are personal data leaving the product: recorded before the file is sent.
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'export',
          entityType: 'census_file',
          entityIds: [source.id],
          detail: {
            purpose: 'rejected_rows',
            fileName: upload.fileName,
            sha256: upload.sha256,
            nendo: upload.nendo,
            rows: list.rejectedRows.length,
          },
        },
      );
      return xlsxAnswer(c, file, `census-rejected-${upload.nendo}.xlsx`);
    },
  );

  return r;
}
