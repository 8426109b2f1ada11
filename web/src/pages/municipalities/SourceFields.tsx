import {
  FACT_SOURCE_LABELS,
  FACT_SOURCES,
  type FactSource,
} from '../../../../src/shared/vocab/municipalities';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';

/** Where a fact came from and the day it held: every change on the page carries them. */
export type SourceState = { source: FactSource; sourceNote: string; asOf: string };

/** The day typed (和暦 or 西暦) as an ISO date, or null. */
export function parseDay(s: string): string | null {
  return parseJapaneseDate(s.trim());
}

export function SourceFields({
  value,
  onChange,
  dayError,
}: {
  value: SourceState;
  onChange: (v: SourceState) => void;
  dayError: string | null;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t('muni.form.source')}
        value={value.source}
        onChange={(v) => onChange({ ...value, source: v as FactSource })}
        options={vocabOptions(t, FACT_SOURCES, FACT_SOURCE_LABELS)}
        required
      />
      <TextField
        label={t('muni.form.sourceNote')}
        hint={t('muni.form.sourceNoteHint')}
        value={value.sourceNote}
        onChange={(v) => onChange({ ...value, sourceNote: v })}
        maxLength={200}
      />
      <TextField
        label={t('muni.form.asOf')}
        hint={t('muni.form.asOfHint')}
        value={value.asOf}
        onChange={(v) => onChange({ ...value, asOf: v })}
        error={dayError}
        required
      />
    </>
  );
}
