import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import {
  type LearningOptions,
  useCreateCourse,
  useLearningOptions,
} from '../../../lib/queries/learning-courses';
import { writesTrainings } from './access';
import { CourseFields, courseBody, courseErrors, emptyCourseDraft } from './CourseForm';
import { forTrainingRoles } from './Guard';
import { type PartDraft, PartsEditor, readParts } from './PartsEditor';
import { issueAt } from './shared';

function NewCourseForm({ options }: { options: LearningOptions }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [draft, setDraft] = useState(() => emptyCourseDraft(options));
  const [parts, setParts] = useState<PartDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const error = (p: string) => errors[p] ?? issueAt(create.error, p);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = courseErrors(draft, t);
    const read = readParts(parts);
    if (read.bad) found[read.bad] = t('training.part.invalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate(
      { ...courseBody(draft), parts: read.parts },
      { onSuccess: (c) => void navigate({ to: '/learning/courses/$courseId', params: { courseId: c.id } }) },
    );
  };
  const count = Object.keys(errors).length;
  return (
    <form onSubmit={submit} noValidate className="max-w-4xl">
      <CourseFields
        draft={draft}
        set={(p) => setDraft((d) => ({ ...d, ...p }))}
        options={options}
        error={error}
      />
      <PartsEditor parts={parts} onChange={setParts} error={error} />
      {count > 0 && <ErrorAlert>{t('training.formErrors', { n: count })}</ErrorAlert>}
      <ApiErrorAlert error={create.error} />
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('training.courses.create')}
      </Button>
    </form>
  );
}

/** 研修を作成: a course with its kind, owner, parts and completion rule; sessions are added from its page. */
function NewCoursePageInner() {
  const t = useT();
  const options = useLearningOptions();
  return (
    <Page title={t('training.courses.new')} intro={t('training.courses.newIntro')}>
      <p className="mb-6">
        <Link to="/learning/courses" className="text-key-900 underline underline-offset-4">
          {t('training.backToCourses')}
        </Link>
      </p>
      <QueryState query={options}>
        {(o) => (o.canManage ? <NewCourseForm options={o} /> : <p role="status">{t('training.readOnly')}</p>)}
      </QueryState>
    </Page>
  );
}

export const NewCoursePage = forTrainingRoles(writesTrainings, NewCoursePageInner);
