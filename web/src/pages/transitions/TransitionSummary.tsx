import { FOLLOW_UP_STATUS_LABELS } from '../../../../src/shared/vocab/transitions';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import { TRANSITION_KINDS, type TransitionKind, type Transitions } from '../../lib/queries/transitions';

/**
 * The lead of 移行予定: each kind with its children and how many are not started yet, linking to its list; then
 * the counts by municipality, folded (one row per municipality of the reader's area).
 */
export function KindSummary({ data }: { data: Transitions }) {
  const t = useT();
  const { locale } = useLocale();
  const groups = TRANSITION_KINDS.map((k) => data.groups.find((g) => g.kind === k)).filter(
    (g) => g !== undefined,
  );
  if (groups.length === 0) return null;
  return (
    <ul className="mb-8 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="transition-summary">
      {groups.map((g) => {
        const waiting = g.items.filter((c) => (c.followUp?.status ?? 'not_started') === 'not_started').length;
        return (
          <li key={g.kind} className="rounded-8 border border-solid-gray-420 px-4 py-2">
            <a href={`#transition-${g.kind}`} className="text-std-16B-170">
              {t(`transition.kind.${g.kind}`)}
            </a>
            <span className="block text-std-16N-170">
              {t('common.persons', { n: formatNumber(g.count, locale) })}
              {waiting > 0 &&
                t('transitions.waiting', {
                  status: vocab(t, FOLLOW_UP_STATUS_LABELS, 'not_started'),
                  n: formatNumber(waiting, locale),
                })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function ByMunicipality({ data }: { data: Transitions }) {
  const t = useT();
  const { locale } = useLocale();
  const kinds = TRANSITION_KINDS.filter((k) => data.groups.some((g) => g.kind === k));
  const total = (k: TransitionKind) => data.groups.find((g) => g.kind === k)?.count ?? 0;
  return (
    <section aria-labelledby="transition-summary" className="mb-10">
      <h2 id="transition-summary" className="mb-3 text-std-22B-150">
        {t('transitions.byMunicipality')}
      </h2>
      {data.byMunicipality.length === 0 ? (
        <p>{t('transitions.none')}</p>
      ) : (
        // Folded when it is long (a prefecture's or a region's towns); a municipality's own reader sees it open.
        <details open={data.byMunicipality.length <= 5}>
          <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170 text-key-900">
            {t('transitions.showByMunicipality', { n: formatNumber(data.byMunicipality.length, locale) })}
          </summary>
          <Table caption={t('transitions.byMunicipality')} captionHidden>
            <thead>
              <tr>
                <Th>{t('children.municipality')}</Th>
                {kinds.map((k) => (
                  <Th key={k} className="text-right">
                    <abbr title={t(`transition.kind.${k}`)} className="no-underline">
                      {t(`transition.short.${k}`)}
                    </abbr>
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.byMunicipality.map((m) => (
                <tr key={m.code}>
                  <RowTh className="whitespace-nowrap">{m.name}</RowTh>
                  {kinds.map((k) => (
                    <Td key={k} className="text-right tabular-nums">
                      {formatNumber(m.counts[k] ?? 0, locale)}
                    </Td>
                  ))}
                </tr>
              ))}
              <tr>
                <RowTh className="whitespace-nowrap font-bold">{t('transitions.total')}</RowTh>
                {kinds.map((k) => (
                  <Td key={k} className="text-right font-bold tabular-nums">
                    {formatNumber(total(k), locale)}
                  </Td>
                ))}
              </tr>
            </tbody>
          </Table>
        </details>
      )}
    </section>
  );
}
