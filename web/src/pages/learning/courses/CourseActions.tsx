import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { useT } from '../../../i18n';
import {
  type Course,
  useArchiveCourse,
  useLearningOptions,
  useReplaceParts,
  useUpdateCourse,
} from '../../../lib/queries/learning-courses';
import { CourseFields, courseBody, courseDraftOf, courseErrors } from './CourseForm';
import { PartsEditor, partDraftsOf, readParts } from './PartsEditor';
import { issueAt, SaveError } from './shared';

type Panel = 'edit' | 'parts' | 'archive';

function describe(t: ReturnType<typeof useT>) {
  return (c: Course) => t('training.conflict.course', { title: c.title, version: c.version });
}

function EditCourse({ c, onDone }: { c: Course; onDone: (m: string) => void }) {
  const t = useT();
  const options = useLearningOptions();
  const update = useUpdateCourse(c.id);
  const [draft, setDraft] = useState(() => courseDraftOf(c));
  const [version, setVersion] = useState(c.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!options.data) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = courseErrors(draft, t);
    setErrors(found);
    if (Object.keys(found).length) return;
    update.mutate({ version, ...courseBody(draft) }, { onSuccess: () => onDone(t('common.saved')) });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-4xl">
      <CourseFields
        draft={draft}
        set={(p) => setDraft((d) => ({ ...d, ...p }))}
        options={options.data}
        error={(p) => errors[p] ?? issueAt(update.error, p)}
      />
      <SaveError<Course>
        mutation={update}
        describe={describe(t)}
        onReload={(cur) => {
          setDraft(courseDraftOf(cur));
          setVersion(cur.version);
        }}
      />
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? t('common.saving') : t('common.save')}
      </Button>
    </form>
  );
}

function EditParts({ c, onDone }: { c: Course; onDone: (m: string) => void }) {
  const t = useT();
  const replace = useReplaceParts(c.id);
  const [parts, setParts] = useState(() => partDraftsOf(c.parts));
  const [version, setVersion] = useState(c.version);
  const [bad, setBad] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readParts(parts);
    setBad(read.bad);
    if (read.bad) return;
    replace.mutate({ version, parts: read.parts }, { onSuccess: () => onDone(t('common.saved')) });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-4xl">
      <PartsEditor
        parts={parts}
        onChange={setParts}
        error={(p) => (p === bad ? t('training.part.invalid') : issueAt(replace.error, p))}
      />
      {bad && <ErrorAlert>{t('training.formErrors', { n: 1 })}</ErrorAlert>}
      <SaveError<Course>
        mutation={replace}
        describe={describe(t)}
        onReload={(cur) => {
          setParts(partDraftsOf(cur.parts));
          setVersion(cur.version);
        }}
      />
      <Button type="submit" disabled={replace.isPending}>
        {replace.isPending ? t('common.saving') : t('training.parts.save')}
      </Button>
    </form>
  );
}

function Archive({ c, onDone }: { c: Course; onDone: (m: string) => void }) {
  const t = useT();
  const archive = useArchiveCourse(c.id);
  const to = !c.archived;
  return (
    <div className="max-w-2xl">
      <p className="mb-4">{t(to ? 'training.archive.explain' : 'training.restore.explain')}</p>
      <SaveError<Course> mutation={archive} describe={describe(t)} onReload={() => undefined} />
      <Button
        variant={to ? 'danger' : 'primary'}
        disabled={archive.isPending}
        onClick={() =>
          archive.mutate(
            { version: c.version, archived: to },
            { onSuccess: () => onDone(t(to ? 'training.archived' : 'training.restored')) },
          )
        }
      >
        {t(to ? 'training.action.archive' : 'training.action.restore')}
      </Button>
    </div>
  );
}

/** The course's actions (edit, parts, archive or restore), each opening its form; for staff who manage it. */
export function CourseActions({ c, extra }: { c: Course; extra?: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState<Panel | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const panelId = useId();
  if (!c.canManage) {
    return extra ? <div className="mb-8 flex flex-wrap gap-2 print:hidden">{extra}</div> : null;
  }
  const done = (m: string) => {
    setOpen(null);
    setMessage(m);
  };
  const panels: { key: Panel; label: string; body: ReactNode; danger?: boolean }[] = [
    ...(c.archived
      ? []
      : [
          {
            key: 'edit' as const,
            label: t('training.action.editCourse'),
            body: <EditCourse c={c} onDone={done} />,
          },
          {
            key: 'parts' as const,
            label: t('training.action.parts'),
            body: <EditParts c={c} onDone={done} />,
          },
        ]),
    {
      key: 'archive',
      label: t(c.archived ? 'training.action.restore' : 'training.action.archive'),
      body: <Archive c={c} onDone={done} />,
      danger: !c.archived,
    },
  ];
  const current = panels.find((p) => p.key === open);
  return (
    <div className="mb-8 print:hidden">
      <ul aria-label={t('common.actions')} className="mb-4 flex flex-wrap gap-2">
        {extra && <li>{extra}</li>}
        {panels.map((p) => (
          <li key={p.key}>
            <Button
              variant={p.danger ? 'danger' : 'secondary'}
              aria-expanded={open === p.key}
              aria-controls={open === p.key ? panelId : undefined}
              onClick={() => {
                setMessage(null);
                setOpen(open === p.key ? null : p.key);
              }}
            >
              {p.label}
            </Button>
          </li>
        ))}
      </ul>
      {current && (
        <div id={panelId} className="rounded-8 border border-solid-gray-300 p-4">
          {current.body}
          <Button variant="text" onClick={() => setOpen(null)}>
            {t('training.action.hide')}
          </Button>
        </div>
      )}
      <StatusMessage>{message}</StatusMessage>
    </div>
  );
}
