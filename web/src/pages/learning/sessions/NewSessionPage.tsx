import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { COURSE_KIND_LABELS } from '../../../../../src/shared/vocab/learning';
import { ApiErrorAlert } from '../../../components/Alert';
import { SelectField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import {
  type LearningOptions,
  useCourse,
  useCourses,
  useCreateSession,
  useLearningOptions,
} from '../../../lib/queries/learning-courses';
import { writesTrainings } from '../courses/access';
import { forTrainingRoles } from '../courses/Guard';
import { ownerValue } from '../courses/shared';
import { emptyDraft, SessionFields } from './SessionForm';

function NewSessionForm({ options, initialCourse }: { options: LearningOptions; initialCourse: string }) {
  const t = useT();
  const navigate = useNavigate();
  const courses = useCourses({ archived: 'false' });
  const [courseId, setCourseId] = useState(initialCourse);
  const course = useCourse(courseId);
  const create = useCreateSession();
  const [draft, setDraft] = useState(() =>
    emptyDraft(options.owners[0] ? ownerValue(options.owners[0]) : 'hq'),
  );
  const [courseError, setCourseError] = useState<string | null>(null);
  return (
    <SessionFields
      draft={draft}
      setDraft={setDraft}
      parts={course.data?.parts ?? []}
      options={options}
      serverError={create.error}
      submitLabel={t('training.sessions.create')}
      pending={create.isPending}
      onSubmit={(body) => {
        if (!courseId) {
          setCourseError(t('validation.required', { field: t('training.course') }));
          return;
        }
        create.mutate(
          { courseId, ...body },
          {
            onSuccess: (s) =>
              void navigate({ to: '/learning/sessions/$sessionId', params: { sessionId: s.id } }),
          },
        );
      }}
    >
      <SelectField
        label={t('training.course')}
        hint={t('training.course.hint')}
        value={courseId}
        onChange={(v) => {
          setCourseId(v);
          setCourseError(null);
        }}
        emptyLabel={t('common.choose')}
        required
        error={courseError}
        options={(courses.data?.items ?? []).map((c) => ({
          value: c.id,
          label: `${c.title}（${vocab(t, COURSE_KIND_LABELS, c.kind)}）`,
        }))}
      />
      {create.error ? <ApiErrorAlert error={create.error} /> : null}
    </SessionFields>
  );
}

/** 研修の回を作成: a draft session of a course, with its days; it opens from its page. */
function NewSessionPageInner() {
  const t = useT();
  const options = useLearningOptions();
  const search = useSearch({ strict: false }) as { courseId?: unknown };
  const initialCourse = typeof search.courseId === 'string' ? search.courseId : '';
  return (
    <Page title={t('training.sessions.new')} intro={t('training.sessions.newIntro')}>
      <p className="mb-6">
        <Link to="/learning/sessions" className="text-key-900 underline underline-offset-4">
          {t('training.backToSessions')}
        </Link>
      </p>
      <QueryState query={options}>
        {(o) =>
          o.canManage ? (
            <NewSessionForm options={o} initialCourse={initialCourse} />
          ) : (
            <p role="status">{t('training.readOnly')}</p>
          )
        }
      </QueryState>
    </Page>
  );
}

export const NewSessionPage = forTrainingRoles(writesTrainings, NewSessionPageInner);
