import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  COUNCIL_BODY_KIND_LABELS,
  COUNCIL_MEMBER_CATEGORY_LABELS,
  COUNCIL_MEMBER_ROLE_LABELS,
} from '../../../../src/shared/vocab/councils';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import {
  type CouncilBody,
  type Member,
  useBody as useBodyQuery,
  useUpdateMember,
} from '../../lib/queries/councils';
import { forTrainingRoles } from '../learning/courses/Guard';
import { SaveError } from '../learning/courses/shared';
import { ActionItemsTable } from './ActionItemsTable';
import { readsCouncils } from './access';
import { BodyActions } from './BodyActions';
import { MarkdownHtml } from './MarkdownHtml';
import { scheduleText } from './schedule-text';
import { LINK, MeetingStatus, MeetingTime, OwnerText } from './shared';

function Summary({ b }: { b: CouncilBody }) {
  const t = useT();
  const { locale } = useLocale();
  const next = b.meetings
    .filter((m) => m.status === 'planned' && new Date(m.endsAt) >= new Date())
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt))[0];
  const open = b.actionItems.filter((i) => i.status === 'open');
  const rows: [string, React.ReactNode][] = [
    [t('cn.kind'), vocab(t, COUNCIL_BODY_KIND_LABELS, b.kind)],
    [t('cn.owner'), <OwnerText key="o" owner={b.owner} />],
    [
      t('cn.nextMeeting'),
      next ? (
        <Link
          key="n"
          to="/councils/meetings/$meetingId"
          params={{ meetingId: next.id }}
          className="underline underline-offset-4"
        >
          {formatDateTime(next.startsAt, locale, { weekday: true })}
        </Link>
      ) : (
        t('cn.noNextMeeting')
      ),
    ],
    [t('cn.schedule'), scheduleText(t, b)],
    [
      t('cn.members'),
      t('cn.memberCount', { n: formatNumber(b.members.filter((m) => m.current).length, locale) }),
    ],
    [
      t('cn.openItems'),
      `${t('cn.openItemsCount', { n: formatNumber(open.length, locale) })}${
        open.some((i) => i.overdue)
          ? ` ・ ${t('cn.overdueCount', { n: open.filter((i) => i.overdue).length })}`
          : ''
      }`,
    ],
  ];
  if (b.defaultPlace) rows.push([t('cn.f.defaultPlace'), b.defaultPlace]);
  if (b.purpose)
    rows.push([
      t('cn.purpose'),
      <span key="p" className="whitespace-pre-wrap">
        {b.purpose}
      </span>,
    ]);
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

