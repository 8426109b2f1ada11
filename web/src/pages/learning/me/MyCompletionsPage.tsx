import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COURSE_KIND_LABELS, type CourseKind } from '../../../../../src/shared/vocab/learning';
import {
  ASSIGNMENT_STATE_LABELS,
  type AssignmentState,
} from '../../../../../src/shared/vocab/learning-attendance';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { apiFetch } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type MyCompletions = {
  holderName: string;
  completions: {
    id: string;
    serial: string;
    courseTitle: string;
    courseKind: CourseKind;
    sessionTitle: string | null;
    completedOn: string;
    centreName: string;
  }[];
  ready: { courseId: string; courseTitle: string; courseKind: CourseKind; completedOn: string }[];
  assignments: {
    applicationId: string;
    sessionTitle: string;
    courseTitle: string;
    state: AssignmentState;
    body: string | null;
  }[];
};

const KEY = ['learning', 'me', 'completions'];
const CELL = 'border border-solid-gray-420 p-2 text-left align-top';

/**
 * The learner's record of completions (修了記録): every course completed with its certificate number, and the
 * PDF of each certificate. Printable as one page for the workplace (要医療児者支援体制加算 needs trained staff).
 * Above it, the assignments still to submit.
 */
export function MyCompletionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [claimed, setClaimed] = useState<string | null>(null);
  const query = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiFetch<MyCompletions>('GET', '/api/learning/me/completions', { signal }),
  });
  return (
    <QueryState query={query}>
      {(data) => (
        <Page title={t('myCompletions.title')} intro={t('myCompletions.intro')}>
          {data.assignments.some((a) => a.state !== 'accepted') && (
            <div className="print:hidden">
              <Section id="assignments" title={t('myCompletions.assignments')}>
                {data.assignments
                  .filter((a) => a.state !== 'accepted')
                  .map((a) => (
                    <AssignmentForm key={a.applicationId} assignment={a} />
                  ))}
              </Section>
            </div>
          )}
          {data.ready.length > 0 && (
            <div className="print:hidden">
              <ReadyCourses ready={data.ready} holderName={data.holderName} onClaimed={setClaimed} />
            </div>
          )}
          {/* The message outlives the section, which is gone once nothing is left to claim. */}
          <StatusMessage>{claimed}</StatusMessage>
          <div className="mb-4 flex gap-4 print:hidden">
            <Button onClick={() => window.print()}>{t('myCompletions.print')}</Button>
          </div>
          <h2 className="mb-2 hidden text-std-22B-150 print:block">{t('myCompletions.printTitle')}</h2>
          <p className="mb-2 text-std-17B-170">{t('myCompletions.holder', { name: data.holderName })}</p>
          {data.completions.length === 0 ? (
            <p>{t('myCompletions.none')}</p>
          ) : (
            <table className="w-full border-collapse text-std-16N-170">
              <thead>
                <tr>
                  <th scope="col" className={CELL}>
                    {t('myCompletions.colCourse')}
                  </th>
                  <th scope="col" className={CELL}>
                    {t('myCompletions.colKind')}
                  </th>
                  <th scope="col" className={CELL}>
                    {t('myCompletions.colDate')}
                  </th>
                  <th scope="col" className={CELL}>
                    {t('myCompletions.colSerial')}
                  </th>
                  <th scope="col" className={CELL}>
                    {t('myCompletions.colCentre')}
                  </th>
                  <th scope="col" className={`${CELL} print:hidden`}>
                    <span className="sr-only">{t('myCompletions.download')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.completions.map((c) => (
                  <tr key={c.id} className="break-inside-avoid">
                    <td className={CELL}>
                      {c.courseTitle}
                      {c.sessionTitle && <span className="block text-solid-gray-700">{c.sessionTitle}</span>}
                    </td>
                    <td className={CELL}>{vocab(t, COURSE_KIND_LABELS, c.courseKind)}</td>
                    <td className={CELL}>{formatDate(c.completedOn, locale, { western: true })}</td>
                    <td className={`${CELL} font-mono`}>{c.serial}</td>
                    <td className={CELL}>{c.centreName}</td>
                    <td className={`${CELL} print:hidden`}>
                      <div className="flex flex-col">
                        <a
                          className="inline-flex min-h-11 items-center text-key-900 underline underline-offset-4"
                          href={`/api/learning/certificates/${c.id}.pdf`}
                          target="_blank"
                          rel="noopener"
                        >
                          {t('myCompletions.download')}
                        </a>
                        <a
                          className="inline-flex min-h-11 items-center text-key-900 underline underline-offset-4"
                          href={`/api/learning/certificates/${c.id}.pdf?lang=en`}
                          target="_blank"
                          rel="noopener"
                          hrefLang="en"
                        >
                          {t('myCompletions.downloadEn')}
                        </a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Page>
      )}
    </QueryState>
  );
}

/** Courses completed on their own (e-learning) whose certificate the learner may ask for, one button each. */
function ReadyCourses({
  ready,
  holderName,
  onClaimed,
}: {
  ready: MyCompletions['ready'];
  holderName: string;
  onClaimed: (message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const claim = useMutation({
    mutationFn: (course: MyCompletions['ready'][number]) =>
      apiFetch<{ certificate: { serial: string } }>(
        'POST',
        `/api/learning/me/courses/${course.courseId}/certificate`,
        { body: {} },
      ).then((r) => ({ course, serial: r.certificate.serial })),
    onSuccess: ({ course, serial }) => {
      onClaimed(t('myCompletions.claimed', { course: course.courseTitle, serial }));
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <Section id="ready" title={t('myCompletions.ready')}>
      <p className="mb-3 max-w-3xl">{t('myCompletions.readyIntro', { name: holderName })}</p>
      <ul className="mb-3 grid gap-2">
        {ready.map((r) => (
          <li key={r.courseId} className="flex flex-wrap items-center gap-3">
            <span>
              {t('myCompletions.readyLine', {
                course: r.courseTitle,
                date: formatDate(r.completedOn, locale),
              })}
            </span>
            <Button
              onClick={() => claim.mutate(r)}
              disabled={claim.isPending}
              aria-label={t('myCompletions.claimFor', { course: r.courseTitle })}
            >
              {t('myCompletions.claim')}
            </Button>
          </li>
        ))}
      </ul>
      {claim.error ? <ApiErrorAlert error={claim.error} /> : null}
    </Section>
  );
}

function AssignmentForm({ assignment }: { assignment: MyCompletions['assignments'][number] }) {
  const t = useT();
  const qc = useQueryClient();
  const [body, setBody] = useState(assignment.body ?? '');
  const [saved, setSaved] = useState(false);
  const submit = useMutation({
    mutationFn: () =>
      apiFetch('PUT', `/api/learning/me/applications/${assignment.applicationId}/assignment`, {
        body: { body },
      }),
    onSuccess: () => {
      setSaved(true);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <form
      className="mb-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      <TextAreaField
        label={t('myCompletions.assignmentLabel', {
          course: assignment.courseTitle,
          session: assignment.sessionTitle,
        })}
        hint={vocab(t, ASSIGNMENT_STATE_LABELS, assignment.state)}
        value={body}
        onChange={setBody}
        required
        rows={8}
      />
      {submit.error ? <ApiErrorAlert error={submit.error} /> : null}
      <StatusMessage>{saved ? t('myCompletions.submitted') : null}</StatusMessage>
      <Button type="submit" disabled={!body.trim() || submit.isPending}>
        {assignment.state === 'submitted' ? t('myCompletions.resubmit') : t('myCompletions.submit')}
      </Button>
    </form>
  );
}
