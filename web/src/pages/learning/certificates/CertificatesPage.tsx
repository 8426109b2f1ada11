import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  ASSIGNMENT_STATE_LABELS,
  COMPLETION_GAP_LABELS,
  type CompletionGap,
  ISSUE_SKIP_REASON_LABELS,
  type IssueSkipReason,
} from '../../../../../src/shared/vocab/learning-attendance';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { apiFetch } from '../../../lib/api';
import { formatDate, formatDay } from '../../../lib/format';

type Certificate = {
  id: string;
  serial: string;
  completedOn: string;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
};
type Row = {
  applicationId: string;
  name: string;
  complete: boolean;
  gaps: CompletionGap[];
  daysPresent: number;
  daysTotal: number;
  lessonsDone: number;
  lessonsTotal: number;
  assignment: keyof typeof ASSIGNMENT_STATE_LABELS;
  assignmentBody: string | null;
  completedOn: string | null;
  certificate: Certificate | null;
};
type Completions = {
  session: { id: string; title: string; courseTitle: string };
  rule: { allDays: boolean; allLessons: boolean; assignment: boolean };
  rows: Row[];
  canIssue: boolean;
};
type IssueResult = { issued: unknown[]; skipped: { applicationId: string; reason: IssueSkipReason }[] };

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

