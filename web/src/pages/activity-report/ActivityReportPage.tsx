import { useNavigate, useSearch } from '@tanstack/react-router';
import { readsActivityReport } from '../../../../src/modules/activity-report/policy';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatDateTime, formatNendo, formatNumber } from '../../lib/format';
import {
  type ActivityReport,
  activityReportXlsxHref,
  type ReportSectionOut,
  useActivityReport,
} from '../../lib/queries/activity-report';
import { useSession } from '../../lib/queries/auth';
import { useCentres } from '../../lib/queries/network';
import { forTrainingRoles } from '../learning/courses/Guard';
import { currentNendoInJapan } from '../municipalities/search';
import { parseReportSearch } from './search';

type Figure = ReportSectionOut['figures'][number];

function FigureValue({ f }: { f: Figure }) {
  const t = useT();
  const { locale } = useLocale();
  if (f.value === null) return <>—</>;
  if (f.format === 'percent') return <>{`${(f.value * 100).toFixed(1)}%`}</>;
  if (f.format === 'hours') return <>{t('ar.hours', { n: formatNumber(f.value, locale) })}</>;
  return <>{formatNumber(f.value, locale)}</>;
}

/** One section: what it counts, its figures, and its tables (each with a caption naming it). */
function ReportSection({ s }: { s: ReportSectionOut }) {
  const t = useT();
  const { locale } = useLocale();
  const id = `ar-${s.key}`;
  const title = s.title[locale];
  return (
    <section aria-labelledby={id} className="mb-8 break-inside-avoid print:mb-5">
      <h2
        id={id}
        className="mb-1 border-b border-solid-gray-420 pb-1 text-std-22B-150 print:text-std-18B-160"
      >
        {title}
      </h2>
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">{s.note[locale]}</p>
      {!s.available ? (
        <p role="note" className="rounded-8 bg-solid-gray-50 px-4 py-2">
          {t('ar.unavailable')}
        </p>
      ) : (
        <div className="grid items-start gap-4 md:grid-cols-2 print:grid-cols-2">
          {s.figures.length > 0 && (
            <table className="w-full border-collapse text-std-16N-170">
              <caption className="sr-only">{t('ar.figuresCaption', { section: title })}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">{t('ar.figure')}</th>
                  <th scope="col">{t('ar.value')}</th>
                </tr>
              </thead>
              <tbody>
                {s.figures.map((f) => (
                  <tr key={f.key} className="border-b border-solid-gray-200">
                    <th scope="row" className="py-1 pr-4 text-left font-normal">
                      {f.label[locale]}
                    </th>
                    <td className="py-1 text-right tabular-nums font-bold">
                      <FigureValue f={f} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {s.tables.map((tb) => (
            <table key={tb.key} className="w-full border-collapse text-std-16N-170">
              <caption className="mb-1 text-left text-std-16B-170">{tb.title[locale]}</caption>
              <thead>
                <tr className="border-b border-solid-gray-420">
                  <th scope="col" className="py-1 pr-4 text-left">
                    {t('ar.key')}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t('ar.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tb.rows.length === 0 ? (
                  <tr>
                    <td colSpan={2} className="py-1 text-solid-gray-700">
                      {t('ar.noRows')}
                    </td>
                  </tr>
                ) : (
                  tb.rows.map((r) => (
                    <tr key={r.key} className="border-b border-solid-gray-200">
                      <th scope="row" className="py-1 pr-4 text-left font-normal">
                        {r.label[locale]}
                      </th>
                      <td className="py-1 text-right tabular-nums">{formatNumber(r.count, locale)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </section>
  );
}

/** The document's heading line: the prefecture (and branch or region) and the 年度 in 和暦 and 西暦. */
function areaName(r: ActivityReport, locale: 'ja' | 'en'): string {
  const pref = locale === 'en' ? r.prefecture.nameEn : r.prefecture.name;
  const area = locale === 'en' ? (r.area.nameEn ?? r.area.name) : r.area.name;
  return area ? `${pref} ${area}` : pref;
}

function ReportDocument({ report }: { report: ActivityReport }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <article aria-labelledby="ar-document" className="print:text-black">
      <header className="mb-6 border-b-2 border-solid-gray-900 pb-3">
        <p id="ar-document" className="text-std-24B-150">
          {locale === 'ja'
            ? t('ar.documentTitle', { nendo: report.label.wareki, seireki: report.label.seireki })
            : t('ar.documentTitle', {
                nendo: report.label.en,
                seireki: formatNendo(report.fiscalYear, 'en').match(/\((.*)\)/)?.[1] ?? report.label.seireki,
              })}
        </p>
        <p className="text-std-20B-150">{areaName(report, locale)}</p>
        <p className="text-dns-14N-130 text-solid-gray-700">
          {t('ar.period', {
            start: formatDate(report.range.start, locale),
            end: formatDate(report.range.end, locale),
          })}{' '}
          {t('ar.generated', { at: formatDateTime(report.generatedAt, locale) })}
        </p>
      </header>
      {report.sections.map((s) => (
        <ReportSection key={s.key} s={s} />
      ))}
    </article>
  );
}

function ActivityReportScreen() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const search = parseReportSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const thisNendo = currentNendoInJapan();
  const fiscalYear = search.fiscalYear ?? thisNendo;
  const session = useSession().data;
  const wholePrefecture =
    session?.user?.scopeKind === 'prefecture' && session.user.role !== 'regional_coordinator';
  const centres = useCentres();
  const branches = wholePrefecture ? (centres.data ?? []).filter((c) => c.kind === 'branch') : [];
  const query = useActivityReport(fiscalYear, search.centreId);
  const years = Array.from({ length: 5 }, (_, i) => thisNendo - i);
  const go = (next: { fiscalYear?: number; centreId?: string }) =>
    void navigate({ to: '/activity-report', search: { fiscalYear, centreId: search.centreId, ...next } });
  return (
    <Page title={t('ar.title')} intro={<span className="print:hidden">{t('ar.intro')}</span>}>
      <div className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <SelectField
          label={t('ar.fiscalYear')}
          value={String(fiscalYear)}
          onChange={(v) => go({ fiscalYear: Number(v) })}
          options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
          wrapperClassName="w-56"
        />
        {branches.length > 0 && (
          <SelectField
            label={t('ar.area')}
            value={search.centreId ?? ''}
            onChange={(v) => go({ centreId: v || undefined })}
            options={[
              { value: '', label: t('ar.wholePrefecture') },
              ...branches.map((b) => ({ value: b.id, label: b.name })),
            ]}
            wrapperClassName="w-64"
          />
        )}
        <button type="button" className={buttonClass('primary')} onClick={() => window.print()}>
          {t('ar.print')}
        </button>
        <a
          href={activityReportXlsxHref(fiscalYear, search.centreId, 'ja')}
          download
          className={buttonClass('secondary')}
        >
          {t('ar.downloadJa')}
        </a>
        <a
          href={activityReportXlsxHref(fiscalYear, search.centreId, 'en')}
          download
          className={buttonClass('secondary')}
        >
          {t('ar.downloadEn')}
        </a>
      </div>
      <QueryState query={query}>{(report) => <ReportDocument report={report} />}</QueryState>
    </Page>
  );
}

export const ActivityReportPage = forTrainingRoles(readsActivityReport, ActivityReportScreen);