function Meetings({ b }: { b: CouncilBody }) {
  const t = useT();
  if (b.meetings.length === 0) return <p role="status">{t('cn.noMeetings')}</p>;
  return (
    <Table caption={t('cn.meetingsCaption')}>
      <thead>
        <tr>
          <Th>{t('cn.when')}</Th>
          <Th>{t('cn.meeting')}</Th>
          <Th>{t('cn.status')}</Th>
          <Th>{t('cn.attendance')}</Th>
          <Th>{t('cn.minutes')}</Th>
          <Th className="text-right">{t('cn.openItems')}</Th>
        </tr>
      </thead>
      <tbody>
        {b.meetings.map((m) => (
          <tr key={m.id}>
            <Td className="min-w-48 whitespace-nowrap">
              <MeetingTime startsAt={m.startsAt} endsAt={m.endsAt} />
            </Td>
            <Td className="min-w-48">
              <Link to="/councils/meetings/$meetingId" params={{ meetingId: m.id }} className={LINK}>
                {m.title}
              </Link>
              {m.place && <span className="block text-dns-14N-130 text-solid-gray-700">{m.place}</span>}
            </Td>
            <Td>
              <MeetingStatus status={m.status} />
            </Td>
            <Td className="whitespace-nowrap">
              {m.status === 'held' ? t('cn.attended', { n: m.attendanceCount }) : '—'}
            </Td>
            <Td className="whitespace-nowrap">
              {m.minutesPublished
                ? t('cn.minutesPublished')
                : m.minutesWritten
                  ? t('cn.minutesWritten')
                  : t('cn.minutesNotYet')}
            </Td>
            <Td className="text-right tabular-nums">{m.openActionItems}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function EndTerm({ m, onDone }: { m: Member; onDone: () => void }) {
  const t = useT();
  const update = useUpdateMember();
  const [on, setOn] = useState('');
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (on) update.mutate({ memberId: m.id, version: m.version, termTo: on }, { onSuccess: onDone });
      }}
    >
      <TextField label={t('cn.endTerm.on')} type="date" value={on} onChange={setOn} wrapperClassName="mb-0" />
      <Button type="submit" variant="secondary" disabled={update.isPending || !on}>
        {t('cn.endTerm')}
      </Button>
      <SaveError<CouncilBody> mutation={update} onReload={() => undefined} />
    </form>
  );
}

function Members({ b }: { b: CouncilBody }) {
  const t = useT();
  const { locale } = useLocale();
  const [ending, setEnding] = useState<string | null>(null);
  if (b.members.length === 0) return <p role="status">{t('cn.noMembers')}</p>;
  return (
    <Table caption={t('cn.membersCaption')}>
      <thead>
        <tr>
          <Th>{t('cn.name')}</Th>
          <Th>{t('cn.affiliation')}</Th>
          <Th>{t('cn.category')}</Th>
          <Th>{t('cn.role')}</Th>
          <Th>{t('cn.term')}</Th>
        </tr>
      </thead>
      <tbody>
        {b.members.map((m) => {
          const from = formatDate(m.termFrom, locale, { compact: true });
          return (
            <tr key={m.id} className={m.current ? '' : 'text-solid-gray-700'}>
              <Td className="min-w-40">
                {m.name}
                {m.userId && <span className="ml-2 text-dns-14N-130">（{t('cn.hasAccount')}）</span>}
              </Td>
              <Td className="min-w-40">
                {[m.organisationName, m.affiliation].filter(Boolean).join(' ') || '—'}
              </Td>
              <Td>{vocab(t, COUNCIL_MEMBER_CATEGORY_LABELS, m.category)}</Td>
              <Td>{vocab(t, COUNCIL_MEMBER_ROLE_LABELS, m.role)}</Td>
              <Td className="min-w-48">
                {m.termTo
                  ? t('cn.termRange', { from, to: formatDate(m.termTo, locale, { compact: true }) })
                  : t('cn.termOpen', { from })}
                <span className="block text-dns-14N-130">{m.current ? t('cn.current') : t('cn.former')}</span>
                {b.canManage && m.current && !m.termTo && ending !== m.id && (
                  <Button variant="secondary" className="mt-1" onClick={() => setEnding(m.id)}>
                    {t('cn.endTerm')}
                  </Button>
                )}
                {ending === m.id && <EndTerm m={m} onDone={() => setEnding(null)} />}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** A body's page: its summary first, then the actions, meetings, action items, members and charter. */
function BodyPageInner() {
  const t = useT();
  const { bodyId } = useParams({ strict: false }) as { bodyId: string };
  const body = useBodyQuery(bodyId);
  return (
    <QueryState query={body}>
      {(b) => (
        <Page title={b.name}>
          <Summary b={b} />
          <p className="mb-6 flex flex-wrap gap-4">
            <a
              href={`/api/councils/bodies/${encodeURIComponent(b.id)}/calendar.ics`}
              className={LINK}
              download
            >
              {t('cn.action.ics')}
            </a>
            <Link to="/councils" className={LINK}>
              {t('cn.title')}
            </Link>
          </p>
          {b.canManage && (
            <Section id="body-actions" title={t('cn.actions')}>
              <BodyActions b={b} />
            </Section>
          )}
          <Section id="body-meetings" title={t('cn.meetings')}>
            <Meetings b={b} />
          </Section>
          <Section id="body-action-items" title={t('cn.actionItems')}>
            <ActionItemsTable items={b.actionItems} showSource />
          </Section>
          <Section id="body-members" title={t('cn.members')}>
            <Members b={b} />
          </Section>
          <Section id="body-charter" title={t('cn.charter')}>
            {b.charterHtml ? <MarkdownHtml html={b.charterHtml} /> : <p>{t('cn.noCharter')}</p>}
          </Section>
        </Page>
      )}
    </QueryState>
  );
}

export const BodyPage = forTrainingRoles(readsCouncils, BodyPageInner);
