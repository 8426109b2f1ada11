import type { jaActivityReport } from '../ja/activity-report';

/** English strings: the yearly activity report (see ../en.ts). */
export const enActivityReport: Record<keyof typeof jaActivityReport, string> = {
  'nav.activityReport': 'Yearly activity report',
  'ar.title': 'Yearly activity report',
  'ar.intro':
    "The fiscal year's activity, from consultations, trainings, engagements with municipalities, councils, regional issues, the census, the registry and the resource directory. Print it or download it as Excel to send to the prefecture and present to the council.",
  'ar.documentTitle': 'Yearly activity report {nendo} ({seireki})',
  'ar.fiscalYear': 'Fiscal year',
  'ar.area': 'Area',
  'ar.wholePrefecture': 'Whole prefecture',
  'ar.print': 'Print',
  'ar.downloadJa': 'Excel (Japanese)',
  'ar.downloadEn': 'Excel (English)',
  'ar.period': 'Period: {start} – {end}',
  'ar.generated': 'Generated: {at}',
  'ar.figuresCaption': 'Main figures: {section}',
  'ar.figure': 'Figure',
  'ar.value': 'Value',
  'ar.key': 'Key',
  'ar.count': 'Count',
  'ar.noRows': 'None',
  'ar.unavailable': 'You do not have access to this section.',
  'ar.hours': '{n} h',
};
