import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import {
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  type CourseKind,
  DELIVERY_MODE_LABELS,
} from '../../../../../src/shared/vocab/learning';
import { Checkbox, SelectField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { type Locale, useLocale, useT } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { parseTrainingsSearch, type TrainingsSearch } from './routes';
import { type CatalogueSession, useCatalogue, usePrefectures } from './trainings-api';
import './strings';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';
const BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-8 bg-key-900 px-4 py-2 text-oln-16B-100 text-white no-underline hover:bg-key-1000 hover:text-white';

/** Where applications stand, in words (not colour alone). */
function applicationText(s: CatalogueSession, t: ReturnType<typeof useT>, locale: Locale): string {
  if (s.applicationsOpen) {
    return s.applicationsCloseAt
      ? t('publicTraining.openUntil', { date: formatDateTime(s.applicationsCloseAt, locale) })
      : t('publicTraining.open');
  }
  if (s.applicationsOpenAt && new Date(s.applicationsOpenAt) > new Date()) {
    return t('publicTraining.opensOn', { date: formatDateTime(s.applicationsOpenAt, locale) });
  }
  return t('publicTraining.closed');
}

function SessionCard({ s }: { s: CatalogueSession }) {
  const t = useT();
  const { locale } = useLocale();
  const headingId = `training-${s.id}`;
  const apply = `/learning/me/apply/${encodeURIComponent(s.id)}`;
  return (
    <article aria-labelledby={headingId} className="mb-6 rounded-8 border border-solid-gray-300 p-4">
      <p className="text-dns-14N-130 text-solid-gray-700">{COURSE_KIND_LABELS[s.courseKind][locale]}</p>
      <h2 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {s.title}
      </h2>
      {s.title !== s.courseTitle && <p className="text-std-16N-170">{s.courseTitle}</p>}
      <dl className="mt-3 grid gap-y-2">
        <div>
          <dt className="text-std-16B-170">{t('publicTraining.dates')}</dt>
          <dd>
            {s.days.length === 0 ? (
              t('publicTraining.noDates')
            ) : (
              <ul>
                {s.days.map((d) => (
                  <li key={d.heldOn}>
                    {formatDate(d.heldOn, locale, { weekday: true })}
                    {(d.startsAt || d.endsAt) && ` ${d.startsAt ?? ''}〜${d.endsAt ?? ''}`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-std-16B-170">{t('publicTraining.place')}</dt>
          <dd>
            {DELIVERY_MODE_LABELS[s.delivery][locale]}
            {s.place && s.delivery !== 'online' && (
              <span className="block whitespace-pre-wrap">{s.place}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-std-16B-170">{t('publicTraining.applications')}</dt>
          <dd>
            <strong>{applicationText(s, t, locale)}</strong>
            {s.capacity !== null && (
              <span className="block">
                {t('publicTraining.capacity', { n: s.capacity })}
                {s.full && <strong className="ml-2">{t('publicTraining.full')}</strong>}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-std-16B-170">{t('publicTraining.organiser')}</dt>
          <dd>
            {s.organiser}
            {s.coHosts.length > 0 && (
              <span className="block">{t('publicTraining.coHosts', { names: s.coHosts.join('、') })}</span>
            )}
            {s.operatorName && (
              <span className="block">{t('publicTraining.operator', { name: s.operatorName })}</span>
            )}
          </dd>
        </div>
      </dl>
      {s.courseSummary && (
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-std-16B-170 text-key-900">
            {t('publicTraining.about')}
          </summary>
          <p className="whitespace-pre-wrap text-std-16N-170">{s.courseSummary}</p>
        </details>
      )}
      {s.applicationsOpen && (
        <div className="mt-3">
          {s.full && <p className="mb-2">{t('publicTraining.fullNote')}</p>}
          {/* The application form is the app's page (sign-in first): a full-page link. */}
          <a href={apply} className={BUTTON} aria-describedby={headingId}>
            {t('publicTraining.apply')}
          </a>
        </div>
      )}
    </article>
  );
}

/**
 * 研修のご案内 (/public/trainings): the open and coming sessions of a prefecture's public courses — kind, title,
 * dates, place or online, whether applications are open and seats are full — with the way to apply. No sign-in;
 * links into the app (sign-up, apply, sign-in, certificate check) are plain links.
 */
export function TrainingsPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseTrainingsSearch(raw), [raw]);
  const prefectures = usePrefectures();
  const list = prefectures.data ?? [];
  const prefecture = search.prefecture ?? (list.length === 1 ? list[0]!.code : '');
  const kind = (COURSE_KINDS as readonly string[]).includes(search.kind ?? '')
    ? (search.kind as CourseKind)
    : undefined;
  const catalogue = useCatalogue({ prefecture, kind, open: search.open });
  const go = (patch: Partial<TrainingsSearch>) =>
    void navigate({ to: '/public/trainings', search: { ...search, ...patch }, replace: true });
  return (
    <Page title={t('publicTraining.title')} intro={t('publicTraining.intro')}>
      <div className="mb-6 rounded-8 border border-key-900 bg-key-50 p-4">
        <p className="mb-2 text-std-16N-170">{t('publicTraining.howToApply')}</p>
        <p className="flex flex-wrap gap-x-6">
          <a href="/learning/sign-up" className={LINK}>
            {t('publicTraining.signUp')}
          </a>
          <a href="/signin?redirect=%2Flearning%2Fme" className={LINK}>
            {t('publicTraining.signIn')}
          </a>
          <a href="/public/trainings/certificates" className={LINK}>
            {t('publicTraining.checkCertificate')}
          </a>
        </p>
      </div>
      <form aria-label={t('publicTraining.filter')} onSubmit={(e) => e.preventDefault()}>
        {list.length > 1 && (
          <SelectField
            label={t('publicTraining.prefecture')}
            value={prefecture}
            onChange={(v) => go({ prefecture: v || undefined })}
            emptyLabel={t('publicTraining.choosePrefecture')}
            options={list.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.name }))}
          />
        )}
        <SelectField
          label={t('publicTraining.kind')}
          value={kind ?? ''}
          onChange={(v) => go({ kind: v || undefined })}
          emptyLabel={t('publicTraining.anyKind')}
          options={COURSE_KINDS.map((k) => ({ value: k, label: COURSE_KIND_LABELS[k][locale] }))}
        />
        <Checkbox
          label={t('publicTraining.openOnly')}
          checked={!!search.open}
          onChange={(v) => go({ open: v || undefined })}
        />
      </form>
      <section aria-label={t('publicTraining.results')} className="mt-6">
        {!prefecture ? (
          <QueryState query={prefectures}>
            {() => <p role="status">{t('publicTraining.choosePrefectureFirst')}</p>}
          </QueryState>
        ) : (
          <QueryState query={catalogue}>
            {(data) =>
              data.items.length === 0 ? (
                <p role="status">{t('publicTraining.none')}</p>
              ) : (
                <>
                  <p role="status" className="mb-4 text-std-16N-170">
                    {t('publicTraining.count', { n: data.items.length })}
                  </p>
                  {data.items.map((s) => (
                    <SessionCard key={s.id} s={s} />
                  ))}
                </>
              )
            }
          </QueryState>
        )}
      </section>
    </Page>
  );
}
