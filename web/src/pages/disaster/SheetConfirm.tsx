import { useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { type EmergencySheetView, useConfirmEmergencySheet } from '../../lib/queries/disaster';

/**
 * The family's confirmation of the emergency sheet (docs/disaster.md §7): who confirmed it and when, and the action
 * that records it. It stays in view while the sheet's content is folded. Keyed by the sheet's version like the
 * content's form: the confirmation message goes to the page (`onDone`).
 */
export function SheetConfirm({
  data,
  childId,
  onDone,
}: {
  data: EmergencySheetView;
  childId: string;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const confirm = useConfirmEmergencySheet(childId);
  const [by, setBy] = useState('');
  const [on, setOn] = useState('');
  const c = data.confirmation;
  return (
    <section aria-labelledby="dis-confirm" className="rounded-8 border border-solid-gray-420 p-4">
      <h3 id="dis-confirm" className="mb-2 text-std-17B-170">
        {t('dis.sheet.confirmTitle')}
      </h3>
      <p className="mb-3">
        {c.confirmedOn
          ? t('dis.sheet.confirmedLine', {
              on: formatDate(c.confirmedOn, locale),
              by: c.confirmedBy ?? '',
              recordedBy: c.recordedBy ?? '',
              at: c.recordedAt ? formatDateTime(c.recordedAt, locale) : '',
            })
          : t('dis.sheet.notConfirmed')}
      </p>
      {data.canEdit && (
        <form
          className="grid gap-3 md:grid-cols-3 md:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            onDone('');
            // mutateAsync: the refetch draws the form afresh (keyed by version) first, and mutate's callbacks never run.
            confirm.mutateAsync({ confirmedOn: on, confirmedBy: by, version: data.version }).then(
              () => onDone(t('dis.sheet.confirmedDone')),
              () => {}, // shown by the alert below
            );
          }}
        >
          <TextField label={t('dis.sheet.confirmedBy')} value={by} onChange={setBy} required />
          <TextField
            label={t('dis.sheet.confirmedOn')}
            hint={t('dis.dateHint')}
            value={on}
            onChange={setOn}
            required
          />
          <div>
            <Button type="submit" disabled={confirm.isPending}>
              {t('dis.sheet.confirm')}
            </Button>
          </div>
        </form>
      )}
      <ApiErrorAlert error={confirm.error} />
    </section>
  );
}
