import { Link, useParams } from '@tanstack/react-router';
import { PROFESSION_LABELS } from '../../../../../src/shared/vocab/learning';
import { PRINT_BACK_LINK, PRINT_CELL, PrintSheet } from '../../../components/PrintSheet';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDate } from '../../../lib/format';
import { useAttendanceSheet } from './attendance-api';

/**
 * The printable sign-in sheet (受講者サインシート): one A4 page per session day, a numbered row per participant
 * with name, profession and workplace and an empty box to sign. Staff transcribe it on the tick list afterwards.
 */
export function SignInSheetPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const t = useT();
  const { locale } = useLocale();
  const query = useAttendanceSheet(sessionId, false);
  return (
    <QueryState query={query}>
      {(sheet) => (
        <PrintSheet
          sheetClass="signin-sheet"
          title={`${t('attendance.sheetTitle')}：${sheet.session.title}`}
          back={
            <Link
              to="/learning/sessions/$sessionId/attendance"
              params={{ sessionId }}
              className={PRINT_BACK_LINK}
            >
              {t('attendance.back')}
            </Link>
          }
        >
          {sheet.days.map((d, i) => (
            <section key={d.id} className={i < sheet.days.length - 1 ? 'mb-6 break-after-page' : 'mb-6'}>
              <dl className="mb-2 grid grid-cols-[8em_1fr] gap-x-2 text-std-16N-170">
                <dt className="font-bold">{t('attendance.sheetCourse')}</dt>
                <dd>{sheet.session.courseTitle}</dd>
                <dt className="font-bold">{t('attendance.sheetDate')}</dt>
                <dd>
                  {t('attendance.day', { seq: d.seq, date: formatDate(d.heldOn, locale, { weekday: true }) })}
                  {d.startsAt && ` ${d.startsAt}〜${d.endsAt ?? ''}`}
                  {d.partTitle && `（${d.partTitle}）`}
                </dd>
                <dt className="font-bold">{t('attendance.sheetPlace')}</dt>
                <dd>{sheet.session.place || '—'}</dd>
              </dl>
              <table className="w-full border-collapse text-std-16N-170">
                <caption className="sr-only">
                  {t('attendance.sheetTitle')} {formatDate(d.heldOn, locale)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={`${PRINT_CELL} w-12`}>
                      {t('attendance.colNo')}
                    </th>
                    <th scope="col" className={PRINT_CELL}>
                      {t('attendance.colName')}
                    </th>
                    <th scope="col" className={PRINT_CELL}>
                      {t('attendance.colProfession')}
                    </th>
                    <th scope="col" className={PRINT_CELL}>
                      {t('attendance.colWorkplace')}
                    </th>
                    <th scope="col" className={`${PRINT_CELL} w-48`}>
                      {t('attendance.colSignature')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.participants.map((p, n) => (
                    <tr key={p.applicationId} className="h-12 break-inside-avoid">
                      <td className={PRINT_CELL}>{n + 1}</td>
                      <td className={PRINT_CELL}>{p.name}</td>
                      <td className={PRINT_CELL}>{vocab(t, PROFESSION_LABELS, p.profession)}</td>
                      <td className={PRINT_CELL}>{p.workplace}</td>
                      <td className={PRINT_CELL} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </PrintSheet>
      )}
    </QueryState>
  );
}
