import { Link } from '@tanstack/react-router';
import { Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { useMyElearningCourses } from '../../../lib/queries/learning-elearning';

/** "My learning"'s lessons (a section of its own): each e-learning course, how many lessons are complete, the next one to open. */
export function MyLessonsSlot() {
  const t = useT();
  const courses = useMyElearningCourses();
  return (
    <Section id="lessons" title={t('elearning.myLessonsTitle')}>
      <QueryState query={courses}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('elearning.noCourses')}</p>
          ) : (
            <div>
              <ul className="mb-3 grid gap-2">
                {data.items.map((c) => {
                  const next = c.lessons.find((l) => !l.complete);
                  return (
                    <li key={c.courseId}>
                      <span className="text-std-17B-170">{c.title}</span>{' '}
                      <span className="text-solid-gray-700">
                        {t('elearning.courseCompleted', { done: c.completedCount, total: c.lessons.length })}
                      </span>
                      {next && (
                        <>
                          {' — '}
                          <Link
                            to="/learning/lessons/$partId"
                            params={{ partId: next.partId }}
                            className="text-key-900 underline underline-offset-4"
                          >
                            {t('elearning.nextLesson', { title: next.title })}
                          </Link>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              <Link to="/learning/lessons" className="text-key-900 underline underline-offset-4">
                {t('elearning.allLessons')}
              </Link>
            </div>
          )
        }
      </QueryState>
    </Section>
  );
}
