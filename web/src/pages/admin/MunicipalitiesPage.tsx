import { useState } from 'react';
import { AdminFrame } from '../../components/AdminFrame';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { useMunicipalities } from '../../lib/queries/network';

function MunicipalitiesTable() {
  const t = useT();
  const municipalities = useMunicipalities();
  const [filter, setFilter] = useState('');
  return (
    <QueryState query={municipalities}>
      {(list) => {
        const f = filter.trim();
        const shown = f
          ? list.filter((m) => m.name.includes(f) || m.kana.includes(f) || m.code.startsWith(f))
          : list;
        return (
          <>
            <div className="max-w-md print:hidden">
              <TextField
                label={t('municipalities.filter')}
                value={filter}
                onChange={setFilter}
                autoComplete="off"
              />
            </div>
            <p role="status" className="mb-2 text-std-16N-170">
              {t('common.count', { n: shown.length })}
            </p>
            <Table caption={t('municipalities.title')} captionHidden>
              <thead>
                <tr>
                  <Th>{t('municipalities.code')}</Th>
                  <Th>{t('municipalities.name')}</Th>
                  <Th>{t('municipalities.kana')}</Th>
                  <Th>{t('municipalities.kind')}</Th>
                  <Th>{t('municipalities.region')}</Th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.code}>
                    <Td className="font-mono tabular-nums">{m.code}</Td>
                    <RowTh className="font-bold">{m.name}</RowTh>
                    <Td>{m.kana}</Td>
                    <Td>{t(`muniKind.${m.kind}`)}</Td>
                    <Td>{m.regionName ?? t('regions.unassigned')}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        );
      }}
    </QueryState>
  );
}

/** 市町村: the municipalities of the prefecture and the region each is in. */
export function MunicipalitiesPage() {
  const t = useT();
  return (
    <Page title={t('municipalities.title')} intro={t('municipalities.intro')}>
      <AdminFrame>
        <MunicipalitiesTable />
      </AdminFrame>
    </Page>
  );
}
