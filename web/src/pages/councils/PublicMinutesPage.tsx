import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { COUNCIL_BODY_KIND_LABELS } from '../../../../src/shared/vocab/councils';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime, formatNendo } from '../../lib/format';
import { usePublicMinutes } from '../../lib/queries/councils';
import { usePrefectures } from '../public/trainings/trainings-api';
import { parsePublicMinutesSearch } from './search';

/** The public minutes (no sign-in): the public part of the minutes each council marked public. */
export function PublicMinutesPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parsePublicMinutesSearch(raw), [raw]);
  const prefectures = usePrefectures();
  const minutes = usePublicMinutes(search.prefecture ?? '', search.nendo);
  const thisNendo = new Date().getMonth() < 3 ? new Date().getFullYear() - 1 : new Date().getFullYear();
  const nendos = [0, 1, 2, 3].map((d) => thisNendo - d);
  return (
    <Page title={t('cn.public.title')} intro={t('cn.public.intro')}>
      <div className="grid max-w-2xl gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('cn.public.prefecture')}
          value={search.prefecture ?? ''}
          onChange={(v) =>
            void navigate({ to: '/public/minutes', search: { ...search, prefecture: v || undefined } })
          }
          emptyLabel={t('cn.public.choose')}
          options={(prefectures.data ?? []).map((p) => ({
            value: p.code,
            label: locale === 'en' ? p.nameEn : p.name,
          }))}
        />
        <SelectField
          label={t('cn.public.nendo')}
          value={search.nendo ? String(search.nendo) : ''}
          onChange={(v) =>
            void navigate({ to: '/public/minutes', search: { ...search, nendo: v ? Number(v) : undefined } })
          }
          emptyLabel={t('cn.public.anyNendo')}
          options={nendos.map((n) => ({ value: String(n), label: formatNendo(n, locale) }))}
        />
      </div>
      {search.prefecture && (
        <QueryState query={minutes}>
          {(d) =>
            d.items.length === 0 ? (
              <p role="status">{t('cn.public.none')}</p>
            ) : (
              <div>
                {d.items.map((m) => (
                  <article
                    key={m.id}
                    aria-labelledby={`minutes-${m.id}`}
                    className="mb-6 rounded-8 border border-solid-gray-300 p-4"
                  >
                    <p className="text-dns-14N-130 text-solid-gray-700">
                      {vocab(t, COUNCIL_BODY_KIND_LABELS, m.bodyKind)}
                    </p>
                    <h2 id={`minutes-${m.id}`} className="text-std-20B-150">
                      {m.title.startsWith(m.bodyName) ? m.title : `${m.bodyName} ${m.title}`}
                    </h2>
                    <p className="mb-3">
                      {t('cn.public.held', { date: formatDateTime(m.startsAt, locale, { weekday: true }) })}
                      {m.place && ` ・ ${m.place}`}
                    </p>
                    <div className="whitespace-pre-wrap">{m.minutes}</div>
                  </article>
                ))}
              </div>
            )
          }
        </QueryState>
      )}
    </Page>
  );
}
