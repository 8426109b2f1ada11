import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { PROFESSION_LABELS } from '../../../../../src/shared/vocab/learning';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { isApiError } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  type AttendanceMark,
  type AttendanceSheet,
  attendanceKey,
  putTick,
  useAttendanceSheet,
} from './attendance-api';

/**
 * The tick list for a tablet (docs/learning.md §4): one day at a time, a row per participant with large
 * Present / Absent buttons. Each press saves one cell at once; the sheet reloads every 15 seconds so that a
 * colleague's ticks appear, and a press on a cell a colleague changed meanwhile shows their mark instead of
 * overwriting it.
 */
export function AttendancePage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const t = useT();
  const query = useAttendanceSheet(sessionId);
  return (
    <QueryState query={query}>
      {(sheet) => (
        <Page title={t('attendance.title', { session: sheet.session.title })} intro={t('attendance.intro')}>
          <p className="mb-4 text-std-16N-170">{sheet.session.courseTitle}</p>
          <div className="mb-6 flex flex-wrap gap-4 print:hidden">
            <Link
              to="/learning/sessions/$sessionId/attendance/sheet"
              params={{ sessionId }}
              className="inline-flex min-h-11 items-center text-key-900 underline underline-offset-4"
            >
              {t('attendance.printSheet')}
            </Link>
            <Link
              to="/learning/sessions/$sessionId/certificates"
              params={{ sessionId }}
              className="inline-flex min-h-11 items-center text-key-900 underline underline-offset-4"
            >
              {t('attendance.toCertificates')}
            </Link>
          </div>
          <TickList sheet={sheet} sessionId={sessionId} />
        </Page>
      )}
    </QueryState>
  );
}

function TickList({ sheet, sessionId }: { sheet: AttendanceSheet; sessionId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [dayId, setDayId] = useState(sheet.days[0]?.id ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (sheet.days.length === 0) return <p>{t('attendance.noDays')}</p>;
  if (sheet.participants.length === 0) return <p>{t('attendance.noParticipants')}</p>;
  const markOf = (applicationId: string) =>
    sheet.marks.find((m) => m.dayId === dayId && m.applicationId === applicationId) ?? null;
  const dayMarks = sheet.participants.map((p) => markOf(p.applicationId));
  const present = dayMarks.filter((m) => m?.present === true).length;
  const absent = dayMarks.filter((m) => m?.present === false).length;

  const replaceMark = (applicationId: string, mark: AttendanceMark | null) =>
    qc.setQueryData<AttendanceSheet>(attendanceKey(sessionId), (old) =>
      old
        ? {
            ...old,
            marks: [
              ...old.marks.filter((m) => !(m.dayId === dayId && m.applicationId === applicationId)),
              ...(mark ? [mark] : []),
            ],
          }
        : old,
    );

  async function tick(applicationId: string, value: boolean | null) {
    const seen = markOf(applicationId);
    setBusy(applicationId);
    setNotice(null);
    setError(null);
    try {
      const res = await putTick(sessionId, dayId, applicationId, value, seen?.recordedAt ?? null);
      replaceMark(applicationId, res.mark);
    } catch (e) {
      if (isApiError(e, 'conflict')) {
        const mark = ((e.detail as { mark?: AttendanceMark } | undefined)?.mark ??
          null) as AttendanceMark | null;
        replaceMark(applicationId, mark);
        setNotice(
          t('attendance.conflict', {
            name: mark?.recordedByName ?? '—',
            mark: mark
              ? t(mark.present ? 'attendance.present' : 'attendance.absent')
              : t('attendance.unmarked'),
          }),
        );
      } else setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <fieldset className="mb-4">
        <legend className="sr-only">{t('attendance.sheetDate')}</legend>
        <div className="flex flex-wrap gap-2">
          {sheet.days.map((d) => (
            <Button
              key={d.id}
              variant={d.id === dayId ? 'primary' : 'secondary'}
              aria-pressed={d.id === dayId}
              onClick={() => setDayId(d.id)}
            >
              {t('attendance.day', { seq: d.seq, date: formatDate(d.heldOn, locale, { weekday: true }) })}
            </Button>
          ))}
        </div>
      </fieldset>
      <p role="status" className="mb-2 text-std-16B-170">
        {t('attendance.counts', { present, absent, unmarked: sheet.participants.length - present - absent })}
      </p>
      {notice && <ErrorAlert>{notice}</ErrorAlert>}
      {error ? <ApiErrorAlert error={error} /> : null}
      <ul className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
        {sheet.participants.map((p) => {
          const mark = markOf(p.applicationId);
          const state = mark ? (mark.present ? 'present' : 'absent') : 'unmarked';
          return (
            <li key={p.applicationId} className="flex flex-wrap items-center gap-3 py-3">
              <div className="min-w-56 flex-1">
                <p className="text-std-20B-150">{p.name}</p>
                <p className="text-std-16N-170 text-solid-gray-700">
                  {vocab(t, PROFESSION_LABELS, p.profession)}・{p.workplace || '—'}
                </p>
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {t(`attendance.${state}` as 'attendance.present')}
                  {mark &&
                    ` — ${t('attendance.recordedBy', { name: mark.recordedByName, at: formatDateTime(mark.recordedAt, locale) })}`}
                </p>
              </div>
              {sheet.canRecord && (
                <fieldset className="flex gap-2">
                  <legend className="sr-only">{p.name}</legend>
                  <Button
                    className="min-h-16 min-w-28 text-std-20B-150"
                    variant={state === 'present' ? 'primary' : 'secondary'}
                    aria-pressed={state === 'present'}
                    disabled={busy === p.applicationId}
                    onClick={() => void tick(p.applicationId, true)}
                  >
                    {t('attendance.present')}
                  </Button>
                  <Button
                    className="min-h-16 min-w-28 text-std-20B-150"
                    variant={state === 'absent' ? 'primary' : 'secondary'}
                    aria-pressed={state === 'absent'}
                    disabled={busy === p.applicationId}
                    onClick={() => void tick(p.applicationId, false)}
                  >
                    {t('attendance.absent')}
                  </Button>
                  {mark && (
                    <Button
                      className="min-h-16"
                      variant="text"
                      disabled={busy === p.applicationId}
                      onClick={() => void tick(p.applicationId, null)}
                    >
                      {t('attendance.clear')}
                    </Button>
                  )}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
