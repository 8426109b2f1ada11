import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useServices } from '../../lib/queries/resources';
import { bothCalendars } from '../public/resources/display';

/** Twenty-five listings a page, paged by the server; the caption counts them all. */
const PAGE_SIZE = 25;

/** The listings not confirmed for a long time (the round's other half: whom to ask outside a round). */
export function StaleList() {
  const t = useT();
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  const stale = useServices({ stale: 'true', pageSize: PAGE_SIZE, page });
  return (
    <QueryState query={stale}>
      {(data) =>
        data.items.length === 0 ? (
          <p role="status">{t('resources.rounds.noStale')}</p>
        ) : (
          <>
            <Table caption={t('resources.rounds.staleCaption', { n: formatNumber(data.total, locale) })}>
              <thead>
                <tr>
                  <Th>{t('resources.name')}</Th>
                  <Th>{t('resources.municipality')}</Th>
                  <Th>{t('resources.lastConfirmed')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <RowTh>
                      <Link to="/resources/services/$serviceId" params={{ serviceId: s.id }}>
                        {s.name}
                      </Link>
                    </RowTh>
                    <Td>{s.municipalityName ?? s.municipalityCode}</Td>
                    <Td>
                      {s.lastConfirmedAt
                        ? bothCalendars(s.lastConfirmedAt, locale)
                        : t('resources.neverConfirmed')}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {data.total > PAGE_SIZE && (
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            )}
          </>
        )
      }
    </QueryState>
  );
}
