import { useNavigate, useSearch } from '@tanstack/react-router';
import { currentNendo } from '../../../../src/shared/nendo';
import { type BarRow, BarTable } from '../../components/BarTable';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNendo, formatNumber } from '../../lib/format';
import { figuresExportHref, useConsultationFigures } from '../../lib/queries/consultations';
import { readsConsultations } from './access';
import { forConsultationRoles } from './Guard';
import { askerLabel, tierLabel, topicLabel } from './labels';
import type { FiguresSearch } from './search';

/** Figures by 年度 (KU-3, KU-7): counts by tier, asker, topic, municipality, month; hand-off times; the share. */
function Figures() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ strict: false }) as FiguresSearch;
  const navigate = useNavigate();
  const thisYear = currentNendo(new Date());
  const nendo = search.nendo ?? thisYear;
  const query = useConsultationFigures(nendo);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <Page title={t('consult.figures.title')} intro={t('consult.figures.intro')}>
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <SelectField
          label={t('consult.figures.nendo')}
          value={String(nendo)}
          onChange={(v) =>
            void navigate({ to: '/consultations/figures', search: { nendo: Number(v) } as never })
          }
          options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
        />
        <a href={figuresExportHref(nendo, locale)} download className={`${buttonClass('secondary')} mb-5`}>
          {t('consult.figures.download')}
        </a>
      </div>
      <QueryState query={query}>
        {(f) => (
          <>
            <p className="mb-6 text-std-17B-170">
              {t('consult.figures.total', {
                nendo: formatNendo(f.nendo, locale),
                n: formatNumber(f.total, locale),
              })}
            </p>
            {/* Two columns on a wide screen, each table kept whole; one column when printed. */}
            <div className="gap-x-6 lg:columns-2 print:columns-1">
              {(
                [
                  ['byFirstTier', f.byFirstTier.map((c) => ({ ...c, label: tierLabel(t, c.key) }))],
                  ['byResolvedTier', f.byResolvedTier.map((c) => ({ ...c, label: tierLabel(t, c.key) }))],
                  ['byAsker', f.byAskerKind.map((c) => ({ ...c, label: askerLabel(t, c.key) }))],
                  ['byTopic', f.byTopic.map((c) => ({ ...c, label: topicLabel(t, c.key) }))],
                  ['byMunicipality', f.byMunicipality.map((c) => ({ ...c, label: c.name ?? c.key }))],
                  [
                    'byMonth',
                    f.byMonth.map((c) => ({
                      ...c,
                      label: t('consult.figures.month', { m: Number(c.key.slice(-2)) || c.key }),
                    })),
                  ],
                ] as const satisfies readonly (readonly [string, BarRow[]])[]
              ).map(([by, rows]) => (
                <div key={by} className="break-inside-avoid">
                  <BarTable
                    caption={t(`consult.figures.${by}`)}
                    labelHeader={t('consult.figures.key')}
                    countHeader={t('consult.figures.count')}
                    rows={rows}
                    formatCount={(n) => t('consult.figures.countN', { n: formatNumber(n, locale) })}
                  />
                </div>
              ))}
            </div>
            <Section title={t('consult.figures.firstContact')} id="figures-first-contact">
              <p>
                {t('consult.figures.firstContactText', {
                  n: formatNumber(f.firstContact.publicRequests, locale),
                  region: formatNumber(f.firstContact.routedToRegion, locale),
                  centre: formatNumber(f.firstContact.routedToCentre, locale),
                  escalated: formatNumber(f.firstContact.escalated, locale),
                })}
              </p>
            </Section>
            <Section title={t('consult.figures.handoff')} id="figures-handoff">
              <p>
                {t('consult.figures.handoffText', {
                  n: f.handoffHours.count,
                  median: f.handoffHours.median ?? '—',
                  p90: f.handoffHours.p90 ?? '—',
                })}
              </p>
            </Section>
            <Section title={t('consult.figures.share')} id="figures-share">
              <Table caption={t('consult.figures.shareCaption')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('consult.figures.nendo')}</Th>
                    <Th className="text-right">{t('consult.figures.shareMunicipal')}</Th>
                    <Th className="text-right">{t('consult.figures.shareTotal')}</Th>
                    <Th>{t('consult.figures.shareRatio')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {f.municipalFirstContactShare.map((y) => (
                    <tr key={y.nendo}>
                      <RowTh>{formatNendo(y.nendo, locale)}</RowTh>
                      <Td className="text-right tabular-nums">{formatNumber(y.municipal, locale)}</Td>
                      <Td className="text-right tabular-nums">{formatNumber(y.total, locale)}</Td>
                      <Td>
                        <div className="flex items-center gap-3">
                          <div className="h-5 flex-1 rounded-4 bg-solid-gray-50" aria-hidden="true">
                            <div
                              className="h-5 rounded-4 bg-key-700"
                              style={{ width: `${(y.share ?? 0) * 100}%` }}
                            />
                          </div>
                          <span className="w-16 shrink-0 text-right tabular-nums">
                            {y.share === null ? '—' : `${Math.round(y.share * 100)}%`}
                          </span>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

export const FiguresPage = forConsultationRoles(readsConsultations, Figures);
