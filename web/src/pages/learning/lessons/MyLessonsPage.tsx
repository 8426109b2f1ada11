import { Link } from '@tanstack/react-router';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { type MyCourses, useMyElearningCourses } from '../../../lib/queries/learning-elearning';
import { formatClock } from './format';

/** The learner's e-learning: each course with its lessons, what is watched and passed, and what is left. */
export function MyLessonsPage() {
  const t = useT();
  const courses = useMyElearningCourses();
  return (
    <Page title={t('elearning.myLessonsTitle')} intro={t('elearning.myLessonsIntro')}>
      <QueryState query={courses}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('elearning.noCourses')}</p>
          ) : (
            data.items.map((c) => <CourseLessons key={c.courseId} course={c} />)
          )
        }
      </QueryState>
    </Page>
  );
}

/** One course's lessons (also used on "my learning"). */
export function CourseLessons({ course }: { course: MyCourses['items'][number] }) {
  const t = useT();
  const headingId = `course-${course.courseId}`;
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="mb-1 text-std-22B-150">
        {course.title}
      </h2>
      <p className="mb-3 text-solid-gray-700">
        {t('elearning.courseCompleted', { done: course.completedCount, total: course.lessons.length })}
      </p>
      {course.summary && <p className="mb-3 max-w-3xl">{course.summary}</p>}
      <ol className="grid gap-3">
        {course.lessons.map((l) => (
          <li key={l.partId} className="rounded-8 border border-solid-gray-420 p-4">
            <Link
              to="/learning/lessons/$partId"
              params={{ partId: l.partId }}
              className="text-std-17B-170 text-key-900 underline underline-offset-4"
            >
              {l.title}
            </Link>
            <p className="mt-1 text-std-16N-170 text-solid-gray-700">
              {[
                l.durationSeconds ? t('elearning.length', { time: formatClock(l.durationSeconds) }) : null,
                l.hasVideo
                  ? l.watched
                    ? t('elearning.videoWatched')
                    : t('elearning.watched', { percent: l.percent })
                  : null,
                l.hasQuiz ? (l.passed ? t('elearning.quizPassedShort') : t('elearning.quizPending')) : null,
              ]
                .filter(Boolean)
                .join(' ・ ')}
            </p>
            <p className={`mt-1 text-std-16B-170 ${l.complete ? 'text-green-900' : 'text-solid-gray-800'}`}>
              {l.complete ? t('elearning.statusComplete') : t('elearning.statusNotComplete')}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
