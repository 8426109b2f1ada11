import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import {
  type FourDivisionRow,
  useEngagementOptions,
  type useSetCadence,
} from '../../lib/queries/engagements';

const MONTHS = Array.from({ length: 24 }, (_, i) => String(i + 1));

/**
 * A municipality's four-division meeting cycle: whether it is on one, from how many months after the last
 * meeting the next is due and after how many it is overdue, and whose it is. Sent with the version read.
 */
export function CadenceForm({
  row,
  save,
  onDone,
  onConflict,
  onCancel,
}: {
  row: FourDivisionRow;
  /** Held by the page: the saved row may leave the list shown (and this form with it) once it is read again. */
  save: ReturnType<typeof useSetCadence>;
  onDone: () => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const options = useEngagementOptions();
  const [active, setActive] = useState(row.onCycle || row.version === 0);
  const [minMonths, setMin] = useState(String(row.minMonths));
  const [maxMonths, setMax] = useState(String(row.maxMonths));
  const [owner, setOwner] = useState(row.ownerUserId ?? '');
  const [note, setNote] = useState(row.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        code: row.municipalityCode,
        body: {
          version: row.version,
          active,
          minMonths: Number(minMonths),
          maxMonths: Number(maxMonths),
          ownerUserId: owner || null,
          note: note || null,
        },
      },
      { onSuccess: onDone, onError: (err) => isApiError(err, 'conflict') && onConflict() },
    );
  };
  const months = MONTHS.map((m) => ({ value: m, label: t('eng.cycle.months', { n: m }) }));
  return (
    <form onSubmit={submit} className="rounded-8 border border-solid-gray-420 p-4">
      <Checkbox
        label={t('eng.cycle.active', { name: row.municipalityName })}
        checked={active}
        onChange={setActive}
      />
      <SelectField label={t('eng.cycle.min')} value={minMonths} onChange={setMin} options={months} />
      <SelectField label={t('eng.cycle.max')} value={maxMonths} onChange={setMax} options={months} />
      <SelectField
        label={t('eng.cycle.owner')}
        value={owner}
        onChange={setOwner}
        emptyLabel={t('eng.cycle.noOwner')}
        options={(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField label={t('eng.cycle.note')} value={note} onChange={setNote} maxLength={500} />
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
