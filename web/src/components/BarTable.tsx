import { useLocale, useT } from '../i18n';
import { formatNumber } from '../lib/format';
import { RowTh, Table, Td, Th } from './Table';

export type BarRow = { key: string; label: string; count: number };

/**
 * A bar chart that is a real table: screen readers read label and number, sighted users also see a
 * bar whose length is relative to the largest row. Prints as it shows (no canvas, no script).
 * `formatCount` writes the number (default: persons, "{n}人").
 */
export function BarTable({
  caption,
  labelHeader,
  countHeader,
  rows,
  formatCount,
}: {
  caption: string;
  labelHeader: string;
  countHeader: string;
  rows: BarRow[];
  formatCount?: (count: number) => string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th className="w-1/3">{labelHeader}</Th>
          <Th>{countHeader}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <RowTh>{row.label}</RowTh>
            <Td>
              <div className="flex items-center gap-3">
                <div
                  className="h-5 flex-1 rounded-4 bg-solid-gray-50 print:border print:border-black"
                  aria-hidden="true"
                >
                  <div
                    className="h-5 rounded-4 bg-key-700 print:bg-black"
                    style={{ width: `${(row.count / max) * 100}%` }}
                  />
                </div>
                <span className="w-20 shrink-0 text-right tabular-nums">
                  {formatCount
                    ? formatCount(row.count)
                    : t('common.persons', { n: formatNumber(row.count, locale) })}
                </span>
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
