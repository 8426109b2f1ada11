import { Link } from '@tanstack/react-router';
import { COURSE_KIND_LABELS } from '../../../../../src/shared/vocab/learning';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { useStaffElearningCourses } from '../../../lib/queries/learning-elearning';

/** The e-learning courses the staff member reads: lessons to set up, quizzes, learners' progress. */
export function ElearningCoursesPage() {
  const t = useT();
  const courses = useStaffElearningCourses();
  return (
    <Page title={t('elearning.staffTitle')} intro={t('elearning.staffIntro')}>
      <QueryState query={courses}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('elearning.noStaffCourses')}</p>
          ) : (
            <Table caption={t('elearning.staffTitle')} captionHidden>
              <thead>
                <tr>
                  <Th>{t('elearning.course')}</Th>
                  <Th>{t('elearning.kind')}</Th>
                  <Th>{t('elearning.lessonCount')}</Th>
                  <Th>{t('elearning.actions')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <Td>
                      <Link
                        to="/learning/elearning/$courseId"
                        params={{ courseId: c.id }}
                        className="text-key-900 underline underline-offset-4"
                      >
                        {c.title}
                      </Link>
                    </Td>
                    <Td>{vocab(t, COURSE_KIND_LABELS, c.kind)}</Td>
                    <Td>{c.lessonCount}</Td>
                    <Td>
                      {c.canManage ? (
                        <Link
                          to="/learning/elearning/$courseId/progress"
                          params={{ courseId: c.id }}
                          className="text-key-900 underline underline-offset-4"
                        >
                          {t('elearning.progressLink')}
                        </Link>
                      ) : (
                        t('elearning.readOnlyShort')
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </Page>
  );
}
