import { useState } from 'react';
import { AdminFrame } from '../../components/AdminFrame';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { type Region, useDeleteRegion, useMunicipalities, useRegions } from '../../lib/queries/network';
import { useEditor } from '../../lib/use-editor';
import { RegionForm } from './RegionForm';

function RegionsAdmin() {
  const t = useT();
  const regions = useRegions();
  const municipalities = useMunicipalities();
  const remove = useDeleteRegion();
  const { editing, open, close, saved, lostRace, notify, message, conflict } = useEditor();
  const [deleting, setDeleting] = useState<Region | null>(null);

  const names = new Map((municipalities.data ?? []).map((m) => [m.code, m.name]));

  return (
    <QueryState query={regions}>
      {(list) => {
        const current = editing.kind === 'edit' ? (list.find((r) => r.id === editing.id) ?? null) : null;
        return (
          <>
            <StatusMessage>{message}</StatusMessage>
            {conflict && <ErrorAlert>{t('common.conflict')}</ErrorAlert>}
            <ApiErrorAlert error={remove.error} />
            <div className="mb-4 flex justify-end print:hidden">
              <Button onClick={() => open({ kind: 'create' })}>{t('regions.createTitle')}</Button>
            </div>
            {list.length === 0 ? (
              <p className="mb-6">{t('regions.empty')}</p>
            ) : (
              <Table caption={t('regions.title')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('regions.name')}</Th>
                    <Th>{t('regions.municipalities')}</Th>
                    <Th>{t('regions.sortOrder')}</Th>
                    <Th className="print:hidden">{t('common.actions')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id}>
                      <RowTh>
                        <span className="font-bold">{r.name}</span>
                        {r.nameEn && (
                          <span lang="en" className="block text-dns-14N-130 text-solid-gray-700">
                            {r.nameEn}
                          </span>
                        )}
                      </RowTh>
                      <Td>
                        <span className="block font-bold">
                          {t('regions.municipalityCount', { n: r.municipalityCodes.length })}
                        </span>
                        <span className="text-dns-14N-130 text-solid-gray-700">
                          {r.municipalityCodes.map((c) => names.get(c) ?? c).join('、')}
                        </span>
                      </Td>
                      <Td className="tabular-nums">{r.sortOrder}</Td>
                      <Td className="whitespace-nowrap print:hidden">
                        <div className="flex flex-wrap gap-2">
                          <Button
                            variant="secondary"
                            aria-label={`${t('common.edit')}: ${r.name}`}
                            onClick={() => open({ kind: 'edit', id: r.id })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            variant="danger"
                            aria-label={`${t('common.delete')}: ${r.name}`}
                            onClick={() => setDeleting(r)}
                          >
                            {t('common.delete')}
                          </Button>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {editing.kind !== 'closed' && municipalities.data && (
              <RegionForm
                key={current ? `${current.id}-${current.version}` : 'new'}
                region={current}
                regions={list}
                municipalities={municipalities.data}
                onSaved={(name, created) =>
                  saved(t(created ? 'regions.created' : 'regions.updated', { name }))
                }
                onConflict={lostRace}
                onCancel={close}
              />
            )}
            <ConfirmDialog
              open={deleting !== null}
              danger
              message={deleting ? t('regions.confirmDelete', { name: deleting.name }) : ''}
              confirmLabel={t('common.delete')}
              onCancel={() => setDeleting(null)}
              onConfirm={() => {
                const target = deleting;
                setDeleting(null);
                if (!target) return;
                remove.mutate(target.id, {
                  onSuccess: () => notify(t('regions.deleted', { name: target.name })),
                });
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}

/** 圏域: list, create, edit (version-aware) and delete. */
export function RegionsPage() {
  const t = useT();
  return (
    <Page title={t('regions.title')} intro={t('regions.intro')}>
      <AdminFrame>
        <RegionsAdmin />
      </AdminFrame>
    </Page>
  );
}
