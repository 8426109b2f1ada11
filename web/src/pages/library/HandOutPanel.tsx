import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  LIBRARY_RECIPIENT_LABELS,
  LIBRARY_SITUATION_LABELS,
  LIBRARY_SITUATIONS,
} from '../../../../src/shared/vocab/library';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import type { ConsultationDetail } from '../../lib/queries/consultations';
import { type LibraryRow, useCaseHandouts, useHandOut, useLibrary } from '../../lib/queries/library';
import { useRole } from '../learning/courses/Guard';
import { readsLibrary } from './access';
import { audiencesText, StaleBadge } from './shared';

/** One item of the picker: a button per recipient — one click hands it out and records it on the timeline. */
function ItemRow({
  c,
  item,
  onDone,
}: {
  c: ConsultationDetail;
  item: LibraryRow;
  onDone: (title: string) => void;
}) {
  const t = useT();
  const give = useHandOut(item.id);
  const hand = (recipient: 'family' | 'other') =>
    give.mutate({ consultationId: c.id, recipient }, { onSuccess: (h) => onDone(h.title) });
  return (
    <li className="border-b border-solid-gray-420 py-2">
      <span className="text-std-16B-170">{item.title}</span>
      <StaleBadge t={t} stale={item.stale} />
      <span className="block text-dns-14N-130 text-solid-gray-700">
        {t('lib.versionN', { n: item.versionNumber ?? 0 })} ・ {audiencesText(t, item.audiences)}
      </span>
      <div className="mt-1 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={give.isPending}
          onClick={() => hand('family')}
          aria-label={`${t('lib.handOut.toFamily')}：${item.title}`}
        >
          {t('lib.handOut.toFamily')}
        </Button>
        <Button
          variant="secondary"
          disabled={give.isPending}
          onClick={() => hand('other')}
          aria-label={`${t('lib.handOut.toOther')}：${item.title}`}
        >
          {t('lib.handOut.toOther')}
        </Button>
      </div>
      <ApiErrorAlert error={give.error} />
    </li>
  );
}

/**
 * 資料を渡す on the consultation page: find an item by situation or title and hand it out in one click (the
 * timeline records 書類の送付 with its title); what was given is listed with the family's printable sheet.
 */
export function HandOutPanel({ c }: { c: ConsultationDetail }) {
  const role = useRole();
  return role && readsLibrary(role) ? <Panel c={c} /> : null;
}

function Panel({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const [situation, setSituation] = useState('');
  const [q, setQ] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const items = useLibrary({ situation: (situation || undefined) as never, q: q || undefined });
  const given = useCaseHandouts(c.id);
  const mayGive = c.allowedActions.includes('addAction');
  return (
    <Section id="consult-library" title={t('lib.handOut')}>
      <QueryState query={given}>
        {(data) =>
          data.items.length ? (
            <div className="mb-4">
              <h3 className="mb-1 text-std-17B-170">{t('lib.handOut.given')}</h3>
              <ul>
                {data.items.map((h) => (
                  <li key={h.id} className="py-1">
                    {h.title}（{t('lib.versionN', { n: h.versionNumber })}）→{' '}
                    {LIBRARY_RECIPIENT_LABELS[h.recipient][locale]} {formatDateTime(h.at, locale)}{' '}
                    {h.byName ?? ''}
                    {h.publicPath && (
                      <Link
                        to="/library/$itemId/sheet"
                        params={{ itemId: h.itemId }}
                        className="ml-3 text-key-900 underline underline-offset-4"
                      >
                        {t('lib.handOut.printSheet')}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mb-4">{t('lib.handOut.none')}</p>
          )
        }
      </QueryState>
      <StatusMessage>{done ? t('lib.handOut.done', { title: done }) : null}</StatusMessage>
      {mayGive && (
        <>
          <p className="mb-3 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('lib.handOut.intro')}</p>
          <div className="grid max-w-3xl gap-x-4 md:grid-cols-2">
            <SelectField
              label={t('lib.situation')}
              value={situation}
              onChange={setSituation}
              emptyLabel={t('lib.any')}
              options={vocabOptions(t, LIBRARY_SITUATIONS, LIBRARY_SITUATION_LABELS)}
            />
            <TextField label={t('lib.handOut.search')} value={q} onChange={setQ} />
          </div>
          <QueryState query={items}>
            {(data) => {
              const usable = data.items.filter((i) => i.versionNumber !== null).slice(0, 8);
              return usable.length ? (
                <ul className="max-w-3xl">
                  {usable.map((i) => (
                    <ItemRow key={i.id} c={c} item={i} onDone={setDone} />
                  ))}
                </ul>
              ) : (
                <p role="status">{t('lib.empty')}</p>
              );
            }}
          </QueryState>
        </>
      )}
    </Section>
  );
}
