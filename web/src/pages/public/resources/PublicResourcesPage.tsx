import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { type MapMarker, MarkerMap } from '../../../components/map/MarkerMap';
import { Page, Section } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { type Locale, type Translate, useLocale, useT } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import {
  type PublicSearchResult,
  type PublicServiceSummary,
  SERVICE_TYPE_CODES,
  type ServiceType,
  usePublicSearch,
} from '../../../lib/queries/resources-public';
import { AcceptanceBadge, ageRange, CARE_CODES, careLabel, LastConfirmed, typeLabel, yesNo } from './display';
import { SearchForm } from './SearchForm';
import { careCodes, type PublicResourceSearch, parsePublicResourceSearch } from './search';

/**
 * The public resources search (/public/resources, ME-6): no sign-in. Families and staff search by place,
 * service type, the care items a child needs, age and free text; every search is a URL that can be shared.
 * Results come as a list (the main view, printable) and as markers on a small map.
 */

/** Ten listings a page: a phone shows the first ones without a long scroll, and the map stays readable. */
const PAGE_SIZE = 10;

const isServiceType = (v: string | undefined): v is ServiceType =>
  !!v && (SERVICE_TYPE_CODES as readonly string[]).includes(v);

function hasCriteria(s: PublicResourceSearch): boolean {
  return Boolean(
    s.where || s.place || s.municipality || s.near || s.type || s.care || s.age !== undefined || s.q,
  );
}

