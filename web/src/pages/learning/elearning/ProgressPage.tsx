import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { buttonClass } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { type Translate, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { type CourseProgress, ELEARNING, useCourseProgress } from '../../../lib/queries/learning-elearning';
import { CourseCertificateCell } from './CourseCertificateCell';

type Filter = 'all' | 'complete' | 'incomplete';

/** Who watched what and who passed, per lesson, for a course the staff member manages. */
export function ProgressPage() {
  const { courseId } = useParams({ strict: false }) as { courseId: string };
  const t = useT();
  const progress = useCourseProgress(courseId);
  const [filter, setFilter] = useState<Filter>('all');
  return (
    <QueryState query={progress}>
      {(data) => {
        const total = data.lessons.length;
        const rows = data.learners.filter((l) =>
          filter === 'all'
            ? true
            : filter === 'complete'
              ? l.completedCount === total
              : l.completedCount < total,
        );
        const done = data.learners.filter((l) => l.completedCount === total).length;
        // Certificates of the course completed without a session (e-learning on its own), when any was issued.
        const withCertificates = data.learners.some((l) => l.certificate !== null);
        return (
          <Page
            title={t('elearning.progressTitle', { title: data.course.title })}
            intro={t('elearning.progressIntro')}
          >
            <p className="mb-4">
              <Link
                to="/learning/elearning/$courseId"
                params={{ courseId }}
                className="text-key-900 underline underline-offset-4"
              >
                {t('elearning.backToCourse')}
              </Link>
            </p>
            <p className="mb-4 text-std-17B-170">
              {t('elearning.progressSummary', { learners: data.learners.length, done })}
            </p>
            <p className="mb-6">
              <a
                href={`${ELEARNING}/courses/${encodeURIComponent(courseId)}/progress?format=xlsx&lang=${t.locale}`}
                download
                className={buttonClass('secondary')}
              >
                {t('elearning.downloadXlsx')}
              </a>
            </p>
            <fieldset className="mb-4 flex flex-wrap gap-4">
              <legend className="mb-1 text-std-17B-170">{t('elearning.show')}</legend>
              {(['all', 'complete', 'incomplete'] as const).map((f) => (
                <label key={f} className="flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="progress-filter"
                    className="size-5"
                    checked={filter === f}
                    onChange={() => setFilter(f)}
                  />
                  {t(`elearning.filter.${f}`)}
                </label>
              ))}
            </fieldset>
            {data.learners.length === 0 ? (
              <p>{t('elearning.noLearners')}</p>
            ) : (
              <Table caption={t('elearning.progressTable')}>
                <thead>
                  <tr>
                    <Th>{t('elearning.learner')}</Th>
                    <Th>{t('elearning.completedHeader')}</Th>
                    {data.lessons.map((l) => (
                      <Th key={l.partId}>{l.title}</Th>
                    ))}
                    {withCertificates && <Th>{t('elearning.certificateHeader')}</Th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((l) => (
                    <tr key={l.userId}>
                      <RowTh>
                        {l.displayName}
                        <span className="block text-std-16N-170 text-solid-gray-700">{l.email}</span>
                      </RowTh>
                      <Td>{t('elearning.ofTotal', { n: l.completedCount, total })}</Td>
                      {l.cells.map((c, i) => (
                        <Td key={c.partId}>
                          <Cell cell={c} lesson={data.lessons[i]!} t={t} />
                        </Td>
                      ))}
                      {withCertificates && (
                        <Td>
                          <CourseCertificateCell
                            certificate={l.certificate}
                            learnerName={l.displayName}
                            courseId={courseId}
                          />
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Page>
        );
      }}
    </QueryState>
  );
}

function Cell({
  cell,
  lesson,
  t,
}: {
  cell: CourseProgress['learners'][number]['cells'][number];
  lesson: CourseProgress['lessons'][number];
  t: Translate;
}) {
  return (
    <div className="min-w-40">
      <p className={`font-bold ${cell.complete ? 'text-green-900' : ''}`}>
        {cell.complete ? t('elearning.statusComplete') : t('elearning.statusNotComplete')}
      </p>
      {lesson.hasVideo && (
        <p>
          {cell.watched ? t('elearning.videoWatched') : t('elearning.watched', { percent: cell.percent })}
        </p>
      )}
      {lesson.hasQuiz && (
        <p>
          {cell.passed
            ? t('elearning.passedWith', { score: cell.bestScorePercent ?? 0 })
            : cell.attemptsUsed > 0
              ? t('elearning.notPassedYet', { n: cell.attemptsUsed, best: cell.bestScorePercent ?? 0 })
              : t('elearning.quizNotTaken')}
        </p>
      )}
      {cell.lastActivityAt && (
        <p className="text-solid-gray-700">
          {formatDateTime(cell.lastActivityAt, t.locale, { compact: true })}
        </p>
      )}
    </div>
  );
}