/** Completion per participant against the course's rule; issuing, downloading and revoking certificates. */
export function CertificatesPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const t = useT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const key = ['learning', 'completions', sessionId];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      apiFetch<Completions>('GET', `/api/learning/sessions/${sessionId}/completions`, { signal }),
  });
  const [message, setMessage] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const done = () => void qc.invalidateQueries({ queryKey: key });
  const issue = useMutation({
    mutationFn: (applicationIds?: string[]) =>
      apiFetch<IssueResult>('POST', `/api/learning/sessions/${sessionId}/certificates`, {
        body: applicationIds ? { applicationIds } : {},
      }),
    onSuccess: (r) => {
      const reasons = [...new Set(r.skipped.map((s) => vocab(t, ISSUE_SKIP_REASON_LABELS, s.reason)))].join(
        '、',
      );
      setMessage(
        [
          t('certificates.issued', { count: r.issued.length }),
          r.skipped.length ? t('certificates.skipped', { count: r.skipped.length, reasons }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      done();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      apiFetch('POST', `/api/learning/certificates/${id}/revocation`, { body: { reason } }),
    onSuccess: () => {
      setRevoking(null);
      setReason('');
      done();
    },
  });
  const accept = useMutation({
    mutationFn: (v: { applicationId: string; accepted: boolean }) =>
      apiFetch('PUT', `/api/learning/sessions/${sessionId}/assignments/${v.applicationId}/acceptance`, {
        body: { accepted: v.accepted },
      }),
    onSuccess: done,
  });

  return (
    <QueryState query={query}>
      {(data) => {
        const rule = [
          data.rule.allDays && vocab(t, COMPLETION_GAP_LABELS, 'days'),
          data.rule.allLessons && vocab(t, COMPLETION_GAP_LABELS, 'lessons'),
          data.rule.assignment && vocab(t, COMPLETION_GAP_LABELS, 'assignment'),
        ].filter(Boolean);
        return (
          <Page title={t('certificates.title', { session: data.session.title })}>
            <p className="mb-2 text-std-16N-170">{data.session.courseTitle}</p>
            <p className="mb-4 text-std-16N-170">
              {t('certificates.rule', { rule: rule.length ? rule.join('・') : t('certificates.ruleNone') })}
            </p>
            <div className="mb-4 flex flex-wrap gap-4">
              {data.canIssue && (
                <Button disabled={issue.isPending} onClick={() => issue.mutate(undefined)}>
                  {t('certificates.issueAll')}
                </Button>
              )}
              <Link to="/learning/sessions/$sessionId/attendance" params={{ sessionId }} className={LINK}>
                {t('certificates.toAttendance')}
              </Link>
            </div>
            <StatusMessage>{message}</StatusMessage>
            {issue.error ? <ApiErrorAlert error={issue.error} /> : null}
            {revoke.error ? <ApiErrorAlert error={revoke.error} /> : null}
            {accept.error ? <ApiErrorAlert error={accept.error} /> : null}
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-std-16N-170">
                <thead>
                  <tr className="border-b-2 border-solid-gray-900 text-left">
                    <th scope="col" className="p-2">
                      {t('certificates.colName')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('certificates.colDays')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('certificates.colLessons')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('certificates.colAssignment')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('certificates.colStatus')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('certificates.colCertificate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.applicationId} className="border-b border-solid-gray-420 align-top">
                      <th scope="row" className="p-2 text-left">
                        {r.name}
                      </th>
                      <td className="p-2">
                        {r.daysPresent} / {r.daysTotal}
                      </td>
                      <td className="p-2">{r.lessonsTotal ? `${r.lessonsDone} / ${r.lessonsTotal}` : '—'}</td>
                      <td className="p-2">
                        {vocab(t, ASSIGNMENT_STATE_LABELS, r.assignment)}
                        {r.assignmentBody && (
                          <div>
                            <Button
                              variant="text"
                              aria-expanded={open === r.applicationId}
                              onClick={() => setOpen(open === r.applicationId ? null : r.applicationId)}
                            >
                              {t('certificates.showAssignment')}
                            </Button>
                            {open === r.applicationId && (
                              <p className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-2">
                                {r.assignmentBody}
                              </p>
                            )}
                            {data.canIssue && (
                              <Button
                                variant="secondary"
                                disabled={accept.isPending}
                                onClick={() =>
                                  accept.mutate({
                                    applicationId: r.applicationId,
                                    accepted: r.assignment !== 'accepted',
                                  })
                                }
                              >
                                {r.assignment === 'accepted'
                                  ? t('certificates.unaccept')
                                  : t('certificates.accept')}
                              </Button>
                            )}
                          </div>
                        )}
                      </td>
                      <td className="p-2">
                        {r.complete
                          ? t('certificates.complete', { date: formatDate(r.completedOn, locale) })
                          : t('certificates.missing', {
                              gaps: r.gaps.map((g) => vocab(t, COMPLETION_GAP_LABELS, g)).join('・'),
                            })}
                      </td>
                      <td className="p-2">
                        {r.certificate && !r.certificate.revokedAt ? (
                          <div className="flex flex-col gap-1">
                            <span className="font-mono">{r.certificate.serial}</span>
                            <a
                              className={LINK}
                              href={`/api/learning/certificates/${r.certificate.id}.pdf`}
                              target="_blank"
                              rel="noopener"
                            >
                              {t('certificates.download')}
                            </a>
                            <a
                              className={LINK}
                              href={`/api/learning/certificates/${r.certificate.id}.pdf?lang=en`}
                              target="_blank"
                              rel="noopener"
                              hrefLang="en"
                            >
                              {t('certificates.downloadEn')}
                            </a>
                            {data.canIssue &&
                              (revoking === r.certificate.id ? (
                                <div>
                                  <TextAreaField
                                    label={t('certificates.revokeReason')}
                                    value={reason}
                                    onChange={setReason}
                                    required
                                    rows={2}
                                  />
                                  <Button
                                    variant="danger"
                                    disabled={!reason.trim() || revoke.isPending}
                                    onClick={() => revoke.mutate(r.certificate!.id)}
                                  >
                                    {t('certificates.revokeConfirm')}
                                  </Button>
                                </div>
                              ) : (
                                <Button variant="text" onClick={() => setRevoking(r.certificate!.id)}>
                                  {t('certificates.revoke')}
                                </Button>
                              ))}
                          </div>
                        ) : (
                          <>
                            {r.certificate?.revokedAt && (
                              <p>
                                {t('certificates.revoked', {
                                  date: formatDay(r.certificate.revokedAt, locale),
                                  reason: r.certificate.revokeReason ?? '',
                                })}
                              </p>
                            )}
                            {data.canIssue && r.complete && (
                              <Button
                                variant="secondary"
                                disabled={issue.isPending}
                                onClick={() => issue.mutate([r.applicationId])}
                              >
                                {t('certificates.issueOne')}
                              </Button>
                            )}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Page>
        );
      }}
    </QueryState>
  );
}
