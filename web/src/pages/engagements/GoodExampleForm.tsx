import { type FormEvent, useState } from 'react';
import {
  GOOD_EXAMPLE_USE_LABELS,
  GOOD_EXAMPLE_USES,
  type GoodExampleUse,
} from '../../../../src/shared/vocab/engagements';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { type Engagement, useSetGoodExample } from '../../lib/queries/engagements';

/** Marks an engagement a good example — where to present it and why — or takes the mark off. */
export function GoodExampleForm({
  e,
  onDone,
  onConflict,
  onCancel,
}: {
  e: Engagement;
  onDone: () => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [uses, setUses] = useState<GoodExampleUse[]>(e.goodExample ? e.goodExampleUses : ['liaison_meeting']);
  const [note, setNote] = useState(e.goodExampleNote ?? '');
  const save = useSetGoodExample();
  const send = (goodExample: boolean) =>
    save.mutate(
      { id: e.id, body: { version: e.version, goodExample, uses, note: note || null } },
      { onSuccess: onDone, onError: (err) => isApiError(err, 'conflict') && onConflict() },
    );
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    send(true);
  };
  return (
    <form onSubmit={submit} className="mb-6 max-w-2xl rounded-8 border border-solid-gray-420 p-4">
      <Fieldset legend={t('eng.good.uses')}>
        {GOOD_EXAMPLE_USES.map((u) => (
          <Checkbox
            key={u}
            label={vocab(t, GOOD_EXAMPLE_USE_LABELS, u)}
            checked={uses.includes(u)}
            onChange={(on) => setUses(on ? [...uses, u] : uses.filter((x) => x !== u))}
          />
        ))}
      </Fieldset>
      <TextField label={t('eng.good.note')} value={note} onChange={setNote} maxLength={500} />
      {save.error && !isApiError(save.error, 'conflict') ? <ApiErrorAlert error={save.error} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t('eng.good.mark')}
        </Button>
        {e.goodExample && (
          <Button variant="secondary" disabled={save.isPending} onClick={() => send(false)}>
            {t('eng.good.unmark')}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
