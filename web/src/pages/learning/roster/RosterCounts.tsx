import { Fold } from '../../../components/Fold';
import { Section } from '../../../components/Page';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import type { Roster } from '../../../lib/queries/learning-roster';

/**
 * How many trained coordinators there are, and how many active, per region and per municipality: each table
 * folded under its number of rows (open when printed, and for a reader of five rows or fewer).
 */
export function RosterCounts({ roster }: { roster: Roster }) {
  const t = useT();
  const { locale } = useLocale();
  const tables = [
    ['byRegion', roster.byRegion],
    ['byMunicipality', roster.byMunicipality],
  ] as const;
  return (
    <>
      {tables.map(([by, counts]) => (
        <Section key={by} title={t(`roster.${by}`)} id={`roster-${by}`}>
          <Fold
            defaultOpen={counts.length <= 5}
            summary={t(`roster.${by}Show`, { n: formatNumber(counts.length, locale) })}
          >
            <Table caption={t(`roster.${by}`)} captionHidden>
              <thead>
                <tr>
                  <Th>{t('roster.countKey')}</Th>
                  <Th className="text-right">{t('roster.countTrained')}</Th>
                  <Th className="text-right">{t('roster.countActive')}</Th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.key || '-'}>
                    <RowTh>{c.name ?? t('roster.unknownPlace')}</RowTh>
                    <Td className="text-right tabular-nums">{formatNumber(c.trained, locale)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(c.active, locale)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Fold>
        </Section>
      ))}
    </>
  );
}
