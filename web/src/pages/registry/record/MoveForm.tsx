import { type FormEvent, useMemo, useState } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { useT } from '../../../i18n';
import { type ChildRecord, conflictOf, useRecordWrite } from '../../../lib/queries/child-record';
import { useMunicipalities } from '../../../lib/queries/network';
import { todayIso } from './dates';
import { EditPanel } from './EditPanel';
import { bodyOf, type FieldDef, FieldInputs, type Values } from './ItemForm';

/**
 * 転居: the child moves to another municipality. The old residence is closed on the day before; the new
 * municipality's staff are notified and the old one keeps read access to what it recorded.
 */
export function MoveForm({
  child,
  onDone,
  onCancel,
}: {
  child: ChildRecord;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const municipalities = useMunicipalities();
  const write = useRecordWrite(child.id);
  const fields = useMemo<FieldDef[]>(
    () => [
      {
        name: 'municipalityCode',
        label: 'move.municipality',
        kind: 'select',
        required: true,
        options: (municipalities.data ?? [])
          .filter((m) => m.code !== child.municipalityCode)
          .map((m) => ({ value: m.code, label: m.name })),
      },
      { name: 'movedOn', label: 'move.movedOn', kind: 'date', required: true },
      { name: 'address', label: 'field.address', kind: 'text', wide: true },
    ],
    [municipalities.data, child.municipalityCode],
  );
  const [values, setValues] = useState<Values>({ municipalityCode: '', movedOn: todayIso(), address: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [version, setVersion] = useState<number | null>(child.version);
  const set = (name: string, value: string | boolean) => setValues((prev) => ({ ...prev, [name]: value }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { body, errors: found } = bodyOf(fields, values, t);
    setErrors(found);
    const first = fields.find((f) => found[f.name]);
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[data-field="${first.name}"]`)?.focus();
      return;
    }
    const name = fields[0]?.options?.find((o) => o.value === body.municipalityCode)?.label ?? '';
    write.mutate(
      { method: 'POST', path: '/move', body: { ...body, version: version ?? child.version } },
      {
        onSuccess: () => onDone(t('move.done', { name })),
        onError: (err) => {
          const c = conflictOf(err, child.id);
          // Re-applying uses the version saved now (from the answer, or the reloaded record).
          if (c) setVersion(c.current?.version ?? null);
        },
      },
    );
  };

  return (
    <EditPanel title={t('move.title')}>
      <p className="mb-4 max-w-3xl text-std-16N-170">{t('move.intro', { name: child.municipalityName })}</p>
      <form onSubmit={submit} noValidate>
        {conflictOf(write.error, child.id) ? (
          <ErrorAlert>
            <p>{t('common.conflict')}</p>
            <p>{t('record.conflictReapply')}</p>
          </ErrorAlert>
        ) : (
          <ApiErrorAlert error={write.error} />
        )}
        <FieldInputs fields={fields} values={values} errors={errors} set={set} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={write.isPending}>
            {write.isPending ? t('common.saving') : t('move.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </EditPanel>
  );
}
