import { Link } from '@tanstack/react-router';
import {
  APPLICATION_STATUS_LABELS,
  COURSE_KIND_LABELS,
  DELIVERY_MODE_LABELS,
} from '../../../../../src/shared/vocab/learning';
import { StatusMessage } from '../../../components/Alert';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/queries/auth';
import { type MyLearning, useMyLearning, useMyProfile } from '../../../lib/queries/learning-learners';
import { CourseLine } from '../CourseLine';
import { MY_LEARNING_SLOTS } from './MyLearningSlots';

/**
 * マイ研修: the learner's home after signing in — the next days to attend, their applications and where each
 * stands, the lessons in progress and their completions. Each part's own page (from its owner) goes deeper;
 * see MyLearningSlots.tsx.
 */
export function MyLearningPage() {
  const t = useT();
  const session = useSession();
  const learning = useMyLearning();
  const profile = useMyProfile();
  return (
    <Page
      title={t('learners.me.title')}
      intro={t('learners.me.intro', { name: session.data?.user?.displayName ?? '' })}
    >
      {profile.data && !profile.data.profile && (
        <StatusMessage tone="info">
          {t('learners.me.profileMissing')}{' '}
          <Link to="/learning/me/profile" className="text-key-900 underline underline-offset-4">
            {t('learners.me.profileLink')}
          </Link>
        </StatusMessage>
      )}
      <QueryState query={learning}>{(data) => <Summary data={data} />}</QueryState>
    </Page>
  );
}

function Summary({ data }: { data: MyLearning }) {
  const t = useT();
  const date = (iso: string | null) => formatDate(iso, t.locale);
  return (
    <>
      <Section id="upcoming" title={t('learners.me.upcoming')}>
        {data.upcoming.length === 0 ? (
          <p className="text-std-16N-170">{t('learners.me.noUpcoming')}</p>
        ) : (
          <Table caption={t('learners.me.upcoming')} captionHidden>
            <thead>
              <tr>
                <Th>{t('learners.me.day')}</Th>
                <Th>{t('learners.me.session')}</Th>
                <Th>{t('learners.me.place')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.upcoming.map((d) => (
                <tr key={`${d.sessionId}-${d.seq}`}>
                  <RowTh>
                    {date(d.heldOn)}
                    {d.startsAt ? ` ${d.startsAt}${d.endsAt ? `〜${d.endsAt}` : ''}` : ''}
                  </RowTh>
                  <Td>
                    {d.sessionTitle}
                    <CourseLine title={d.courseTitle} kindLabel="" sessionTitle={d.sessionTitle} />
                  </Td>
                  <Td>
                    {vocab(t, DELIVERY_MODE_LABELS, d.delivery)}
                    {d.place ? `：${d.place}` : ''}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      <Section id="applications" title={t('learners.me.applications')}>
        {data.applications.length === 0 ? (
          <p className="text-std-16N-170">{t('learners.me.noApplications')}</p>
        ) : (
          <Table caption={t('learners.me.applications')} captionHidden>
            <thead>
              <tr>
                <Th>{t('learners.me.session')}</Th>
                <Th>{t('learners.me.firstDay')}</Th>
                <Th>{t('learners.me.status')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.applications.map((a) => (
                <tr key={a.id}>
                  <RowTh>
                    {a.sessionTitle}
                    <CourseLine
                      title={a.courseTitle}
                      kindLabel={vocab(t, COURSE_KIND_LABELS, a.courseKind)}
                      sessionTitle={a.sessionTitle}
                    />
                  </RowTh>
                  <Td>{date(a.firstDay)}</Td>
                  <Td>
                    {vocab(t, APPLICATION_STATUS_LABELS, a.status)}
                    {a.status === 'waiting' && a.waitRank
                      ? ` ${t('learners.me.waitRank', { n: a.waitRank })}`
                      : ''}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {MY_LEARNING_SLOTS.applications()}
      </Section>
      {MY_LEARNING_SLOTS.lessons()}
      <Section id="completions" title={t('learners.me.completions')}>
        <p className="text-std-16N-170" data-testid="completion-count">
          {data.completions.count === 0
            ? t('learners.me.noCompletions')
            : t('learners.me.completionCount', {
                n: data.completions.count,
                date: date(data.completions.latestOn),
              })}
        </p>
        {MY_LEARNING_SLOTS.completions()}
      </Section>
    </>
  );
}
