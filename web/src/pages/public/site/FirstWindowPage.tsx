import { useMemo, useState } from 'react';
import { toHiragana } from '../../../../../src/shared/kana';
import { maturityStatusLabel } from '../../../../../src/shared/vocab/municipalities';
import { DIVISION_LABELS } from '../../../../../src/shared/vocab/network';
import { TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { PrefecturePicker } from './PrefecturePicker';
import { type PublicFirstWindows, usePublicFirstWindows, usePublicSite } from './site-api';
import './strings';

type Muni = PublicFirstWindows['regions'][number]['municipalities'][number];

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
const LINK = 'text-key-900 underline underline-offset-4';

function MunicipalityCard({ m }: { m: Muni }) {
  const t = useT();
  const { locale } = useLocale();
  const headingId = `fw-${m.code}`;
  return (
    <article aria-labelledby={headingId} className="rounded-8 border border-solid-gray-300 bg-white p-4">
      <h3 id={headingId} className="mb-2 text-std-18B-160" lang="ja">
        {m.name}
      </h3>
      <dl className="grid gap-2 text-std-16N-170">
        <div>
          <dt className="text-std-16B-170">{t('publicSite.first.window')}</dt>
          <dd>
            {m.window ? (
              <>
                <span lang="ja">{m.window.sectionName}</span>
                <span className="text-solid-gray-700">（{DIVISION_LABELS[m.window.division][locale]}）</span>
                {m.window.phone && (
                  <>
                    <br />
                    <a href={tel(m.window.phone)} className={LINK}>
                      {m.window.phone}
                    </a>
                  </>
                )}
                {m.window.email && (
                  <>
                    <br />
                    {t('publicSite.first.email')}：
                    <a href={`mailto:${m.window.email}`} className={LINK}>
                      {m.window.email}
                    </a>
                  </>
                )}
                <br />
                <span className="text-dns-14N-130 text-solid-gray-700">
                  {t('publicSite.first.asOf', { date: formatDate(m.window.asOf, locale) })}
                </span>
              </>
            ) : (
              t('publicSite.first.noWindow')
            )}
            {m.note && (
              <p className="mt-1 whitespace-pre-wrap" lang="ja">
                {m.note}
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-std-16B-170">{t('publicSite.first.coordinator')}</dt>
          <dd>
            {m.coordinator ? (
              <>
                <span lang="ja">{m.coordinator.name}</span>
                {m.coordinator.organisation && <span lang="ja">（{m.coordinator.organisation}）</span>}
                {m.coordinator.phone && (
                  <>
                    <br />
                    <a href={tel(m.coordinator.phone)} className={LINK}>
                      {m.coordinator.phone}
                    </a>
                  </>
                )}
              </>
            ) : m.coordinatorStatus ? (
              t('publicSite.first.coordinatorStatus', {
                status: maturityStatusLabel('coordinator', m.coordinatorStatus, locale),
              })
            ) : (
              t('publicSite.first.noCoordinator')
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/**
 * 市町村の最初の相談窓口 (/public/first-window, MI-8): every municipality by region with the window the centre
 * chose from its recorded contacts, the coordinator it named and the region's desk — searchable by name in kanji
 * or kana, on a phone.
 */
export function FirstWindowPage() {
  const t = useT();
  const { locale } = useLocale();
  const site = usePublicSite(locale);
  const prefecture = site.data?.site?.prefecture.code;
  const list = usePublicFirstWindows(prefecture);
  const [q, setQ] = useState('');
  const needle = toHiragana(q.trim());
  const regions = useMemo(() => {
    const all = list.data?.regions ?? [];
    if (!needle) return all;
    return all
      .map((r) => ({
        ...r,
        municipalities: r.municipalities.filter(
          (m) => m.name.includes(q.trim()) || toHiragana(m.kana).includes(needle),
        ),
      }))
      .filter((r) => r.municipalities.length > 0);
  }, [list.data, needle, q]);
  const count = regions.reduce((n, r) => n + r.municipalities.length, 0);
  return (
    <Page title={t('publicSite.first.title')} intro={t('publicSite.first.intro')}>
      <QueryState query={site}>
        {(data) => (
          <>
            <PrefecturePicker data={data} />
            {prefecture && (
              <>
                <form
                  aria-label={t('publicSite.first.search')}
                  onSubmit={(e) => e.preventDefault()}
                  className="mb-4"
                >
                  <TextField label={t('publicSite.first.search')} value={q} onChange={setQ} type="search" />
                </form>
                <QueryState query={list}>
                  {() => (
                    <>
                      <p role="status" className="mb-4 text-std-16N-170">
                        {count === 0 ? t('publicSite.first.none') : t('publicSite.first.count', { n: count })}
                      </p>
                      {regions.map((r) => (
                        <section
                          key={r.name || 'none'}
                          aria-labelledby={`region-${r.name || 'none'}`}
                          className="mb-8"
                        >
                          <h2 id={`region-${r.name || 'none'}`} className="mb-2 text-std-20B-150" lang="ja">
                            {r.name || t('publicSite.first.noRegion')}
                          </h2>
                          {r.desk && (
                            <p className="mb-3 text-std-16N-170">
                              {t('publicSite.first.desk')}：<span lang="ja">{r.desk.name}</span>
                              {r.desk.phone && (
                                <>
                                  {' '}
                                  <a href={tel(r.desk.phone)} className={LINK}>
                                    {r.desk.phone}
                                  </a>
                                </>
                              )}
                            </p>
                          )}
                          <div className="grid gap-3">
                            {r.municipalities.map((m) => (
                              <MunicipalityCard key={m.code} m={m} />
                            ))}
                          </div>
                        </section>
                      ))}
                    </>
                  )}
                </QueryState>
              </>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
