import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { COURSE_KIND_LABELS, DELIVERY_MODE_LABELS } from '../../../../../src/shared/vocab/learning';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { isApiError } from '../../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { type Session, useSession } from '../../../lib/queries/learning-courses';
import { NotFoundPage } from '../../NotFoundPage';
import { readsTrainings } from '../courses/access';
import { forTrainingRoles } from '../courses/Guard';
import { Fact, ownerText, StatusBadge } from '../courses/shared';
import { SessionActions } from './SessionActions';

const LINK = 'text-key-900 underline underline-offset-4';

function windowText(s: Session, t: ReturnType<typeof useT>, locale: 'ja' | 'en'): string {
  const from = s.applicationsOpenAt ? formatDateTime(s.applicationsOpenAt, locale) : null;
  const to = s.applicationsCloseAt ? formatDateTime(s.applicationsCloseAt, locale) : null;
  if (from && to) return t('training.window.fromTo', { from, to });
  if (to) return t('training.window.until', { to });
  if (from) return t('training.window.from', { from });
  return t('training.window.whileOpen');
}

/** The head of the session page: what one needs before acting on it. */
function Summary({ s }: { s: Session }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-label={t('training.summary')} className="mb-8 rounded-8 border border-solid-gray-300 p-4">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t('training.course')}>
          <Link to="/learning/courses/$courseId" params={{ courseId: s.courseId }} className={LINK}>
            {s.courseTitle}
          </Link>
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {vocab(t, COURSE_KIND_LABELS, s.courseKind)}
          </span>
        </Fact>
        <Fact label={t('training.status')}>
          <StatusBadge status={s.status} />{' '}
          {s.applicationsOpen ? t('training.taking') : s.status === 'open' ? t('training.notTaking') : ''}
        </Fact>
        <Fact label={t('training.nextDate')}>
          {s.nextDate
            ? formatDate(s.nextDate, locale, { weekday: true })
            : s.firstDate
              ? t('training.allHeld')
              : t('training.noDays')}
          {s.dayCount > 1 && (
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t('training.span', {
                from: formatDate(s.firstDate, locale, { compact: true }),
                to: formatDate(s.lastDate, locale, { compact: true }),
                n: s.dayCount,
              })}
            </span>
          )}
        </Fact>
        <Fact label={t('training.place')}>
          {vocab(t, DELIVERY_MODE_LABELS, s.delivery)}
          {s.place && <span className="block whitespace-pre-wrap">{s.place}</span>}
        </Fact>
        <Fact label={t('training.seats')}>
          {t('training.applicantsOf', {
            n: formatNumber(s.applicants, locale),
            capacity: s.capacity === null ? t('training.noCap') : formatNumber(s.capacity, locale),
          })}
          {s.selected > 0 && (
            <span className="block">{t('training.selectedN', { n: formatNumber(s.selected, locale) })}</span>
          )}
        </Fact>
        <Fact label={t('training.window')}>{windowText(s, t, locale)}</Fact>
        <Fact label={t('training.owner')}>
          {ownerText(t, s.owner)}
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {s.canManage ? t('training.youManage') : t('training.readOnlyShort')}
          </span>
        </Fact>
        <Fact label={t('training.coHosts')}>
          {s.coHosts.length ? s.coHosts.join('、') : t('common.none')}
        </Fact>
        <Fact label={t('training.operator')}>{s.operatorName ?? t('training.operator.none')}</Fact>
      </dl>
      {!s.isPublic && <p className="mt-3 text-std-16N-170">{t('training.notPublic')}</p>}
    </section>
  );
}

function Days({ s }: { s: Session }) {
  const t = useT();
  const { locale } = useLocale();
  const parts = new Map(s.parts.map((p) => [p.id, p]));
  if (s.days.length === 0) return <p>{t('training.days.none')}</p>;
  return (
    <Table caption={t('training.days')} captionHidden>
      <thead>
        <tr>
          <Th>{t('training.day')}</Th>
          <Th>{t('training.day.date')}</Th>
          <Th>{t('training.day.time')}</Th>
          <Th>{t('training.day.part')}</Th>
        </tr>
      </thead>
      <tbody>
        {s.days.map((d) => (
          <tr key={d.id}>
            <RowTh>{t('training.dayN', { n: d.seq })}</RowTh>
            <Td className="whitespace-nowrap">{formatDate(d.heldOn, locale, { weekday: true })}</Td>
            <Td className="whitespace-nowrap tabular-nums">
              {d.startsAt || d.endsAt ? `${d.startsAt ?? ''}〜${d.endsAt ?? ''}` : t('common.none')}
            </Td>
            <Td>{d.partId ? (parts.get(d.partId)?.title ?? t('common.none')) : t('common.none')}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Item({ children, hint }: { children: ReactNode; hint: string }) {
  return (
    <li className="border-b border-solid-gray-200 py-2">
      {children}
      <span className="block text-dns-14N-130 text-solid-gray-700">{hint}</span>
    </li>
  );
}

/**
 * Where the rest of a session's work is done: applicants and selection, attendance and the sign-in sheet,
 * completion and certificates (each for staff who manage the session), and the course's e-learning.
 */
function Work({ s }: { s: Session }) {
  const t = useT();
  const params = { sessionId: s.id };
  const lessons = s.parts.some((p) => p.kind === 'lesson');
  if (!s.canManage && !lessons) return null;
  return (
    <Section id="training-session-work" title={t('training.work')}>
      <ul className="max-w-3xl">
        {s.canManage && (
          <>
            <Item hint={t('training.work.applicants.hint')}>
              <Link to="/learning/sessions/$sessionId/applicants" params={params} className={LINK}>
                {t('training.work.applicants')}
              </Link>
            </Item>
            <Item hint={t('training.work.attendance.hint')}>
              <Link to="/learning/sessions/$sessionId/attendance" params={params} className={LINK}>
                {t('training.work.attendance')}
              </Link>
              {' · '}
              <Link to="/learning/sessions/$sessionId/attendance/sheet" params={params} className={LINK}>
                {t('training.work.sheet')}
              </Link>
            </Item>
            <Item hint={t('training.work.certificates.hint')}>
              <Link to="/learning/sessions/$sessionId/certificates" params={params} className={LINK}>
                {t('training.work.certificates')}
              </Link>
            </Item>
          </>
        )}
        {lessons && (
          <Item hint={t('training.work.elearning.hint')}>
            <Link to="/learning/elearning/$courseId" params={{ courseId: s.courseId }} className={LINK}>
              {t('training.work.elearning')}
            </Link>
          </Item>
        )}
      </ul>
    </Section>
  );
}

/**
 * A session's page: its title, a summary (course, state, next date, place, seats and applicants, window,
 * owner, co-hosts, operator), the actions that open their forms, the days, and links to the work that follows.
 */
function SessionPageInner() {
  const t = useT();
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const query = useSession(sessionId);
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  return (
    <QueryState query={query}>
      {(s) => (
        <Page title={s.title}>
          <p className="mb-6">
            <Link to="/learning/sessions" className={LINK}>
              {t('training.backToSessions')}
            </Link>
          </p>
          <Summary s={s} />
          <SessionActions s={s} />
          <Section id="training-session-days" title={t('training.days')}>
            <Days s={s} />
          </Section>
          <Work s={s} />
        </Page>
      )}
    </QueryState>
  );
}

export const SessionPage = forTrainingRoles(readsTrainings, SessionPageInner);
