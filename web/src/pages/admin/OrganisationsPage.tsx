import { type FormEvent, useState } from 'react';
import { DIVISION_LABELS, ORGANISATION_KIND_LABELS } from '../../../../src/shared/vocab/network';
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
import {
  ORGANISATION_KINDS,
  type OrganisationFilters,
  useMunicipalities,
  useOrganisations,
} from '../../lib/queries/network';
import { useEditor } from '../../lib/use-editor';
import { OrganisationForm } from './OrganisationForm';

/** Organisations a page: a prefecture's network runs to hundreds; the search narrows it. */
const PAGE_SIZE = 25;

function OrganisationsAdmin() {
  const t = useT();
  const [filters, setFilters] = useState<OrganisationFilters>({});
  const [kind, setKind] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [q, setQ] = useState('');
  const organisations = useOrganisations({ ...filters, pageSize: PAGE_SIZE });
  const municipalities = useMunicipalities();
  const { editing, open, close, saved, lostRace, message, conflict } = useEditor();
  const names = new Map((municipalities.data ?? []).map((m) => [m.code, m.name]));

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters({
      kind: kind || undefined,
      municipality: municipality || undefined,
      q: q.trim() || undefined,
    });
  };

  return (
    <>
      <search>
        <form onSubmit={search} className="mb-6 rounded-12 border border-solid-gray-300 p-4 print:hidden">
          <div className="grid grid-cols-1 gap-x-4 md:grid-cols-3">
            <SelectField
              label={t('organisations.kind')}
              value={kind}
              onChange={setKind}
              emptyLabel={t('common.all')}
              options={ORGANISATION_KINDS.map((k) => ({
                value: k,
                label: vocab(t, ORGANISATION_KIND_LABELS, k),
              }))}
            />
            <SelectField
              label={t('organisations.municipality')}
              value={municipality}
              onChange={setMunicipality}
              emptyLabel={t('common.all')}
              options={(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
            />
            <TextField label={t('organisations.q')} value={q} onChange={setQ} autoComplete="off" />
          </div>
          <Button type="submit">{t('common.search')}</Button>
        </form>
      </search>
      <StatusMessage>{message}</StatusMessage>
      {conflict && <ErrorAlert>{t('common.conflict')}</ErrorAlert>}
      <div className="mb-4 flex justify-end print:hidden">
        <Button onClick={() => open({ kind: 'create' })}>{t('organisations.createTitle')}</Button>
      </div>
      <QueryState query={organisations}>
        {(data) => {
          const current =
            editing.kind === 'edit' ? (data.items.find((o) => o.id === editing.id) ?? null) : null;
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
                <Table caption={t('organisations.title')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('organisations.name')}</Th>
                      <Th>{t('organisations.kind')}</Th>
                      <Th>{t('organisations.municipality')}</Th>
                      <Th>{t('organisations.address')}</Th>
                      <Th className="print:hidden">{t('common.actions')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((o) => (
                      <tr key={o.id}>
                        <RowTh>
                          <span className="font-bold">{o.name}</span>
                          {o.kana && (
                            <span className="block text-dns-14N-130 text-solid-gray-700">{o.kana}</span>
                          )}
                        </RowTh>
                        <Td>
                          {vocab(t, ORGANISATION_KIND_LABELS, o.kind)}
                          {o.division && (
                            <span className="block">{vocab(t, DIVISION_LABELS, o.division)}</span>
                          )}
                        </Td>
                        <Td>
                          {o.municipalityName ??
                            (o.municipalityCode && names.get(o.municipalityCode)) ??
                            t('common.none')}
                        </Td>
                        <Td>
                          {o.address ?? t('common.none')}
                          {o.phone && <span className="block tabular-nums">{o.phone}</span>}
                        </Td>
                        <Td className="print:hidden">
                          <Button
                            variant="secondary"
                            aria-label={`${t('common.edit')}: ${o.name}`}
                            onClick={() => open({ kind: 'edit', id: o.id })}
                          >
                            {t('common.edit')}
                          </Button>
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
              {editing.kind !== 'closed' && municipalities.data && (
                <OrganisationForm
                  key={current ? `${current.id}-${current.version}` : 'new'}
                  organisation={current}
                  municipalities={municipalities.data}
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

/** 関係機関: hospitals, providers, schools, municipal divisions … of the prefecture. */
export function OrganisationsPage() {
  const t = useT();
  return (
    <Page title={t('organisations.title')}>
      <AdminFrame>
        <OrganisationsAdmin />
      </AdminFrame>
    </Page>
  );
}
