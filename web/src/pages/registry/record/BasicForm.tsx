import { type FormEvent, useMemo, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { useLocale, useT } from '../../../i18n';
import { api } from '../../../lib/api';
import {
  type ChildRecord,
  conflictOf,
  normaliseRecord,
  useRecordWrite,
} from '../../../lib/queries/child-record';
import { basicFields } from './basic-fields';
import { type ConflictRow, ConflictView } from './ConflictView';
import { displayValue, fieldLabel } from './display';
import { EditPanel } from './EditPanel';
import { bodyOf, FieldInputs, type Values, valuesOf } from './ItemForm';

type Conflict = { saved: ChildRecord; changed: string[] };

const field = (record: ChildRecord, name: string): unknown =>
  (record as unknown as Record<string, unknown>)[name] ?? null;

/**
 * Edits the basic facts of a record. Only the fields the user changed are sent, with the version read;
 * a 409 shows the conflict view and writes nothing until the user chooses.
 */
export function BasicForm({
  child,
  onDone,
  onCancel,
}: {
  child: ChildRecord;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const fields = useMemo(() => basicFields(t), [t]);
  const write = useRecordWrite(child.id);
  // The record as it was when the user started editing: what "changed" means, and the version sent.
  const [base, setBase] = useState<ChildRecord>(child);
  const [values, setValues] = useState<Values>(() => valuesOf(fields, child));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (name: string, value: string | boolean) => setValues((prev) => ({ ...prev, [name]: value }));

  const read = () => bodyOf(fields, values, t);
  const changedByUser = (body: Record<string, unknown>) =>
    fields.filter((f) => (body[f.name] ?? null) !== field(base, f.name)).map((f) => f.name);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setNotice(null);
    const { body, errors: found } = read();
    setErrors(found);
    const first = fields.find((f) => found[f.name]);
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[data-field="${first.name}"]`)?.focus();
      return;
    }
    const changed = changedByUser(body);
    if (changed.length === 0) {
      onDone(t('record.noChange'));
      return;
    }
    const patch = Object.fromEntries(changed.map((name) => [name, body[name]]));
    write.mutate(
      { method: 'PATCH', path: '', body: { version: base.version, ...patch } },
      {
        onSuccess: () => onDone(t('record.savedBasic')),
        onError: async (err) => {
          const c = conflictOf(err, child.id);
          if (!c) return;
          const saved =
            c.current ??
            normaliseRecord(await api.get<ChildRecord>(`/api/children/${encodeURIComponent(child.id)}`));
          const changedSince =
            c.changedFields.length > 0
              ? c.changedFields
              : fields.filter((f) => field(saved, f.name) !== field(base, f.name)).map((f) => f.name);
          setConflict({ saved, changed: changedSince });
        },
      },
    );
  };

  const conflictRows = (c: Conflict): ConflictRow[] => {
    const { body } = read();
    const mine = new Set(changedByUser(body));
    const names = [...new Set([...c.changed, ...mine])];
    return names.map((name) => ({
      field: name,
      label: fieldLabel(t, name),
      mine: displayValue(t, locale, name, name in body ? body[name] : field(base, name)),
      saved: displayValue(t, locale, name, field(c.saved, name)),
      youChanged: mine.has(name),
    }));
  };

  const reapply = (c: Conflict) => {
    const { body } = read();
    const mine = new Set(changedByUser(body));
    const savedValues = valuesOf(fields, c.saved as unknown as Record<string, unknown>);
    const next: Values = {};
    for (const f of fields) next[f.name] = (mine.has(f.name) ? values[f.name] : savedValues[f.name]) ?? '';
    setBase(c.saved);
    setValues(next);
    setConflict(null);
    write.reset();
    setNotice(t('conflict.reapplied'));
  };

  const discard = (c: Conflict) => {
    setBase(c.saved);
    setValues(valuesOf(fields, c.saved as unknown as Record<string, unknown>));
    setConflict(null);
    write.reset();
    setNotice(t('conflict.discarded'));
  };

  return (
    <EditPanel title={t('record.editBasic')}>
      <form onSubmit={submit} noValidate>
        {conflict ? (
          <ConflictView
            rows={conflictRows(conflict)}
            onReapply={() => reapply(conflict)}
            onDiscard={() => discard(conflict)}
          />
        ) : (
          !conflictOf(write.error, child.id) && <ApiErrorAlert error={write.error} />
        )}
        <StatusMessage tone="info">{notice}</StatusMessage>
        <FieldInputs fields={fields} values={values} errors={errors} set={set} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={write.isPending || conflict !== null}>
            {write.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </EditPanel>
  );
}
