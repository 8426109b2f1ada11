import { Link, useParams } from '@tanstack/react-router';
import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import { ENGAGEMENT_KIND_LABELS } from '../../../../src/shared/vocab/engagements';
import {
  ISSUE_EVENT_KIND_LABELS,
  ISSUE_LEVEL_LABELS,
  ISSUE_SOURCE_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  PROJECT_STATUS_LABELS,
} from '../../../../src/shared/vocab/regional-issues';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { type RegionalIssue, useIssue } from '../../lib/queries/regional-issues';
import { forTrainingRoles } from '../learning/courses/Guard';
import { Fact } from '../learning/courses/shared';
import { NotFoundPage } from '../NotFoundPage';
import { readsIssues } from './access';
import { IssueActions } from './IssueActions';
import { areaText, LevelBadge, LevelSteps, LINK } from './shared';

/** Where a source record opens: consultations here; hearings and meetings on their modules' pages. */
function SourceLink({ source }: { source: NonNullable<RegionalIssue['source']> }) {
  const t = useT();
  const { locale } = useLocale();
  const kind = vocab(t, ISSUE_SOURCE_KIND_LABELS, source.kind);
  if (source.visible === false) return <>{`${kind} ・ ${t('ri.source.hidden')}`}</>;
  if (source.kind === 'consultation') {
    return (
      <Link to="/consultations/$consultationId" params={{ consultationId: source.id }} className={LINK}>
        {source.label}
      </Link>
    );
  }
  if (source.kind === 'bottleneck') {
    return (
      <Link to="/resources/gaps" className={LINK}>
        {source.label ?? kind}
      </Link>
    );
  }
  if (source.kind === 'hearing' && source.label) {
    // The engagement (a hearing, a four-division meeting or a support-log entry) by its kind, subject and day.
    const what = source.engagementKind ? vocab(t, ENGAGEMENT_KIND_LABELS, source.engagementKind) : kind;
    return (
      <Link to="/engagements/$engagementId" params={{ engagementId: source.id }} className={LINK}>
        {`${what}：${source.label}${source.on ? `（${formatDate(source.on, locale)}）` : ''}`}
      </Link>
    );
  }
  const href = source.kind === 'hearing' ? `/engagements/${source.id}` : `/councils/meetings/${source.id}`;
  return (
    <a href={href} className={LINK}>
      {kind}
    </a>
  );
}

function Summary({ i }: { i: RegionalIssue }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-label={t('ri.summary')} className="mb-8 rounded-8 border border-solid-gray-300 p-4">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t('ri.level')}>
          <LevelBadge level={i.level} status={i.status} outcome={i.outcome} />
          {i.status === 'closed' && (
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t('ri.endedAt', {
                level: vocab(t, ISSUE_LEVEL_LABELS, i.level),
                date: formatDate(i.closedOn, locale),
              })}
            </span>
          )}
        </Fact>
        <Fact label={t('ri.area')}>{areaText(t, i.region, i.municipality)}</Fact>
        <Fact label={t('ri.careItem')}>
          {i.careItem ? careItemLabel(i.careItem, locale, true) : t('common.none')}
        </Fact>
        <Fact label={t('ri.raised')}>
          {formatDate(i.raisedOn, locale)}
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {i.raisedBy} ・ {t('ri.days', { n: formatNumber(i.ageDays, locale) })}
          </span>
        </Fact>
        <Fact label={t('ri.owner')}>{i.owner?.name ?? t('ri.noOwner')}</Fact>
        <Fact label={t('ri.nextStep')}>
          {i.nextStep ?? t('ri.noNextStep')}
          {i.nextStepOn && (
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {formatDate(i.nextStepOn, locale)}
            </span>
          )}
        </Fact>
        {i.source && (
          <Fact label={t('ri.source')}>
            <SourceLink source={i.source} />
          </Fact>
        )}
        <Fact label={t('ri.ev.title')}>
          {t('ri.ev.counts', {
            n: formatNumber(i.evidence.total, locale),
            askers: formatNumber(i.evidence.distinctAskers, locale),
          })}
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {i.evidence.distinctAskers >= 3 ? t('ri.ev.shared') : t('ri.ev.few')}
          </span>
        </Fact>
      </dl>
      <div className="mt-4">
        <h3 className="text-std-16B-170">{t('ri.description')}</h3>
        <p className="whitespace-pre-line">{i.description}</p>
      </div>
      {i.proposalText && (
        <div className="mt-4">
          <h3 className="text-std-16B-170">
            {t('ri.proposal')}（{formatDate(i.proposedOn, locale)}）
          </h3>
          <p className="whitespace-pre-line">{i.proposalText}</p>
        </div>
      )}
      {i.answerText && (
        <div className="mt-4">
          <h3 className="text-std-16B-170">
            {t('ri.answer')}（{formatDate(i.answeredOn, locale)}）
          </h3>
          <p className="whitespace-pre-line">{i.answerText}</p>
        </div>
      )}
    </section>
  );
}

