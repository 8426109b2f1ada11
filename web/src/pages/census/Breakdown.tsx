import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { RunResults } from '../../lib/queries/census';

type CountBreakdown = RunResults['breakdown'];

const excludedOf = (b: CountBreakdown) =>
  b.excluded.deceased + b.excluded.movedOut + b.excluded.adultServices;

/**
 * How a run's records became the children counted, step by step (the same figures on the run list and the
 * results page): list and registry records, the same children joined, who is left out and why, the children.
 */
export function BreakdownSteps({ breakdown: b }: { breakdown: CountBreakdown }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const excluded = excludedOf(b);
  return (
    <ol className="list-decimal space-y-1 pl-6 text-std-16N-170">
      <li>
        {t('census.breakdown.records', {
          list: n(b.listRecords),
          registry: n(b.registryRecords),
          records: n(b.records),
        })}
      </li>
      <li>{t('census.breakdown.merged', { merged: n(b.merged), people: n(b.people) })}</li>
      <li>
        {excluded === 0
          ? t('census.breakdown.noneExcluded')
          : t('census.breakdown.excluded', {
              excluded: n(excluded),
              deceased: n(b.excluded.deceased),
              movedOut: n(b.excluded.movedOut),
              adultServices: n(b.excluded.adultServices),
            })}
      </li>
      <li className="font-bold">{t('census.breakdown.children', { children: n(b.children) })}</li>
    </ol>
  );
}

/** The breakdown in one line and a note, for a row of the run list. */
export function BreakdownShort({ breakdown: b }: { breakdown: CountBreakdown }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <>
      <span className="block whitespace-nowrap">
        {t('census.breakdown.short', { records: n(b.records), people: n(b.people), children: n(b.children) })}
      </span>
      <span className="block text-std-16N-170 text-solid-gray-700">
        {t('census.breakdown.shortNote', { merged: n(b.merged), excluded: n(excludedOf(b)) })}
      </span>
    </>
  );
}
