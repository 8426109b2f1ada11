import { type FormEvent, useState } from 'react';
import { isoDateInJapan } from '../../../../src/shared/dates';
import {
  MATURITY_ITEM_LABELS,
  MATURITY_OPTION_LABELS,
  MATURITY_OPTIONS,
  MATURITY_STATUSES,
  type MaturityItem,
  maturityStatusLabel,
} from '../../../../src/shared/vocab/municipalities';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, TextAreaField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { type MaturityValue, useSetMaturity } from '../../lib/queries/municipalities';
import { parseDay, SourceFields, type SourceState } from './SourceFields';

/**
 * Records one maturity item: its status, the options that belong to it (how a coordinator is funded, whether
 * education attends the council …), a note, where it came from and the day it held, with the version read. A
 * stale version (409) closes the form and hands the value as it is now to the page, which says so.
 */
export function MaturityForm({
  code,
  item,
  current,
  onDone,
  onConflict,
  onCancel,
}: {
  code: string;
  item: MaturityItem;
  current: MaturityValue | null;
  onDone: () => void;
  onConflict: (now: MaturityValue | null) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [status, setStatus] = useState<string>(current?.status ?? '');
  const [options, setOptions] = useState<string[]>(current?.options ?? []);
  const [note, setNote] = useState(current?.note ?? '');
  const [src, setSrc] = useState<SourceState>({
    source: current?.source ?? 'hearing',
    sourceNote: '',
    asOf: isoDateInJapan(new Date()),
  });
  const [errors, setErrors] = useState<{ status?: string; day?: string }>({});
  const save = useSetMaturity(code);
  const label = vocab(t, MATURITY_ITEM_LABELS, item);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const asOf = parseDay(src.asOf);
    const next = {
      status: status ? undefined : t('muni.form.statusRequired'),
      day: asOf ? undefined : t('muni.form.dateInvalid'),
    };
    setErrors(next);
    if (next.status || next.day || !asOf) return;
    save.mutate(
      {
        item,
        body: {
          status,
          options,
          note: note || null,
          source: src.source,
          sourceNote: src.sourceNote || null,
          asOf,
          version: current?.version ?? 0,
        },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error, 'conflict')) {
            onConflict((error.detail as { current?: MaturityValue | null } | undefined)?.current ?? null);
          }
        },
      },
    );
  };
  const name = `muni-status-${item}`;
  return (
    <form onSubmit={submit} className="mt-3 rounded-8 border border-solid-gray-420 p-4" aria-label={label}>
      <Fieldset legend={t('muni.form.status', { item: label })} required error={errors.status}>
        {MATURITY_STATUSES[item].map((s) => (
          <label key={s} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={name}
              checked={status === s}
              onChange={() => setStatus(s)}
              className="size-6 accent-key-900"
            />
            {maturityStatusLabel(item, s, t.locale)}
          </label>
        ))}
      </Fieldset>
      <Fieldset legend={t(`muni.form.options.${item}`)}>
        {MATURITY_OPTIONS[item].map((o) => (
          <Checkbox
            key={o}
            label={vocab(t, MATURITY_OPTION_LABELS, o)}
            checked={options.includes(o)}
            onChange={(on) => setOptions(on ? [...options, o] : options.filter((x) => x !== o))}
          />
        ))}
      </Fieldset>
      <TextAreaField label={t('muni.form.note')} value={note} onChange={setNote} />
      <SourceFields value={src} onChange={setSrc} dayError={errors.day ?? null} />
      {save.error && !isApiError(save.error, 'conflict') ? <ApiErrorAlert error={save.error} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
