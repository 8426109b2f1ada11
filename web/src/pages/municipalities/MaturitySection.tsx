import { useState } from 'react';
import {
  FACT_SOURCE_LABELS,
  MATURITY_ITEM_LABELS,
  MATURITY_OPTION_LABELS,
  type MaturityItem,
  maturityStatusLabel,
} from '../../../../src/shared/vocab/municipalities';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatNendo } from '../../lib/format';
import type { MaturityValue, MunicipalPage } from '../../lib/queries/municipalities';
import { HistoryList } from './HistoryList';
import { MaturityForm } from './MaturityForm';
import { StatusText } from './MaturityTable';

type Open = { item: MaturityItem; what: 'form' | 'history' } | null;

/** Where a value came from, the day it held and who recorded it. */
export function Provenance({
  v,
}: {
  v: Pick<MaturityValue, 'source' | 'sourceNote' | 'asOf' | 'updatedBy'>;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <span className="block text-dns-14N-130 text-solid-gray-700">
      {t('muni.sourceLine', {
        source: vocab(t, FACT_SOURCE_LABELS, v.source),
        note: v.sourceNote ? (locale === 'ja' ? `（${v.sourceNote}）` : ` (${v.sourceNote})`) : '',
        asOf: formatDate(v.asOf, locale),
      })}
      {' · '}
      {t('muni.recordedBy', { name: v.updatedBy.name, role: vocab(t, ROLE_LABELS, v.updatedBy.role) })}
    </span>
  );
}

/**
 * The five maturity items: each one's status now (and last 年度's when it differs), its options and note, where
 * it came from and who recorded it; 記録する opens the form under the item, 履歴 its history.
 */
export function MaturitySection({ page }: { page: MunicipalPage }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  const prev = page.summary.previous;
  const toggle = (item: MaturityItem, what: 'form' | 'history') => {
    setMessage(null);
    setOpen(open?.item === item && open.what === what ? null : { item, what });
  };
  return (
    <Section title={t('muni.maturityTitle')} id="muni-maturity">
      <StatusMessage tone={message?.tone}>{message?.text}</StatusMessage>
      <ul className="grid gap-4">
        {page.maturity.map(({ item, current }) => {
          const label = vocab(t, MATURITY_ITEM_LABELS, item);
          const before = prev.items[item] ?? null;
          return (
            <li key={item} className="rounded-8 border border-solid-gray-420 p-4">
              <h3 className="text-std-17B-170">{label}</h3>
              <p className="text-std-16N-170">
                <StatusText item={item} status={current?.status ?? null} />
                {current && current.options.length > 0 && (
                  <span> — {current.options.map((o) => vocab(t, MATURITY_OPTION_LABELS, o)).join('、')}</span>
                )}
              </p>
              {before !== (page.summary.current.items[item] ?? null) && (
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {t('muni.was', {
                    nendo: formatNendo(prev.nendo, locale),
                    status: before ? maturityStatusLabel(item, before, locale) : t('muni.notRecorded'),
                  })}
                </p>
              )}
              {current?.note && <p className="mt-1">{current.note}</p>}
              {current && <Provenance v={current} />}
              <div className="mt-2 flex flex-wrap gap-3 print:hidden">
                {page.canEdit && (
                  <Button
                    variant="secondary"
                    aria-expanded={open?.item === item && open.what === 'form'}
                    aria-label={t('muni.recordLabel', { item: label })}
                    onClick={() => toggle(item, 'form')}
                  >
                    {t('muni.record')}
                  </Button>
                )}
                <Button
                  variant="text"
                  aria-expanded={open?.item === item && open.what === 'history'}
                  aria-label={t('muni.historyLabel', { item: label })}
                  onClick={() => toggle(item, 'history')}
                >
                  {t('muni.history')}
                </Button>
              </div>
              {open?.item === item && open.what === 'form' && (
                <MaturityForm
                  code={page.municipality.code}
                  item={item}
                  current={current}
                  onCancel={() => setOpen(null)}
                  onDone={() => {
                    setOpen(null);
                    setMessage({ text: t('muni.saved', { item: label }), tone: 'success' });
                  }}
                  onConflict={(now) => {
                    setOpen(null);
                    setMessage({
                      text: t('muni.conflict', {
                        item: label,
                        name: now?.updatedBy.name ?? t('common.none'),
                        status: now ? maturityStatusLabel(item, now.status, locale) : t('muni.notRecorded'),
                      }),
                      tone: 'info',
                    });
                  }}
                />
              )}
              {open?.item === item && open.what === 'history' && (
                <HistoryList code={page.municipality.code} subject="maturity" item={item} />
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
