import { reportDocument } from './document';
import type { ActivityReport } from './report';
import type { ActivityReportOut } from './schemas';

/** The report as the API sends it: the title's facts and the document's sections. */
export function reportOut(r: ActivityReport): ActivityReportOut {
  const a = r.area;
  return {
    fiscalYear: r.nendo,
    label: { wareki: r.label, seireki: r.labelSeireki, en: r.labelEn },
    range: r.range,
    prefecture: r.prefecture,
    area:
      a.kind === 'prefecture'
        ? { kind: 'prefecture', id: null, name: null, nameEn: null }
        : a.kind === 'branch'
          ? { kind: 'branch', id: a.centreId, name: a.name, nameEn: null }
          : { kind: 'region', id: a.regionId, name: a.name, nameEn: a.nameEn },
    generatedAt: r.generatedAt,
    sections: reportDocument(r),
  };
}

/** The report's title in one language: prefecture (and branch or region), 年度 in 和暦 and 西暦. */
export function reportTitle(r: ActivityReportOut, lang: 'ja' | 'en'): string {
  const area = r.area.name ? (lang === 'en' ? (r.area.nameEn ?? r.area.name) : r.area.name) : null;
  if (lang === 'en') {
    const where = area ? `${r.prefecture.nameEn}, ${area}` : r.prefecture.nameEn;
    return `Yearly activity report ${r.label.en} — ${where}`;
  }
  const where = area ? `${r.prefecture.name} ${area}` : r.prefecture.name;
  return `${r.label.wareki}（${r.label.seireki}）事業実績報告 ${where}`;
}
