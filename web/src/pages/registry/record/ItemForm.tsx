import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Checkbox, type Option, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { type MessageKey, useT } from '../../../i18n';
import {
  type ChildRecord,
  conflictOf,
  type RecordWrite,
  useRecordWrite,
} from '../../../lib/queries/child-record';
import { readDate } from './dates';
import { EditPanel } from './EditPanel';
import { OrganisationPicker } from './OrganisationPicker';

/**
 * A form built from field definitions, for the parts of a record that are lists (guardians, devices …).
 * Dates accept 和暦; every save sends the record version the form was opened on.
 */

export type FieldKind = 'text' | 'date' | 'number' | 'textarea' | 'select' | 'checkbox' | 'organisation';
export type FieldDef = {
  name: string;
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
  options?: readonly Option[];
  hint?: MessageKey;
  autoComplete?: string;
  wide?: boolean;
};
export type Values = Record<string, string | boolean>;

/** Form values of a row (or empty ones for a new row). */
export function valuesOf(fields: readonly FieldDef[], row?: Record<string, unknown>): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = row?.[f.name];
    if (f.kind === 'checkbox') out[f.name] = v === true;
    else out[f.name] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** The request body, or the errors per field. */
export function bodyOf(
  fields: readonly FieldDef[],
  values: Values,
  t: ReturnType<typeof useT>,
): { body: Record<string, unknown>; errors: Record<string, string> } {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === 'checkbox') {
      body[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    const label = t(f.label);
    if (f.kind === 'date') {
      const { iso, error } = readDate(text, t, label, f.required);
      if (error) errors[f.name] = error;
      body[f.name] = iso;
      continue;
    }
    if (!text) {
      if (f.required) errors[f.name] = t('validation.required', { field: label });
      body[f.name] = null;
      continue;
    }
    if (f.kind === 'number') {
      const n = Number(text.normalize('NFKC'));
      if (!Number.isFinite(n) || n < 0) errors[f.name] = t('validation.number', { field: label });
      body[f.name] = n;
      continue;
    }
    body[f.name] = text;
  }
  return { body, errors };
}

export function ItemForm({
  child,
  title,
  level,
  fields,
  initial,
  request,
  transform = (body) => body,
  onDone,
  onCancel,
}: {
  child: ChildRecord;
  title: string;
  level?: 3 | 4;
  fields: readonly FieldDef[];
  initial: Values;
  request: Pick<RecordWrite, 'method' | 'path'>;
  /** Turns the form's body into the request's (e.g. a yes/no select into a boolean). */
  transform?: (body: Record<string, unknown>) => Record<string, unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const write = useRecordWrite(child.id);
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The version this form edits; after a conflict the user re-applies on the version now saved.
  const [version, setVersion] = useState<number | null>(child.version);
  const conflict = conflictOf(write.error, child.id);
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
    write.mutate(
      { ...request, body: { ...transform(body), version: version ?? child.version } },
      {
        onSuccess: onDone,
        onError: (err) => {
          const c = conflictOf(err, child.id);
          // Re-applying uses the version saved now (from the answer, or the reloaded record).
          if (c) setVersion(c.current?.version ?? null);
        },
      },
    );
  };

  return (
    <EditPanel title={title} level={level}>
      <form onSubmit={submit} noValidate>
        {conflict ? (
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

/** The inputs of a form built from field definitions, two columns from tablet width. */
export function FieldInputs({
  fields,
  values,
  errors,
  set,
}: {
  fields: readonly FieldDef[];
  values: Values;
  errors: Record<string, string>;
  set: (name: string, value: string | boolean) => void;
}) {
  const t = useT();
  return (
    <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
      {fields.map((f) => {
        const common = {
          label: t(f.label),
          required: f.required,
          error: errors[f.name] ?? null,
          'data-field': f.name,
        };
        const value = values[f.name];
        const text = typeof value === 'string' ? value : '';
        const wide = f.wide || f.kind === 'textarea' ? 'md:col-span-2' : '';
        switch (f.kind) {
          case 'checkbox':
            return (
              <div key={f.name} className={`mb-5 ${wide}`}>
                <Checkbox label={t(f.label)} checked={value === true} onChange={(v) => set(f.name, v)} />
              </div>
            );
          case 'textarea':
            return (
              <div key={f.name} className={wide}>
                <TextAreaField
                  label={t(f.label)}
                  value={text}
                  onChange={(v) => set(f.name, v)}
                  error={errors[f.name] ?? null}
                />
              </div>
            );
          case 'select':
            return (
              <SelectField
                key={f.name}
                {...common}
                wrapperClassName={wide}
                value={text}
                onChange={(v) => set(f.name, v)}
                options={f.options ?? []}
                emptyLabel={t('common.choose')}
              />
            );
          case 'organisation':
            return (
              <div key={f.name} className="md:col-span-2">
                <OrganisationPicker
                  label={t(f.label)}
                  required={f.required}
                  value={text}
                  onChange={(v) => set(f.name, v)}
                  error={errors[f.name] ?? null}
                />
              </div>
            );
          default:
            return (
              <TextField
                key={f.name}
                {...common}
                wrapperClassName={wide}
                value={text}
                onChange={(v) => set(f.name, v)}
                hint={f.kind === 'date' ? t('record.dateHint') : f.hint ? t(f.hint) : undefined}
                inputMode={f.kind === 'number' ? 'decimal' : undefined}
                autoComplete={f.autoComplete ?? 'off'}
              />
            );
        }
      })}
    </div>
  );
}
