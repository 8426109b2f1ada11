import { Link, useParams } from '@tanstack/react-router';
import {
  COUNCIL_ATTENDANCE_STATUS_LABELS,
  COUNCIL_MEMBER_CATEGORY_LABELS,
} from '../../../../src/shared/vocab/councils';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import { type Meeting, useMeeting } from '../../lib/queries/councils';
import { forTrainingRoles } from '../learning/courses/Guard';
import { RaisedIssues } from '../regional-issues/RaisedIssues';
import { RaiseIssueLink } from '../regional-issues/RaiseIssueLink';
import { ActionItemsTable } from './ActionItemsTable';
import { readsCouncils } from './access';
import { Materials } from './Materials';
import { MeetingActions } from './MeetingActions';
import { LINK, MeetingStatus, MeetingTime, OwnerText } from './shared';

function Summary({ m }: { m: Meeting }) {
  const t = useT();
  const { locale } = useLocale();
  const present = m.attendance.filter((a) => a.status && a.status !== 'absent').length;
  const rows: [string, React.ReactNode][] = [
    [
      t('cn.body.link'),
      <Link
        key="b"
        to="/councils/$bodyId"
        params={{ bodyId: m.bodyId }}
        className="underline underline-offset-4"
      >
        {m.bodyName}
      </Link>,
    ],
    [t('cn.owner'), <OwnerText key="o" owner={m.bodyOwner} />],
    [t('cn.when'), <MeetingTime key="w" startsAt={m.startsAt} endsAt={m.endsAt} />],
    [t('cn.place'), m.place || '—'],
    [t('cn.status'), <MeetingStatus key="s" status={m.status} />],
    [
      t('cn.attendance'),
      m.status === 'held'
        ? t('cn.attendance.summary', { present, total: m.attendance.length })
        : t('cn.memberCount', { n: m.attendance.length }),
    ],
    [
      t('cn.minutes'),
      m.minutesPublishedAt
        ? t('cn.minutes.isPublished', { date: formatDateTime(m.minutesPublishedAt, locale) })
        : m.minutesWritten
          ? `${t('cn.minutesWritten')} ・ ${t('cn.minutes.notPublished')}`
          : t('cn.minutesNotYet'),
    ],
    [t('cn.openItems'), t('cn.openItemsCount', { n: m.openActionItems })],
  ];
  return (
    <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-std-16B-170 text-solid-gray-700">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Attendance({ m }: { m: Meeting }) {
  const t = useT();
  if (m.attendance.length === 0) return <p role="status">{t('cn.noMembers')}</p>;
  return (
    <Table caption={t('cn.attendanceCaption')}>
      <thead>
        <tr>
          <Th>{t('cn.name')}</Th>
          <Th>{t('cn.affiliation')}</Th>
          <Th>{t('cn.category')}</Th>
          <Th>{t('cn.attendance')}</Th>
        </tr>
      </thead>
      <tbody>
        {m.attendance.map((a) => (
          <tr key={a.memberId}>
            <Td className="min-w-40">{a.name}</Td>
            <Td className="min-w-40">{a.affiliation || '—'}</Td>
            <Td>{vocab(t, COUNCIL_MEMBER_CATEGORY_LABELS, a.category)}</Td>
            <Td>
              {a.status
                ? vocab(t, COUNCIL_ATTENDANCE_STATUS_LABELS, a.status)
                : t('cn.attendance.notRecorded')}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const TEXT = 'max-w-3xl whitespace-pre-wrap rounded-8 border border-solid-gray-300 p-4';

/** A meeting's page: its summary first, then the actions, agenda, attendance, minutes, decisions, action items. */
function MeetingPageInner() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const meeting = useMeeting(meetingId);
  return (
    <QueryState query={meeting}>
      {(m) => (
        <Page title={m.title === m.bodyName ? t('cn.meetingOf', { body: m.bodyName }) : m.title}>
          <Summary m={m} />
          <p className="mb-6 print:hidden">
            <RaiseIssueLink kind="meeting" id={m.id} />
          </p>
          {m.canManage && (
            <Section id="meeting-actions" title={t('cn.actions')}>
              <MeetingActions m={m} />
            </Section>
          )}
          <Section id="meeting-agenda" title={t('cn.agenda')}>
            {m.agenda ? <div className={TEXT}>{m.agenda}</div> : <p>{t('cn.noAgenda')}</p>}
          </Section>
          <Section id="meeting-materials" title={t('cn.materials')}>
            <Materials m={m} />
          </Section>
          <Section id="meeting-attendance" title={t('cn.attendance')}>
            <Attendance m={m} />
          </Section>
          <Section id="meeting-minutes" title={t('cn.minutes')}>
            {m.minutesPublic || m.minutesPrivate ? (
              <>
                <h3 className="mb-2 text-std-17B-170">{t('cn.minutes.public')}</h3>
                <div className={`${TEXT} mb-6`}>{m.minutesPublic || '—'}</div>
                <h3 className="mb-2 text-std-17B-170">{t('cn.minutes.private')}</h3>
                <div className={TEXT}>{m.minutesPrivate || '—'}</div>
              </>
            ) : (
              <p>{t('cn.noMinutes')}</p>
            )}
          </Section>
          <Section id="meeting-decisions" title={t('cn.decisions')}>
            {m.decisions.length ? (
              <ol className="ml-6 list-decimal space-y-1">
                {m.decisions.map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: decisions are an ordered list of texts
                  <li key={i}>{d}</li>
                ))}
              </ol>
            ) : (
              <p>{t('cn.noDecisions')}</p>
            )}
          </Section>
          <Section id="meeting-action-items" title={t('cn.actionItems')}>
            <ActionItemsTable items={m.actionItems} />
          </Section>
          <RaisedIssues kind="meeting" id={m.id} />
          <p>
            <Link to="/councils/$bodyId" params={{ bodyId: m.bodyId }} className={LINK}>
              {m.bodyName}
            </Link>
          </p>
        </Page>
      )}
    </QueryState>
  );
}

export const MeetingPage = forTrainingRoles(readsCouncils, MeetingPageInner);
