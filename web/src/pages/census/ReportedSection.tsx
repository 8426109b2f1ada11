import { Section } from '../../components/Page';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { RunResults } from '../../lib/queries/census';

/**
 * Each municipality's reported figure for the 年度 (applied from a municipal survey's answer) beside the children
 * the run counts there; the gap is the lead for the feedback to the municipality (ME-3).
 */
export function ReportedSection({ reported }: { reported: NonNullable<RunResults['reported']> }) {
  const t = useT();
  const { locale } = useLocale();
  const people = (n: number) => t('common.persons', { n: formatNumber(n, locale) });
  return (
    <Section id="census-reported" title={t('census.reported.title')}>
      <p className="mb-4 max-w-3xl">{t('census.reported.intro')}</p>
      {reported.length === 0 ? (
        <p>{t('census.reported.none')}</p>
      ) : (
        <Table caption={t('census.reported.caption')}>
          <thead>
            <tr>
              <Th>{t('census.reported.municipality')}</Th>
              <Th className="text-right">{t('census.reported.linked')}</Th>
              <Th className="text-right">{t('census.reported.reported')}</Th>
              <Th className="text-right">{t('census.reported.gap')}</Th>
              <Th>{t('census.reported.sources')}</Th>
            </tr>
          </thead>
          <tbody>
            {reported.map((m) => (
              <tr key={m.municipalityCode}>
                <RowTh>{locale === 'ja' ? m.label : m.labelEn}</RowTh>
                <Td className="text-right tabular-nums">{people(m.linked)}</Td>
                <Td className="text-right tabular-nums">{people(m.reported)}</Td>
                <Td className={`text-right tabular-nums ${m.gap !== 0 ? 'font-bold' : ''}`}>
                  {`${m.gap > 0 ? '+' : ''}${formatNumber(m.gap, locale)}`}
                </Td>
                <Td>
                  {m.sources
                    .map((s) =>
                      locale === 'ja'
                        ? `${s.name} ${people(s.count)}（${formatDateTime(s.appliedAt, locale)}）`
                        : `${s.name} ${people(s.count)} (${formatDateTime(s.appliedAt, locale)})`,
                    )
                    .join(locale === 'ja' ? '、' : '; ')}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}
