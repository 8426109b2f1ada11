import {
  COURSE_KIND_LABELS,
  COURSE_KIND_PRACTICES,
  COURSE_KINDS,
  type CourseKind,
} from '../../../../../src/shared/vocab/learning';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import type { Course, LearningOptions } from '../../../lib/queries/learning-courses';
import { OwnerSelect, ownerFields, ownerValue } from './shared';

/** What the course form holds. */
export type CourseDraft = {
  kind: CourseKind | '';
  title: string;
  summary: string;
  owner: string;
  isPublic: boolean;
  allDays: boolean;
  allLessons: boolean;
  assignment: boolean;
};

export function emptyCourseDraft(options: LearningOptions): CourseDraft {
  return {
    kind: '',
    title: '',
    summary: '',
    owner: options.owners[0] ? ownerValue(options.owners[0]) : 'hq',
    isPublic: true,
    allDays: true,
    allLessons: true,
    assignment: false,
  };
}

export function courseDraftOf(c: Course): CourseDraft {
  return {
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    owner: ownerValue(c.owner),
    isPublic: c.isPublic,
    allDays: c.completionRequiresAllDays,
    allLessons: c.completionRequiresAllLessons,
    assignment: c.completionRequiresAssignment,
  };
}

/** The request's fields of a course draft (kind checked by the caller). */
export function courseBody(d: CourseDraft) {
  return {
    kind: d.kind as CourseKind,
    title: d.title.trim(),
    summary: d.summary.trim(),
    ...ownerFields(d.owner),
    isPublic: d.isPublic,
    completionRequiresAllDays: d.allDays,
    completionRequiresAllLessons: d.allLessons,
    completionRequiresAssignment: d.assignment,
  };
}

/** Problems a course draft has before it is sent (path → message). */
export function courseErrors(d: CourseDraft, t: ReturnType<typeof useT>): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.kind) e.kind = t('validation.required', { field: t('training.kind') });
  if (!d.title.trim()) e.title = t('validation.required', { field: t('training.courseTitle') });
  return e;
}

/** The fields of a course: kind (with the practice it comes from), title, summary, owner, publicity, completion rule. */
export function CourseFields({
  draft,
  set,
  options,
  error,
}: {
  draft: CourseDraft;
  set: (patch: Partial<CourseDraft>) => void;
  options: LearningOptions;
  error: (path: string) => string | null;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t('training.kind')}
        value={draft.kind}
        onChange={(v) => set({ kind: v as CourseKind })}
        emptyLabel={t('common.choose')}
        required
        error={error('kind')}
        options={COURSE_KINDS.map((k) => ({
          value: k,
          label: `${vocab(t, COURSE_KIND_LABELS, k)}（${COURSE_KIND_PRACTICES[k]}）`,
        }))}
      />
      <TextField
        label={t('training.courseTitle')}
        value={draft.title}
        onChange={(v) => set({ title: v })}
        required
        maxLength={200}
        error={error('title')}
      />
      <TextAreaField
        label={t('training.summaryText')}
        hint={t('training.summaryText.hint')}
        value={draft.summary}
        onChange={(v) => set({ summary: v })}
        rows={4}
        error={error('summary')}
      />
      {options.owners.length > 1 && (
        <OwnerSelect owners={options.owners} value={draft.owner} onChange={(v) => set({ owner: v })} />
      )}
      <Fieldset legend={t('training.rule')}>
        <p className="mb-2 text-std-16N-170 text-solid-gray-700">{t('training.rule.hint')}</p>
        <Checkbox
          label={t('training.rule.allDays')}
          checked={draft.allDays}
          onChange={(v) => set({ allDays: v })}
        />
        <Checkbox
          label={t('training.rule.allLessons')}
          checked={draft.allLessons}
          onChange={(v) => set({ allLessons: v })}
        />
        <Checkbox
          label={t('training.rule.assignment')}
          checked={draft.assignment}
          onChange={(v) => set({ assignment: v })}
        />
      </Fieldset>
      <Fieldset legend={t('training.publicity')}>
        <Checkbox
          label={t('training.isPublic')}
          description={t('training.isPublic.hint')}
          checked={draft.isPublic}
          onChange={(v) => set({ isPublic: v })}
        />
      </Fieldset>
    </>
  );
}
