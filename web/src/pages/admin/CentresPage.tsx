import { AdminFrame } from '../../components/AdminFrame';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { useCentres, useRegions } from '../../lib/queries/network';
import { useEditor } from '../../lib/use-editor';
import { CentreForm } from './CentreForm';

function CentresAdmin() {
  const t = useT();
  const centres = useCentres();
  const regions = useRegions();
  const { editing, open, close, saved, lostRace, message, conflict } = useEditor();
  const regionNames = new Map((regions.data ?? []).map((r) => [r.id, r.name]));
  return (
    <QueryState query={centres}>
      {(list) => {
        const current = editing.kind === 'edit' ? (list.find((c) => c.id === editing.id) ?? null) : null;
        const byId = new Map(list.map((c) => [c.id, c.name]));
        // The headquarters first, then branches, each in name order.
        const sorted = [...list].sort((a, b) =>
          a.kind === b.kind ? a.name.localeCompare(b.name, 'ja') : a.kind === 'hq' ? -1 : 1,
        );
        return (
          <>
            <StatusMessage>{message}</StatusMessage>
            {conflict && <ErrorAlert>{t('common.conflict')}</ErrorAlert>}
            <div className="mb-4 flex justify-end print:hidden">
              <Button onClick={() => open({ kind: 'create' })}>{t('centres.createTitle')}</Button>
            </div>
            {list.length === 0 ? (
              <p className="mb-6">{t('centres.empty')}</p>
            ) : (
              <Table caption={t('centres.title')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('centres.name')}</Th>
                    <Th>{t('centres.kind')}</Th>
                    <Th>{t('centres.operator')}</Th>
                    <Th>{t('centres.address')}</Th>
                    <Th>{t('centres.regions')}</Th>
                    <Th className="print:hidden">{t('common.actions')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((c) => (
                    <tr key={c.id}>
                      <RowTh className="font-bold">{c.name}</RowTh>
                      <Td className="whitespace-nowrap">
                        {t(c.kind === 'hq' ? 'centres.kind.hq' : 'centres.kind.branch')}
                        {c.parentId && byId.get(c.parentId) && (
                          <span className="block text-dns-14N-130 text-solid-gray-700">
                            {byId.get(c.parentId)}
                          </span>
                        )}
                      </Td>
                      <Td>{c.operator ?? t('common.none')}</Td>
                      <Td>
                        {c.address ?? t('common.none')}
                        {c.phone && <span className="block tabular-nums">{c.phone}</span>}
                      </Td>
                      <Td>
                        {c.regionIds.map((id) => regionNames.get(id) ?? id).join('、') || t('common.none')}
                      </Td>
                      <Td className="print:hidden">
                        <Button
                          variant="secondary"
                          aria-label={`${t('common.edit')}: ${c.name}`}
                          onClick={() => open({ kind: 'edit', id: c.id })}
                        >
                          {t('common.edit')}
                        </Button>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {editing.kind !== 'closed' && regions.data && (
              <CentreForm
                key={current ? `${current.id}-${current.version}` : 'new'}
                centre={current}
                centres={list}
                regions={regions.data}
                onSaved={(name) => saved(`${name}: ${t('common.saved')}`)}
                onConflict={lostRace}
                onCancel={close}
              />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** センター・支部: the headquarters and branches, and the regions each branch covers. */
export function CentresPage() {
  const t = useT();
  return (
    <Page title={t('centres.title')}>
      <AdminFrame>
        <CentresAdmin />
      </AdminFrame>
    </Page>
  );
}
