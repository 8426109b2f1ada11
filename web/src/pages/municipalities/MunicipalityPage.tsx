import { Link, useParams } from '@tanstack/react-router';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import { ENGAGEMENT_KIND_LABELS } from '../../../../src/shared/vocab/engagements';
import { MATURITY_ITEM_SHORT_LABELS, MATURITY_ITEMS } from '../../../../src/shared/vocab/municipalities';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, formatNendo } from '../../lib/format';
import { type MunicipalPage, useMunicipalPage } from '../../lib/queries/municipalities';
import { MunicipalityEngagementsSection } from '../engagements/MunicipalityEngagementsSection';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { BandLabel } from './bands';
import { ContactsSection } from './ContactsSection';
import { FiguresSection } from './FiguresSection';
import { regionLabel } from './MaturityMap';
import { MaturitySection } from './MaturitySection';
import { StatusText } from './MaturityTable';

/** The page's summary: region, band this 年度 and last, and each item's status in one line. */
function Summary({ page }: { page: MunicipalPage }) {
  const t = useT();
  const { locale } = useLocale();
  const { current, previous } = page.summary;
  return (
    <section aria-labelledby="muni-summary" className="mb-8 rounded-8 border-2 border-solid-gray-600 p-4">
      <h2 id="muni-summary" className="sr-only">
        {t('muni.summary')}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[auto_1fr]">
        <dt className="text-std-16B-170">{t('muni.region')}</dt>
        <dd>{regionLabel(page.municipality, locale) ?? t('muni.noRegion')}</dd>
        <dt className="text-std-16B-170">{formatNendo(current.nendo, locale)}</dt>
        <dd className="flex flex-wrap items-center gap-x-3">
          <BandLabel band={current.band} />
          <span>{t('muni.inPlaceOf', { n: current.inPlace, underWay: current.underWay })}</span>
        </dd>
        <dt className="text-std-16B-170">{formatNendo(previous.nendo, locale)}</dt>
        <dd className="flex flex-wrap items-center gap-x-3">
          <BandLabel band={previous.band} />
          <span>{t('muni.inPlaceOf', { n: previous.inPlace, underWay: previous.underWay })}</span>
        </dd>
        {page.engagement && (
          <>
            <dt className="text-std-16B-170">{t('muni.lastEngagement')}</dt>
            <dd>
              {page.engagement.lastEngagement
                ? t('muni.lastEngagementValue', {
                    date: formatDate(page.engagement.lastEngagement.date, locale),
                    kind: vocab(t, ENGAGEMENT_KIND_LABELS, page.engagement.lastEngagement.kind),
                  })
                : t('muni.noEngagement')}
            </dd>
            <dt className="text-std-16B-170">{t('muni.nextDue')}</dt>
            <dd>
              {page.engagement.nextDue ? formatDate(page.engagement.nextDue, locale) : t('muni.noCycle')}
              {page.engagement.overdue && (
                <span className="ml-2 inline-block rounded-4 border border-error-2 bg-red-50 px-2 text-dns-14B-130 text-error-2">
                  {t('muni.overdue')}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
        {MATURITY_ITEMS.map((item) => (
          <li key={item}>
            <span className="text-std-16B-170">{vocab(t, MATURITY_ITEM_SHORT_LABELS, item)}</span>{' '}
            <StatusText item={item} status={current.items[item] ?? null} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The page per municipality (市町村カルテ): a summary first, then the maturity items and the four divisions'
 * contacts (recorded from actions, with their history), then what the product knows within the reader's scope.
 */
function MunicipalityScreen() {
  const t = useT();
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useMunicipalPage(code);
  const name = query.data?.municipality.name;
  // Out of the reader's area or unknown: the not-found page, as for any record.
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  return (
    <Page title={name ? t('muni.pageTitle', { name }) : t('muni.pageTitleLoading')}>
      <p className="mb-4 print:hidden">
        <Link to="/municipalities" className="inline-flex min-h-11 items-center">
          {t('muni.backToList')}
        </Link>
      </p>
      <QueryState query={query}>
        {(page) => (
          <>
            <Summary page={page} />
            <MaturitySection page={page} />
            <ContactsSection page={page} />
            {/* The engagements module's section, for readers it lets see this municipality's engagements. */}
            {page.engagement && <MunicipalityEngagementsSection municipalityCode={page.municipality.code} />}
            <FiguresSection code={page.municipality.code} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

export const MunicipalityPage = forTrainingRoles(readsMunicipalPages, MunicipalityScreen);
