import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, moduleRouter } from '../../server/openapi';
import { XLSX_TYPE, xlsxAnswer } from '../../server/xlsx-response';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { reportOut } from './out';
import { activityReport } from './report';
import { ZActivityReport, ZReportQuery } from './schemas';
import { reportSubject } from './scope';
import { reportXlsx } from './xlsx';

/** The yearly activity report of one 年度 (docs/municipal-support.md §6), on screen or as .xlsx. */
export function activityReportRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['activity-report'],
      summary: 'The yearly activity report of one 年度 / 事業実績報告',
      request: { query: ZReportQuery },
      responses: {
        200: {
          description: 'The report, or its workbook with format=xlsx',
          content: {
            'application/json': { schema: ZActivityReport },
            [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const now = deps.now();
      const subject = await reportSubject(db, actor, q.centreId);
      // Sections one after another on the pool (report.ts); nothing here holds a transaction open.
      const report = reportOut(await activityReport(db, subject, actor, q.fiscalYear, now));
      const detail = { nendo: q.fiscalYear, area: subject.area.kind, centreId: q.centreId ?? null };
      if (q.format === 'xlsx') {
        // An export that is not recorded did not happen: the entry is written before the file is sent.
        await recordAudit(
          db,
          { actor, meta: c.get('meta'), at: now },
          {
            action: 'export',
            entityType: 'activity_report',
            entityIds: [],
            detail: { ...detail, lang: q.lang },
          },
        );
        const body = await reportXlsx(report, q.lang);
        return xlsxAnswer(c, body, `activity-report-${q.fiscalYear}.xlsx`);
      }
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        { action: 'read', entityType: 'activity_report', entityIds: [], detail },
      );
      return c.json(report, 200);
    },
  );
  return r;
}
