import {
  COURSE_PART_KIND_LABELS,
  COURSE_PART_KINDS,
  type CoursePartKind,
} from '../../../../../src/shared/vocab/learning';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import type { CoursePart, PartInput } from '../../../lib/queries/learning-courses';

/** A part as the form holds it; an existing one keeps its id (days and lessons refer to it). */
export type PartDraft = {
  key: string;
  id?: string;
  kind: CoursePartKind;
  title: string;
  description: string;
  minutes: string;
};

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `part-${counter}`;
}

export function partDraftsOf(parts: readonly CoursePart[]): PartDraft[] {
  return parts.map((p) => ({
    key: nextKey(),
    id: p.id,
    kind: p.kind,
    title: p.title,
    description: p.description,
    minutes: p.durationMinutes === null ? '' : String(p.durationMinutes),
  }));
}

/** The request's parts, in order; null and the index of the first unreadable one when a field is wrong. */
export function readParts(parts: readonly PartDraft[]): { parts: PartInput[]; bad: string | null } {
  const out: PartInput[] = [];
  for (const [i, p] of parts.entries()) {
    if (!p.title.trim()) return { parts: [], bad: `parts.${i}.title` };
    const minutes = p.minutes.trim() ? Number(p.minutes.trim()) : null;
    if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440)) {
      return { parts: [], bad: `parts.${i}.durationMinutes` };
    }
    out.push({
      ...(p.id ? { id: p.id } : {}),
      kind: p.kind,
      title: p.title.trim(),
      description: p.description.trim(),
      durationMinutes: minutes,
    });
  }
  return { parts: out, bad: null };
}

/**
 * A course's parts in order — days, e-learning lessons, an assignment — each with title, description and
 * length; moved up and down with buttons (no dragging needed), added and removed. A part a session day already
 * stands for cannot be removed: the server answers 409 and nothing changes.
 */
export function PartsEditor({
  parts,
  onChange,
  error,
}: {
  parts: PartDraft[];
  onChange: (parts: PartDraft[]) => void;
  error: (path: string) => string | null;
}) {
  const t = useT();
  const set = (key: string, patch: Partial<PartDraft>) =>
    onChange(parts.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...parts];
    const [p] = next.splice(i, 1);
    next.splice(i + by, 0, p!);
    onChange(next);
  };
  return (
    <fieldset className="mb-6">
      <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{t('training.parts')}</legend>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('training.parts.hint')}</p>
      {parts.length === 0 && <p className="mb-3">{t('training.parts.none')}</p>}
      <ol className="mb-3 grid gap-3">
        {parts.map((p, i) => (
          <li key={p.key} className="rounded-8 border border-solid-gray-300 p-3">
            <p className="mb-2 text-std-16B-170">{t('training.partN', { n: i + 1 })}</p>
            <div className="grid gap-x-4 md:grid-cols-[14rem_1fr_10rem]">
              <SelectField
                label={t('training.part.kind')}
                value={p.kind}
                onChange={(v) => set(p.key, { kind: v as CoursePartKind })}
                options={vocabOptions(t, COURSE_PART_KINDS, COURSE_PART_KIND_LABELS)}
              />
              <TextField
                label={t('training.part.title')}
                value={p.title}
                onChange={(v) => set(p.key, { title: v })}
                required
                maxLength={200}
                error={error(`parts.${i}.title`)}
              />
              <TextField
                label={t('training.part.minutes')}
                inputMode="numeric"
                value={p.minutes}
                onChange={(v) => set(p.key, { minutes: v })}
                error={error(`parts.${i}.durationMinutes`)}
              />
            </div>
            <TextAreaField
              label={t('training.part.description')}
              value={p.description}
              onChange={(v) => set(p.key, { description: v })}
              rows={2}
            />
            <div className="flex flex-wrap gap-2">
              <Button
                variant="text"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('training.part.upN', { n: i + 1 })}
              >
                {t('training.part.up')}
              </Button>
              <Button
                variant="text"
                disabled={i === parts.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('training.part.downN', { n: i + 1 })}
              >
                {t('training.part.down')}
              </Button>
              <Button
                variant="text"
                onClick={() => onChange(parts.filter((x) => x.key !== p.key))}
                aria-label={t('training.part.removeN', { n: i + 1 })}
              >
                {t('training.part.remove')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() =>
          onChange([...parts, { key: nextKey(), kind: 'day', title: '', description: '', minutes: '' }])
        }
      >
        {t('training.part.add')}
      </Button>
    </fieldset>
  );
}
