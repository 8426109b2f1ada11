import { type FormEvent, useState } from 'react';
import { COORDINATOR_TIER_LABELS } from '../../../../src/shared/vocab/network';
import { AdminFrame } from '../../components/AdminFrame';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { fullName } from '../../lib/format';
import { type PeopleFilters, useOrganisations, usePeople } from '../../lib/queries/network';
import { useEditor } from '../../lib/use-editor';
import { PersonForm } from './PersonForm';

/** People a page: a prefecture's network runs to hundreds; the search narrows it. */
const PAGE_SIZE = 25;

function PeopleAdmin() {
  const t = useT();
  const [filters, setFilters] = useState<PeopleFilters>({});
  const [organisationId, setOrganisationId] = useState('');
  const [q, setQ] = useState('');
  const people = usePeople({ ...filters, pageSize: PAGE_SIZE });
  // The organisations offered in the filter and the form (the API's largest page).
  const organisations = useOrganisations({ pageSize: 200 });
  const organisationOptions = (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const { editing, open, close, saved, lostRace, message, conflict } = useEditor();

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ organisationId: organisationId || undefined, q: q.trim() || undefined });
  };

  return (
    <>
      <search>
        <form onSubmit={search} className="mb-6 rounded-12 border border-solid-gray-300 p-4 print:hidden">
          <div className="grid grid-cols-1 gap-x-4 md:grid-cols-2">
            <SelectField
              label={t('people.organisation')}
              value={organisationId}
              onChange={setOrganisationId}
              emptyLabel={t('common.all')}
              options={organisationOptions}
            />
            <TextField label={t('people.q')} value={q} onChange={setQ} autoComplete="off" />
          </div>
          <Button type="submit">{t('common.search')}</Button>
        </form>
      </search>
      <StatusMessage>{message}</StatusMessage>
      {conflict && <ErrorAlert>{t('common.conflict')}</ErrorAlert>}
      <div className="mb-4 flex justify-end print:hidden">
        <Button onClick={() => open({ kind: 'create' })}>{t('people.createTitle')}</Button>
      </div>
      <QueryState query={people}>
        {(data) => {
          const current =
            editing.kind === 'edit' ? (data.items.find((p) => p.id === editing.id) ?? null) : null;
          return (
            <>
              <Pagination
                page={filters.page ?? 1}
                pageSize={PAGE_SIZE}
                total={data.total}
                onPage={(page) => setFilters((f) => ({ ...f, page }))}
              />
              {data.items.length === 0 ? (
                <p className="mb-6">{t('common.noResults')}</p>
              ) : (
                <Table caption={t('people.title')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('people.name')}</Th>
                      <Th>{t('people.organisation')}</Th>
                      <Th>{t('people.profession')}</Th>
                      <Th>{t('people.tier')}</Th>
                      <Th>{t('people.phone')}</Th>
                      <Th className="print:hidden">{t('common.actions')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((p) => {
                      const name = fullName(p.familyName, p.givenName);
                      return (
                        <tr key={p.id}>
                          <RowTh>
                            <span className="font-bold">{name}</span>
                            {(p.familyKana || p.givenKana) && (
                              <span className="block text-dns-14N-130 text-solid-gray-700">
                                {fullName(p.familyKana ?? '', p.givenKana ?? '')}
                              </span>
                            )}
                          </RowTh>
                          <Td>{p.organisationName ?? t('common.none')}</Td>
                          <Td>{p.profession ?? t('common.none')}</Td>
                          <Td>
                            {p.coordinatorTier
                              ? vocab(t, COORDINATOR_TIER_LABELS, p.coordinatorTier)
                              : t('common.none')}
                          </Td>
                          <Td className="tabular-nums">
                            {p.phone ?? t('common.none')}
                            {p.email && <span className="block break-all">{p.email}</span>}
                          </Td>
                          <Td className="print:hidden">
                            <Button
                              variant="secondary"
                              aria-label={`${t('common.edit')}: ${name}`}
                              onClick={() => open({ kind: 'edit', id: p.id })}
                            >
                              {t('common.edit')}
                            </Button>
                          </Td>
                        </tr>
                      );
                    })}
                  </tbody>
                </Table>
              )}
              {editing.kind !== 'closed' && (
                <PersonForm
                  key={current ? `${current.id}-${current.version}` : 'new'}
                  person={current}
                  organisationOptions={organisationOptions}
                  onSaved={(name) => saved(`${name}: ${t('common.saved')}`)}
                  onConflict={lostRace}
                  onCancel={close}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

/** 関係者: the professionals of the network (not users of the system). */
export function PeoplePage() {
  const t = useT();
  return (
    <Page title={t('people.title')}>
      <AdminFrame>
        <PeopleAdmin />
      </AdminFrame>
    </Page>
  );
}
