import { useQuery } from '@tanstack/react-query';
import type { ActivityReportOut } from '../../../../src/modules/activity-report/schemas';
import { api, withQuery } from '../api';

/** The yearly activity report (docs/municipal-support.md §6). Types are the server's Zod contract. */
export type ActivityReport = ActivityReportOut;
export type ReportSectionOut = ActivityReport['sections'][number];

const BASE = '/api/activity-report';

export function useActivityReport(fiscalYear: number, centreId: string | undefined) {
  return useQuery({
    queryKey: ['activity-report', fiscalYear, centreId ?? 'area'],
    queryFn: ({ signal }) => api.get<ActivityReport>(BASE, { fiscalYear, centreId }, signal),
  });
}

/** The workbook of the report in one language. */
export function activityReportXlsxHref(fiscalYear: number, centreId: string | undefined, lang: 'ja' | 'en') {
  return withQuery(BASE, { fiscalYear, centreId, format: 'xlsx', lang });
}
