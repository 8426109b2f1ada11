import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { OUTAGE_STEP, type OutageList, useOutageList } from '../../lib/queries/disaster-events';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { OutageTable } from './OutageTable';
import { PrintButton } from './PrintButton';
import './print.css';

/** 停電時の要確認リスト (docs/disaster.md §4) of the municipalities and outage start in the address. */
function OutageScreen() {
  const t = useT();
  const { locale } = useLocale();
  const s = useSearch({ strict: false }) as { municipalities?: string; since?: string };
  const search =
    s.municipalities !== undefined && s.since ? { municipalities: s.municipalities, since: s.since } : null;
  const [limit, setLimit] = useState(OUTAGE_STEP);
  const [printed, setPrinted] = useState<OutageList | null>(null);
  const query = useOutageList(search, limit);
  // A municipality outside the reader's area and an unknown one look the same: the not-found page.
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  return (
    <Page
      title={t('de.outageTitle')}
      intro={search ? t('de.outageIntro', { since: formatDateTime(search.since, locale) }) : undefined}
    >
      <p className="mb-4 print:hidden">
        <Link to="/disaster-events" className="inline-flex min-h-11 items-center">
          {t('de.back')}
        </Link>
      </p>
      {!search ? (
        <p>{t('de.chooseAreas')}</p>
      ) : (
        <QueryState query={query}>
          {(list) => (
            <>
              <PrintButton path="/api/disaster-events/outage" query={search} onList={setPrinted} />
              <OutageTable list={printed ?? list} onMore={() => setLimit((n) => n + OUTAGE_STEP)} />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}

export const DisasterOutagePage = forTrainingRoles(readsMunicipalPages, OutageScreen);