/** Age, transport, bathing and vacancy on one wrapping line: what decides whether to open the listing. */
function Facts({ item, t }: { item: PublicServiceSummary; t: Translate }) {
  const facts: [string, string][] = [
    [t('resources.ages'), ageRange(t, item.minAge, item.maxAge)],
    [t('resources.transport'), yesNo(t, item.transport)],
    [t('resources.bathing'), yesNo(t, item.bathing)],
    [
      t('resources.vacancy'),
      item.vacancy === null ? t('resources.unknown') : t('resources.vacancyN', { n: item.vacancy }),
    ],
  ];
  return (
    <dl className="flex flex-wrap gap-x-5 text-std-16N-170">
      {facts.map(([label, value]) => (
        <div key={label} className="flex gap-2">
          <dt className="font-bold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Why the listing is in the results: 「辻堂駅から約1.2km」「藤沢市内・藤沢市役所から約0.8km」「藤沢市へ訪問・対応」. */
function Reason({ item, t, locale }: { item: PublicServiceSummary; t: Translate; locale: Locale }) {
  const r = item.reason;
  const km = item.distanceKm;
  const distance = km !== null && (
    <span className="font-bold" data-testid="distance">
      {t('resources.public.distance', { km: formatNumber(km, locale) })}
    </span>
  );
  if (!r) return distance ? <p className="mb-2 text-std-16N-170">{distance}</p> : <div className="mb-2" />;
  const name = r.municipalityName ?? '';
  return (
    <p className="mb-2 text-std-16N-170" data-testid="reason">
      {r.kind === 'near'
        ? r.from
          ? t('resources.public.reasonNear', { from: r.from })
          : t('resources.public.reasonNearHere')
        : r.kind === 'in'
          ? t('resources.public.reasonIn', { name })
          : t('resources.public.reasonServes', { name })}
      {r.kind !== 'near' && r.from && distance && t('resources.public.reasonFrom', { from: r.from })}
      {(r.kind === 'near' || r.from) && distance}
    </p>
  );
}

function ResultItem({
  item,
  n,
  wanted,
  t,
  locale,
}: {
  item: PublicServiceSummary;
  n: number;
  wanted: string[];
  t: Translate;
  locale: Locale;
}) {
  const acceptedCount = item.careItems.filter((c) => c.acceptance !== 'not_accepted').length;
  const shown = wanted.length ? wanted : [];
  return (
    <li className="rounded-8 border border-solid-gray-420 p-4 break-inside-avoid">
      <h3 className="text-std-20B-150">
        <span className="mr-2 inline-block min-w-8 rounded-full bg-key-900 px-2 text-center text-white print:border print:bg-white print:text-black">
          {n}
        </span>
        <Link to="/public/resources/$serviceId" params={{ serviceId: item.id }}>
          {item.name}
        </Link>
      </h3>
      <p className="text-std-16N-170 text-solid-gray-800">
        {typeLabel(t, item.type)}・{item.organizationName}
      </p>
      <p className="text-std-16N-170">{item.address}</p>
      <Reason item={item} t={t} locale={locale} />
      {shown.length > 0 && (
        <ul aria-label={t('resources.public.forYourItems')} className="mb-2 space-y-1">
          {shown.map((code) => {
            const c = item.careItems.find((x) => x.code === code);
            return (
              <li key={code} className="flex flex-wrap items-center gap-2">
                <span>{careLabel(code, locale)}</span>
                <AcceptanceBadge value={c?.acceptance} t={t} />
                {c?.conditions && <span className="text-solid-gray-800">{c.conditions}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <p className="mb-2 text-std-16N-170">{t('resources.public.acceptsN', { n: acceptedCount })}</p>
      <Facts item={item} t={t} />
      {item.howToApply && (
        <p className="mt-2 text-std-16N-170">
          <span className="font-bold">{t('resources.howToApply')}：</span>
          {item.howToApply}
        </p>
      )}
      <p className="mt-2 text-std-16N-170" data-testid="last-confirmed">
        <LastConfirmed at={item.lastConfirmedAt} stale={item.stale} t={t} locale={locale} />
      </p>
    </li>
  );
}

/** Nothing found for the place typed (what to type instead), or a name in several municipalities (which one). */
function PlaceQuestion({ data, search }: { data: PublicSearchResult; search: PublicResourceSearch }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.unresolved) {
    return (
      <p
        className="mb-4 rounded-8 border-2 border-warning-yellow-2 p-4 text-std-16N-170"
        data-testid="unresolved"
      >
        {data.unresolved[locale === 'en' ? 'en' : 'ja']}
      </p>
    );
  }
  if (!data.choices.length) return null;
  return (
    <div className="mb-4 rounded-8 border border-solid-gray-420 p-4">
      <h2 className="mb-2 text-std-18B-160">{t('resources.public.choose', { name: search.where ?? '' })}</h2>
      <ul className="space-y-2">
        {data.choices.map((c) => (
          <li key={c.id ?? c.municipalityCode}>
            <Link to="/public/resources" search={{ ...search, place: c.id ?? undefined, page: undefined }}>
              {t('resources.public.choice', {
                name: c.name,
                municipality: c.municipalityName ?? c.municipalityCode,
                kind: t(`resources.public.kind.${c.kind}`),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Results({ data, search }: { data: PublicSearchResult; search: PublicResourceSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const wanted = careCodes(search);
  const offset = (data.page - 1) * data.pageSize;
  const markers: MapMarker[] = useMemo(
    () =>
      data.items.flatMap((item, i) =>
        item.latitude !== null && item.longitude !== null
          ? [
              {
                id: item.id,
                lat: item.latitude,
                lon: item.longitude,
                label: item.name,
                href: `/public/resources/${item.id}`,
                number: offset + i + 1,
              },
            ]
          : [],
      ),
    [data, offset],
  );
  const unmapped = data.items.length - markers.length;
  const hereLabel = data.place?.name ?? t('resources.public.here');
  const here = useMemo(
    () => (data.near ? { lat: data.near.latitude, lon: data.near.longitude, label: hereLabel } : undefined),
    [data.near, hereLabel],
  );
  const base = useMemo(
    () =>
      data.basePlaces
        .filter((b) => b.name !== data.place?.name)
        .map((b) => ({ lat: b.latitude, lon: b.longitude, label: b.name })),
    [data.basePlaces, data.place],
  );
  return (
    <>
      {data.municipality && (
        <p className="mb-2 text-std-16N-170">
          {t('resources.public.searchedIn', { name: data.municipality.name ?? data.municipality.code })}
        </p>
      )}
      {data.near && (
        <p className="mb-2 text-std-16N-170">
          {data.place
            ? t('resources.public.searchedPlace', {
                name: data.place.name,
                municipality: data.place.municipalityName ?? '',
                n: data.near.radiusKm,
              })
            : t('resources.public.searchedNear', { n: data.near.radiusKm })}
        </p>
      )}
      <PlaceQuestion data={data} search={search} />
      <p role="status" className="mb-4 text-std-17B-170">
        {data.totalCapped
          ? t('resources.public.foundMore', { n: formatNumber(data.total, locale) })
          : t('resources.public.found', { n: formatNumber(data.total, locale) })}
      </p>
      {data.items.length === 0 ? (
        !data.unresolved && !data.choices.length && <p className="mb-6">{t('resources.public.none')}</p>
      ) : (
        // On a wide screen the map and the list leave the reading column (42rem) for 64rem, the list in two
        // columns: ten listings side by side instead of one long column.
        <div className="xl:-mx-44">
          <Section id="resources-map" title={t('resources.public.map')}>
            <p className="mb-2 text-std-16N-170 text-solid-gray-700 print:hidden">
              {t('resources.public.mapHint')}
              {unmapped > 0 && ` ${t('resources.public.unmapped', { n: unmapped })}`}
            </p>
            <MarkerMap
              markers={markers}
              label={t('resources.public.mapLabel')}
              onNavigate={(href) => void navigate({ href })}
              here={here}
              base={base}
            />
          </Section>
          <Section id="resources-list" title={t('resources.public.list')}>
            <ol className="grid gap-4 xl:grid-cols-2" start={offset + 1}>
              {data.items.map((item, i) => (
                <ResultItem
                  key={item.id}
                  item={item}
                  n={offset + i + 1}
                  wanted={wanted}
                  t={t}
                  locale={locale}
                />
              ))}
            </ol>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              totalLabel={
                data.totalCapped
                  ? t('resources.public.moreThan', { n: formatNumber(data.total, locale) })
                  : undefined
              }
              onPage={(page) =>
                void navigate({
                  to: '/public/resources',
                  search: { ...search, page: page > 1 ? page : undefined },
                })
              }
            />
          </Section>
        </div>
      )}
    </>
  );
}

export function PublicResourcesPage() {
  const t = useT();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parsePublicResourceSearch(raw), [raw]);
  const active = hasCriteria(search);
  const query = usePublicSearch({
    address: search.where,
    placeId: search.place,
    municipalityCode: search.municipality,
    type: isServiceType(search.type) ? search.type : undefined,
    careItem: careCodes(search).filter((c) => CARE_CODES.includes(c)),
    age: search.age,
    q: search.q,
    near: search.near,
    radiusKm: search.radius,
    page: search.page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Page title={t('resources.public.title')} intro={t('resources.public.intro')}>
      <SearchForm search={search} />
      <div aria-busy={query.isFetching}>
        {query.error ? (
          <ApiErrorAlert error={query.error} />
        ) : query.data ? (
          <>
            {!active && <p className="mb-4 text-std-16N-170">{t('resources.public.allListed')}</p>}
            <Results data={query.data} search={search} />
          </>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </div>
      <div className="mt-6 flex flex-wrap gap-3 print:hidden">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('resources.public.print')}
        </Button>
      </div>
    </Page>
  );
}
