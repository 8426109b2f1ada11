import { TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';

/** Time spent and a note: the fields every timeline entry has (a new action, a referral's follow-up). */
export function TimeAndNoteFields({
  minutes,
  onMinutes,
  note,
  onNote,
}: {
  minutes: string;
  onMinutes: (v: string) => void;
  note: string;
  onNote: (v: string) => void;
}) {
  const t = useT();
  return (
    <>
      <TextField
        type="number"
        inputMode="numeric"
        min={0}
        label={t('consult.addAction.minutes')}
        value={minutes}
        onChange={onMinutes}
      />
      <TextAreaField
        label={t('consult.addAction.note')}
        hint={t('consult.addAction.noteHint')}
        value={note}
        onChange={onNote}
      />
    </>
  );
}
