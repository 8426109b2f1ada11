/**
 * An .xlsx download: its OpenAPI answer and the response itself (no caching — a workbook holds what the reader
 * may see now; the file name in ASCII, the workbook's language in its content).
 */
import { Buffer } from 'node:buffer';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ERROR_RESPONSES } from './openapi';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI responses of a route answering an .xlsx file. */
export function xlsxOk(description = 'The workbook') {
  return {
    200: { description, content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...ERROR_RESPONSES,
  };
}

/** Answers `workbook` as a download named `fileName` (ASCII, e.g. `municipalities-2026.xlsx`). */
export function xlsxAnswer(c: Context, workbook: Buffer | ArrayBuffer, fileName: string) {
  return c.body(new Uint8Array(Buffer.from(workbook as ArrayBuffer)), 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
}
