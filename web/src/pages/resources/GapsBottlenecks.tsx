import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField } from '../../components/Field';
import { Fold } from '../../components/Fold';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useRegions } from '../../lib/queries/network';
import {
  BOTTLENECK_KIND_CODES,
  type BottleneckKind,
  type Gaps,
  useCreateBottleneck,
  useDeleteBottleneck,
} from '../../lib/queries/resources';
import { bottleneckLabel, careLabel } from '../public/resources/display';

/** The coordinators' qualitative bottlenecks (NA-5): the list, removal, and the form to add one. */

function BottleneckForm({
  gaps,
  regionId,
  onRecorded,
}: {
  gaps: Gaps;
  regionId?: string;
  onRecorded: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const regions = useRegions();
  const create = useCreateBottleneck();
  const [form, setForm] = useState({
    regionId: regionId ?? '',
    careItem: '',
    kind: '' as BottleneckKind | '',
    note: '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.regionId || !form.kind) return;
    create.mutate(
      {
        regionId: form.regionId,
        careItem: form.careItem || null,
        kind: form.kind,
        note: form.note.trim() || null,
      },
      {
        onSuccess: () => {
          setForm((f) => ({ ...f, note: '' }));
          onRecorded();
        },
      },
    );
  };
  const regionOptions = (regions.data ?? []).map((r) => ({
    value: r.id,
    label: locale === 'en' && r.nameEn ? r.nameEn : r.name,
  }));
  return (
    <form
      onSubmit={submit}
      aria-labelledby="bottleneck-add"
      className="rounded-12 border border-solid-gray-420 p-4 print:hidden"
    >
      <h3 id="bottleneck-add" className="mb-3 text-std-20B-150">
        {t('resources.gaps.addBottleneck')}
      </h3>
      <div className="grid gap-x-4 md:grid-cols-3">
        <SelectField
          label={t('resources.region')}
          required
          value={form.regionId}
          onChange={(v) => setForm((f) => ({ ...f, regionId: v }))}
          emptyLabel={t('resources.gaps.chooseRegion')}
          options={regionOptions}
        />
        <SelectField
          label={t('resources.careItem')}
          value={form.careItem}
          onChange={(v) => setForm((f) => ({ ...f, careItem: v }))}
          emptyLabel={t('resources.gaps.allItems')}
          options={gaps.careItems.map((c) => ({ value: c.code, label: careLabel(c.code, locale) }))}
        />
        <SelectField
          label={t('resources.gaps.kind')}
          required
          value={form.kind}
          onChange={(v) => setForm((f) => ({ ...f, kind: v as BottleneckKind }))}
          emptyLabel={t('resources.gaps.chooseKind')}
          options={BOTTLENECK_KIND_CODES.map((k) => ({ value: k, label: bottleneckLabel(t, k) }))}
        />
      </div>
      <TextAreaField
        label={t('resources.gaps.note')}
        value={form.note}
        onChange={(v) => setForm((f) => ({ ...f, note: v }))}
      />
      <ApiErrorAlert error={create.error} />
      <Button type="submit" disabled={!form.regionId || !form.kind || create.isPending}>
        {t('resources.gaps.add')}
      </Button>
    </form>
  );
}

/** The form opens from its action, as the case page's do, and stays open to record several. */
function AddBottleneck({
  gaps,
  regionId,
  onRecorded,
}: {
  gaps: Gaps;
  regionId?: string;
  onRecorded: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (open) return <BottleneckForm gaps={gaps} regionId={regionId} onRecorded={onRecorded} />;
  return (
    <Button variant="secondary" onClick={() => setOpen(true)}>
      {t('resources.gaps.addBottleneck')}
    </Button>
  );
}

export function Bottlenecks({
  gaps,
  regionId,
  canWrite,
}: {
  gaps: Gaps;
  regionId?: string;
  canWrite: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const remove = useDeleteBottleneck();
  // The list is folded under its count; one just recorded opens it, so the user sees it among the others.
  const [recorded, setRecorded] = useState(0);
  return (
    <>
      {gaps.bottlenecks.length === 0 ? (
        <p className="mb-4">{t('resources.gaps.noBottlenecks')}</p>
      ) : (
        <Fold
          key={recorded}
          defaultOpen={recorded > 0}
          summary={t('resources.gaps.openBottlenecks', {
            n: formatNumber(gaps.bottlenecks.length, locale),
          })}
          testId="gaps-bottlenecks-fold"
        >
          <Table caption={t('resources.gaps.bottlenecksCaption')}>
            <thead>
              <tr>
                <Th>{t('resources.region')}</Th>
                <Th>{t('resources.careItem')}</Th>
                <Th>{t('resources.gaps.kind')}</Th>
                <Th>{t('resources.gaps.note')}</Th>
                <Th>{t('resources.gaps.recorded')}</Th>
                {canWrite && <Th>{t('resources.gaps.actions')}</Th>}
              </tr>
            </thead>
            <tbody>
              {gaps.bottlenecks.map((b) => (
                <tr key={b.id}>
                  <RowTh>{b.regionName}</RowTh>
                  <Td>{b.careItem ? careLabel(b.careItem, locale) : t('resources.gaps.allItems')}</Td>
                  <Td>{bottleneckLabel(t, b.kind)}</Td>
                  <Td className="whitespace-pre-line">{b.note ?? '—'}</Td>
                  <Td>
                    {formatDateTime(b.createdAt, locale)}
                    {b.createdBy && <span className="block text-dns-14N-130">{b.createdBy}</span>}
                  </Td>
                  {canWrite && (
                    <Td>
                      {b.allowed.delete && (
                        <Button
                          variant="danger"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(b.id)}
                        >
                          {t('resources.gaps.remove')}
                          <span className="sr-only">
                            {t('resources.gaps.removeWhat', {
                              what: `${b.regionName} ${bottleneckLabel(t, b.kind)}`,
                            })}
                          </span>
                        </Button>
                      )}
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </Fold>
      )}
      <ApiErrorAlert error={remove.error} />
      {canWrite && (
        <AddBottleneck gaps={gaps} regionId={regionId} onRecorded={() => setRecorded((n) => n + 1)} />
      )}
    </>
  );
}