function Evidence({ i }: { i: RegionalIssue }) {
  const t = useT();
  const { locale } = useLocale();
  const ev = i.evidence;
  return (
    <>
      {ev.consultations.length > 0 ? (
        <Table caption={t('ri.ev.caption')}>
          <thead>
            <tr>
              <Th>{t('ri.ev.number')}</Th>
              <Th>{t('ri.ev.subject')}</Th>
              <Th>{t('ri.ev.municipality')}</Th>
              <Th>{t('ri.ev.opened')}</Th>
            </tr>
          </thead>
          <tbody>
            {ev.consultations.map((c) => (
              <tr key={c.id}>
                <Td className="whitespace-nowrap">{c.number}</Td>
                <Td className="min-w-64">
                  <Link
                    to="/consultations/$consultationId"
                    params={{ consultationId: c.id }}
                    className={LINK}
                  >
                    {c.subject}
                  </Link>
                  {c.closed && (
                    <span className="block text-dns-14N-130 text-solid-gray-700">{t('ri.ev.closed')}</span>
                  )}
                </Td>
                <Td>{c.municipalityName}</Td>
                <Td className="whitespace-nowrap">{formatDate(c.openedOn, locale, { compact: true })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{ev.total === 0 ? t('ri.ev.none') : t('ri.ev.noneVisible')}</p>
      )}
      {ev.hidden > 0 && <p className="mt-2">{t('ri.ev.hidden', { n: formatNumber(ev.hidden, locale) })}</p>}
      {ev.gap && (
        <div className="mt-6">
          <h3 className="text-std-17B-170">
            {t('ri.gap.title', {
              region: ev.gap.regionName,
              item: careItemLabel(ev.gap.careItem, locale, true),
            })}
          </h3>
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact label={t('ri.gap.demand')}>{formatNumber(ev.gap.demand, locale)}</Fact>
            <Fact label={t('ri.gap.services')}>{formatNumber(ev.gap.services, locale)}</Fact>
            <Fact label={t('ri.gap.vacancy')}>{formatNumber(ev.gap.vacancy, locale)}</Fact>
            <Fact label={t('ri.gap.shortfall')}>{formatNumber(ev.gap.shortfall, locale)}</Fact>
          </dl>
          <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('ri.gap.note')}</p>
        </div>
      )}
    </>
  );
}

type Entry = RegionalIssue['history'][number] & { count: number };

/** Entries in order, consecutive links of evidence by the same person at the same time shown as one. */
function grouped(history: RegionalIssue['history']): Entry[] {
  const out: Entry[] = [];
  for (const h of history) {
    const last = out.at(-1);
    const linking = h.kind === 'consultation_linked' || h.kind === 'consultation_unlinked';
    if (
      last &&
      linking &&
      last.kind === h.kind &&
      last.by === h.by &&
      last.at.slice(0, 16) === h.at.slice(0, 16)
    ) {
      last.count++;
    } else {
      out.push({ ...h, count: 1 });
    }
  }
  return out;
}

function History({ i }: { i: RegionalIssue }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ol className="space-y-3">
      {grouped(i.history).map((h) => (
        <li key={h.id} className="rounded-8 border border-solid-gray-300 p-3">
          <p className="text-dns-14N-130 text-solid-gray-700">
            <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> ・ {h.by}（
            {vocab(t, ROLE_LABELS, h.byRole)}）
          </p>
          <p className="text-std-16B-170">
            {vocab(t, ISSUE_EVENT_KIND_LABELS, h.kind)}
            {h.count > 1 && t('ri.h.count', { n: formatNumber(h.count, locale) })}
            {h.toLevel && h.kind !== 'raised' && ` → ${vocab(t, ISSUE_LEVEL_LABELS, h.toLevel)}`}
          </p>
          {h.note && h.kind !== 'edited' && <p className="mt-1 whitespace-pre-line">{h.note}</p>}
        </li>
      ))}
    </ol>
  );
}

function IssuePageInner() {
  const t = useT();
  const { issueId } = useParams({ strict: false }) as { issueId: string };
  const issue = useIssue(issueId);
  if (isApiError(issue.error, 'not_found')) return <NotFoundPage />;
  return (
    <QueryState query={issue}>
      {(i) => (
        <Page title={`${i.number} ${i.title}`}>
          <p className="mb-4">
            <Link to="/regional-issues" search={{}} className={LINK}>
              {t('ri.title')}
            </Link>
          </p>
          <LevelSteps
            level={i.level}
            dates={{
              region: i.raisedOn,
              prefecture_council: i.councilOn,
              proposal: i.proposedOn,
              answered: i.answeredOn,
            }}
          />
          <Summary i={i} />
          <IssueActions i={i} />
          <Section id="issue-evidence" title={t('ri.ev.title')}>
            <Evidence i={i} />
          </Section>
          {i.projects.length > 0 && (
            <Section id="issue-projects" title={t('ri.projects')}>
              <ul className="space-y-2">
                {i.projects.map((p) => (
                  <li key={p.id}>
                    <Link to="/development-projects/$projectId" params={{ projectId: p.id }} className={LINK}>
                      {p.title}
                    </Link>{' '}
                    （{vocab(t, PROJECT_STAGE_LABELS, p.stage)}
                    {p.status === 'stopped' && ` ・ ${vocab(t, PROJECT_STATUS_LABELS, p.status)}`}）
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section id="issue-history" title={t('ri.history')}>
            <History i={i} />
          </Section>
        </Page>
      )}
    </QueryState>
  );
}

export const IssuePage = forTrainingRoles(readsIssues, IssuePageInner);
