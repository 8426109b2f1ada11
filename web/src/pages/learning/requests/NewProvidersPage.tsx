import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { SelectField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { formatDay } from '../../../lib/format';
import { useNewProviders } from '../../../lib/queries/learning-requests';
import { forTrainingRoles } from '../courses/Guard';
import { writesRequests } from './access';
import { RequestStatusBadge } from './shared';

const LINK = 'text-key-900 underline underline-offset-4';
const PERIODS = [30, 90, 180, 365];

/** Providers newly added to the resources directory, to offer each a training (docs/learning.md §6). */
function NewProvidersPageInner() {
  const t = useT();
  const { locale } = useLocale();
  const [days, setDays] = useState(90);
  const providers = useNewProviders(days);
  return (
    <Page title={t('req.np.title')} intro={t('req.np.intro')}>
      <p className="mb-4">
        <Link to="/learning/requests" search={{}} className={LINK}>
          {t('req.title')}
        </Link>
      </p>
      <div className="max-w-xs">
        <SelectField
          label={t('req.np.days')}
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          options={PERIODS.map((n) => ({ value: String(n), label: t('req.np.daysOption', { n }) }))}
        />
      </div>
      <Section id="new-providers" title={t('req.results')}>
        <QueryState query={providers}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('req.np.empty')}</p>
            ) : (
              <Table caption={t('req.np.caption')}>
                <thead>
                  <tr>
                    <Th>{t('req.np.provider')}</Th>
                    <Th>{t('req.np.openedAt')}</Th>
                    <Th>{t('req.np.services')}</Th>
                    <Th>{t('req.np.request')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <tr key={p.id}>
                      <Td className="min-w-48">
                        <span className="block text-std-16B-170">{p.name}</span>
                        {p.municipalityName && (
                          <span className="block text-dns-14N-130 text-solid-gray-700">
                            {p.municipalityName}
                          </span>
                        )}
                      </Td>
                      <Td className="whitespace-nowrap">{formatDay(p.openedAt, locale)}</Td>
                      <Td>{p.services.join('、')}</Td>
                      <Td>
                        {p.request ? (
                          <Link
                            to="/learning/requests/$requestId"
                            params={{ requestId: p.request.id }}
                            className={LINK}
                          >
                            <RequestStatusBadge status={p.request.status} />
                          </Link>
                        ) : (
                          <Link
                            to="/learning/requests/new"
                            search={{ resourceOrganizationId: p.id }}
                            className={`${LINK} inline-flex min-h-11 items-center`}
                          >
                            {t('req.np.offer')}
                          </Link>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )
          }
        </QueryState>
      </Section>
    </Page>
  );
}

export const NewProvidersPage = forTrainingRoles(writesRequests, NewProvidersPageInner);
