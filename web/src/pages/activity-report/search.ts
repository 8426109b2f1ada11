/** The 年度 and branch in the report's address (absent: this 年度, the reader's own area). Pure. */
export function parseReportSearch(raw: Record<string, unknown>): { fiscalYear?: number; centreId?: string } {
  const n = Number(raw.fiscalYear);
  const out: { fiscalYear?: number; centreId?: string } = {};
  if (Number.isInteger(n) && n >= 2000 && n <= 2100) out.fiscalYear = n;
  if (typeof raw.centreId === 'string' && /^[0-9a-f-]{36}$/i.test(raw.centreId)) out.centreId = raw.centreId;
  return out;
}
