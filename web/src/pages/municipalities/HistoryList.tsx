import {
  FACT_SOURCE_LABELS,
  isMaturityItem,
  MATURITY_OPTION_LABELS,
  maturityStatusLabel,
} from '../../../../src/shared/vocab/municipalities';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime } from '../../lib/format';
import { useMunicipalHistory } from '../../lib/queries/municipalities';

/** One item's or one division's history, newest first: the value, where it came from, the day, who and when. */
export function HistoryList({
  code,
  subject,
  item,
}: {
  code: string;
  subject: 'maturity' | 'contact';
  item: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const query = useMunicipalHistory(code, { subject, item });
  return (
    <QueryState query={query}>
      {({ entries }) =>
        entries.length === 0 ? (
          <p className="mt-2">{t('muni.historyNone')}</p>
        ) : (
          <ol className="mt-3 border-l-2 border-solid-gray-420 pl-4" aria-label={t('muni.historyTitle')}>
            {entries.map((e) => (
              <li key={e.id} className="mb-3">
                <span className="block text-std-16B-170">
                  {e.status && isMaturityItem(e.item)
                    ? maturityStatusLabel(e.item, e.status, locale)
                    : e.contact
                      ? [e.contact.sectionName, e.contact.personName].filter(Boolean).join(' ')
                      : t('common.none')}
                  {e.options.length > 0 && (
                    <span className="font-normal">
                      {' '}
                      ({e.options.map((o) => vocab(t, MATURITY_OPTION_LABELS, o)).join('、')})
                    </span>
                  )}
                </span>
                {e.note && <span className="block">{e.note}</span>}
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {t('muni.sourceLine', {
                    source: vocab(t, FACT_SOURCE_LABELS, e.source),
                    note: e.sourceNote
                      ? locale === 'ja'
                        ? `（${e.sourceNote}）`
                        : ` (${e.sourceNote})`
                      : '',
                    asOf: formatDate(e.asOf, locale),
                  })}
                </span>
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {t('muni.changedBy', {
                    name: e.changedBy.name,
                    role: vocab(t, ROLE_LABELS, e.changedBy.role),
                    at: formatDateTime(e.changedAt, locale),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )
      }
    </QueryState>
  );
}
