import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { useLocale, useT } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { CoursePart } from '../../../lib/queries/learning-courses';
import { readDay } from './form-values';

/** A day as the form holds it: typed text, with its id when it exists (attendance refers to it). */
export type DayDraft = {
  key: string;
  id?: string;
  date: string;
  startsAt: string;
  endsAt: string;
  partId: string;
};

let counter = 0;
export function newDayKey(): string {
  counter += 1;
  return `day-${counter}`;
}

/**
 * The days of a session: date (和暦 or 西暦), start and end, and the part of the course it stands for. The
 * server orders them by date; removing a day with attendance already recorded is refused (409).
 */
export function DaysEditor({
  days,
  onChange,
  parts,
  errors,
}: {
  days: DayDraft[];
  onChange: (days: DayDraft[]) => void;
  parts: readonly CoursePart[];
  errors: (path: string) => string | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const set = (key: string, patch: Partial<DayDraft>) =>
    onChange(days.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const dayParts = parts.filter((p) => p.kind === 'day');
  return (
    <fieldset className="mb-6">
      <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{t('training.days')}</legend>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('training.days.hint')}</p>
      {days.length === 0 && <p className="mb-3 text-std-16N-170">{t('training.days.none')}</p>}
      <ol className="mb-3 grid gap-3">
        {days.map((d, i) => {
          const iso = readDay(d.date);
          return (
            <li key={d.key} className="rounded-8 border border-solid-gray-300 p-3">
              <p className="mb-2 text-std-16B-170">
                {t('training.dayN', { n: i + 1 })}
                {iso && (
                  <span className="ml-2 font-normal">{formatDate(iso, locale, { weekday: true })}</span>
                )}
              </p>
              <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
                <TextField
                  label={t('training.day.date')}
                  hint={t('training.dateHint')}
                  value={d.date}
                  onChange={(v) => set(d.key, { date: v })}
                  required
                  error={
                    (d.date.trim() && iso === undefined ? t('training.dateInvalid') : null) ??
                    errors(`days.${i}.heldOn`)
                  }
                />
                <TextField
                  label={t('training.day.starts')}
                  hint={t('training.timeHint')}
                  inputMode="numeric"
                  value={d.startsAt}
                  onChange={(v) => set(d.key, { startsAt: v })}
                  error={errors(`days.${i}.startsAt`)}
                />
                <TextField
                  label={t('training.day.ends')}
                  hint={t('training.timeHint')}
                  inputMode="numeric"
                  value={d.endsAt}
                  onChange={(v) => set(d.key, { endsAt: v })}
                  error={errors(`days.${i}.endsAt`)}
                />
                {dayParts.length > 0 && (
                  <SelectField
                    label={t('training.day.part')}
                    value={d.partId}
                    onChange={(v) => set(d.key, { partId: v })}
                    emptyLabel={t('training.day.noPart')}
                    options={dayParts.map((p) => ({ value: p.id, label: `${p.seq}. ${p.title}` }))}
                    error={errors(`days.${i}.partId`)}
                  />
                )}
              </div>
              <Button
                variant="text"
                onClick={() => onChange(days.filter((x) => x.key !== d.key))}
                aria-label={t('training.day.removeN', { n: i + 1 })}
              >
                {t('training.day.remove')}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        onClick={() =>
          onChange([...days, { key: newDayKey(), date: '', startsAt: '', endsAt: '', partId: '' }])
        }
      >
        {t('training.day.add')}
      </Button>
    </fieldset>
  );
}
