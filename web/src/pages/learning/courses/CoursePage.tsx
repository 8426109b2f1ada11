import { Link, useParams } from '@tanstack/react-router';
import {
  COURSE_KIND_LABELS,
  COURSE_KIND_PRACTICES,
  COURSE_PART_KIND_LABELS,
} from '../../../../../src/shared/vocab/learning';
import { StatusMessage } from '../../../components/Alert';
import { buttonClass } from '../../../components/Button';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { isApiError } from '../../../lib/api';
import { formatDate, formatNumber } from '../../../lib/format';
import { type Course, useCourse } from '../../../lib/queries/learning-courses';
import { NotFoundPage } from '../../NotFoundPage';
import { readsTrainings, writesTrainings } from './access';
import { CourseActions } from './CourseActions';
import { forTrainingRoles, useRole } from './Guard';
import { Fact, ownerShort, ownerText, StatusBadge } from './shared';

const LINK = 'text-key-900 underline underline-offset-4';

/** The completion rule in words: what a learner must do to complete the course. */
export function ruleText(c: Course, t: ReturnType<typeof useT>): string {
  const items = [
    c.completionRequiresAllDays ? t('training.rule.allDays') : null,
    c.completionRequiresAllLessons ? t('training.rule.allLessons') : null,
    c.completionRequiresAssignment ? t('training.rule.assignment') : null,
  ].filter((x): x is string => !!x);
  return items.length ? items.join(t('training.sep')) : t('training.rule.none');
}

function Summary({ c }: { c: Course }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-label={t('training.summary')} className="mb-8 rounded-8 border border-solid-gray-300 p-4">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t('training.kind')}>
          {vocab(t, COURSE_KIND_LABELS, c.kind)}（{COURSE_KIND_PRACTICES[c.kind]}）
        </Fact>
        <Fact label={t('training.owner')}>
          {ownerText(t, c.owner)}
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {c.canManage ? t('training.youManage') : t('training.readOnlyShort')}
          </span>
        </Fact>
        <Fact label={t('training.publicity')}>
          {c.isPublic ? t('training.public') : t('training.notPublicShort')}
        </Fact>
        <Fact label={t('training.rule')}>{ruleText(c, t)}</Fact>
        <Fact label={t('training.nextDate')}>
          {c.nextDate ? formatDate(c.nextDate, locale, { weekday: true }) : t('common.none')}
        </Fact>
        <Fact label={t('training.sessionCount')}>{formatNumber(c.sessionCount, locale)}</Fact>
      </dl>
      {c.summary && <p className="mt-4 whitespace-pre-wrap text-std-16N-170">{c.summary}</p>}
    </section>
  );
}

function Parts({ c }: { c: Course }) {
  const t = useT();
  if (c.parts.length === 0) return <p>{t('training.parts.none')}</p>;
  return (
    <ol className="grid max-w-3xl gap-2">
      {c.parts.map((p) => (
        <li key={p.id} className="rounded-8 border border-solid-gray-300 p-3">
          <p className="text-std-16B-170">
            {p.seq}. {p.title}
          </p>
          <p className="text-dns-14N-130 text-solid-gray-700">
            {vocab(t, COURSE_PART_KIND_LABELS, p.kind)}
            {p.durationMinutes !== null && ` · ${t('training.minutes', { n: p.durationMinutes })}`}
          </p>
          {p.description && <p className="mt-1 whitespace-pre-wrap">{p.description}</p>}
        </li>
      ))}
    </ol>
  );
}

function Sessions({ c }: { c: Course }) {
  const t = useT();
  const { locale } = useLocale();
  if (c.sessions.length === 0) return <p>{t('training.course.noSessions')}</p>;
  return (
    <Table caption={t('training.course.sessions')} captionHidden>
      <thead>
        <tr>
          <Th>{t('training.session')}</Th>
          <Th>{t('training.nextDate')}</Th>
          <Th className="text-right">{t('training.seats')}</Th>
          <Th>{t('training.status')}</Th>
          <Th>{t('training.owner')}</Th>
        </tr>
      </thead>
      <tbody>
        {c.sessions.map((s) => (
          <tr key={s.id}>
            <Td>
              <Link to="/learning/sessions/$sessionId" params={{ sessionId: s.id }} className={LINK}>
                {s.title}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">
              {s.nextDate
                ? formatDate(s.nextDate, locale, { weekday: true })
                : s.firstDate
                  ? formatDate(s.firstDate, locale)
                  : t('training.noDays')}
            </Td>
            <Td className="text-right tabular-nums whitespace-nowrap">
              {t('training.applicantsOf', {
                n: formatNumber(s.applicants, locale),
                capacity: s.capacity === null ? t('training.noCap') : formatNumber(s.capacity, locale),
              })}
            </Td>
            <Td>
              <StatusBadge status={s.status} />
            </Td>
            <Td className="min-w-32">{ownerShort(t, s.owner)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A course's page: summary with its completion rule, the actions, its parts in order and its sessions. */
function CoursePageInner() {
  const t = useT();
  const role = useRole();
  const { courseId } = useParams({ strict: false }) as { courseId: string };
  const query = useCourse(courseId);
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  return (
    <QueryState query={query}>
      {(c) => (
        <Page title={c.title}>
          <p className="mb-6">
            <Link to="/learning/courses" className={LINK}>
              {t('training.backToCourses')}
            </Link>
          </p>
          {c.archived && <StatusMessage tone="info">{t('training.archivedNote')}</StatusMessage>}
          <Summary c={c} />
          <CourseActions
            c={c}
            extra={
              role && writesTrainings(role) && !c.archived ? (
                <Link
                  to="/learning/sessions/new"
                  search={{ courseId: c.id }}
                  className={buttonClass('primary', 'no-underline hover:text-white')}
                >
                  {t('training.course.newSession')}
                </Link>
              ) : undefined
            }
          />
          <Section id="training-course-parts" title={t('training.parts')}>
            <Parts c={c} />
          </Section>
          <Section id="training-course-sessions" title={t('training.course.sessions')}>
            <Sessions c={c} />
          </Section>
        </Page>
      )}
    </QueryState>
  );
}

export const CoursePage = forTrainingRoles(readsTrainings, CoursePageInner);
