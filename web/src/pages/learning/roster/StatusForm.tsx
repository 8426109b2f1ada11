import { type FormEvent, useState } from 'react';
import { isoDateInJapan } from '../../../../../src/shared/dates';
import { parseJapaneseDate } from '../../../../../src/shared/wareki';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Fieldset, TextField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import type { RosterRow, useSetRosterStatus } from '../../../lib/queries/learning-roster';

/**
 * Records whether a trained coordinator is active and the day it was confirmed (和暦 or 西暦), with the version
 * read. A stale version (409) closes the form and hands the row as it is now to the page, which says so.
 */
export function StatusForm({
  row,
  save,
  onDone,
  onConflict,
  onCancel,
}: {
  row: RosterRow;
  /** Held by the table: the saved row may leave the rows filtered (and this form with it) once it is read again. */
  save: ReturnType<typeof useSetRosterStatus>;
  onDone: () => void;
  onConflict: (current: RosterRow | undefined) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [active, setActive] = useState(row.activity !== 'inactive');
  const [day, setDay] = useState(isoDateInJapan(new Date()));
  const [note, setNote] = useState(row.note ?? '');
  const [dayError, setDayError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const confirmedOn = parseJapaneseDate(day.trim());
    if (!confirmedOn) {
      setDayError(t('roster.form.dateInvalid'));
      return;
    }
    setDayError(null);
    save.mutate(
      {
        learnerUserId: row.learnerUserId,
        body: { version: row.version, active, confirmedOn, note: note || null },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error, 'conflict')) {
            onConflict((error.detail as { current?: RosterRow } | undefined)?.current);
          }
        },
      },
    );
  };
  const name = `roster-active-${row.learnerUserId}`;
  return (
    <form onSubmit={submit} className="rounded-8 border border-solid-gray-420 p-4">
      <Fieldset legend={t('roster.form.legend', { name: row.name })}>
        {(
          [
            [true, 'roster.form.active'],
            [false, 'roster.form.inactive'],
          ] as const
        ).map(([value, label]) => (
          <label key={label} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={name}
              checked={active === value}
              onChange={() => setActive(value)}
              className="size-6 accent-key-900"
            />
            {t(label)}
          </label>
        ))}
      </Fieldset>
      <TextField
        label={t('roster.form.confirmedOn')}
        hint={t('roster.form.confirmedOnHint')}
        value={day}
        onChange={setDay}
        error={dayError}
        required
      />
      <TextField label={t('roster.form.note')} value={note} onChange={setNote} maxLength={500} />
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
