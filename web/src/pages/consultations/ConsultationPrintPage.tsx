import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { PRINT_BACK_LINK, PrintBlock, PrintFacts, PrintSheet, PrintTable } from '../../components/PrintSheet';
import { QueryState } from '../../components/QueryState';
import { type Translate, useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { type ConsultationDetail, useConsultationForPrint } from '../../lib/queries/consultations';
import { NotFoundPage } from '../NotFoundPage';
import './print.css';
import { readsSharedCases } from './access';
import { childText, resourceLabel } from './case-text';
import { forConsultationRoles } from './Guard';
import {
  actionLabel,
  askerWithDivision,
  channelLabel,
  dayInJapan,
  outcomeLabel,
  tierLabel,
  topicLabel,
  urgencyLabel,
} from './labels';

function statusText(t: Translate, c: ConsultationDetail, locale: 'ja' | 'en'): string {
  if (!c.closedAt) return t('consult.print.open');
  return t('consult.detail.closed', {
    date: formatDate(dayInJapan(c.closedAt), locale),
    outcome: c.outcome ? outcomeLabel(t, c.outcome) : '',
  });
}

/** The summary itself: header facts, timeline, referrals with their follow-ups, outcome. */
function Summary({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const facts: [string, ReactNode][] = [
    [t('consult.print.caseId'), c.id],
    [t('consult.print.opened'), formatDate(dayInJapan(c.openedAt), locale)],
    ...(c.receiptNo ? ([[t('consult.detail.receipt'), c.receiptNo]] as [string, ReactNode][]) : []),
    [t('consult.print.status'), statusText(t, c, locale)],
    [
      t('consult.detail.owner'),
      t('consult.withTier', { name: c.ownerTeam.name, tier: tierLabel(t, c.ownerTeam.tier) }),
    ],
    [t('consult.detail.firstTier'), tierLabel(t, c.firstTier)],
    [t('consult.detail.assignee'), c.assignedUserName ?? '—'],
    [t('consult.col.municipality'), c.municipalityName ?? c.municipalityCode],
    [t('consult.col.asker'), askerWithDivision(t, c)],
    [t('consult.detail.channel'), channelLabel(t, c.channel)],
    ...(c.askerContact ? ([[t('consult.detail.contact'), c.askerContact]] as [string, ReactNode][]) : []),
    [t('consult.detail.child'), childText(t, c, locale)],
    [t('consult.col.topics'), c.topics.map((x) => topicLabel(t, x)).join(t('consult.sep.list'))],
    [t('consult.col.urgency'), urgencyLabel(t, c.urgency)],
    [t('consult.detail.nextAction'), c.dueOn ? formatDate(c.dueOn, locale) : '—'],
  ];
  const referrals = c.timeline.filter((a) => a.kind === 'referral');
  return (
    <>
      <PrintBlock title={t('consult.detail.details')}>
        <PrintFacts rows={facts} wideLabels />
        <p className="mt-2 whitespace-pre-wrap text-dns-14N-130">{c.narrative}</p>
      </PrintBlock>
      <PrintBlock title={t('consult.timeline')}>
        <PrintTable
          caption={t('consult.timeline')}
          head={[
            t('consult.print.col.at'),
            t('consult.print.col.kind'),
            t('consult.print.col.by'),
            t('consult.print.col.detail'),
          ]}
          rows={c.timeline.map((a) => [
            formatDateTime(a.at, locale),
            `${actionLabel(t, a.kind)}${a.minutes !== null ? ` ${t('consult.paren', { text: t('consult.timeline.minutes', { n: a.minutes }) })}` : ''}`,
            a.byName ?? '—',
            [a.kind === 'referral' ? resourceLabel(a) : null, a.note].filter(Boolean).join(' / '),
          ])}
        />
      </PrintBlock>
      <PrintBlock title={t('consult.print.referrals')}>
        <PrintTable
          caption={t('consult.print.referrals')}
          head={[
            t('consult.print.col.resource'),
            t('consult.print.col.followUpOn'),
            t('consult.print.col.followUpState'),
          ]}
          rows={referrals.map((a) => [
            resourceLabel(a),
            a.followUpOn ? formatDate(a.followUpOn, locale) : '—',
            a.followUpDoneAt
              ? t('consult.print.followUpDoneAt', { date: formatDate(dayInJapan(a.followUpDoneAt), locale) })
              : `${t('consult.followUp.pending')}${a.followUpOverdue ? ` ${t('consult.paren', { text: t('consult.overdue') })}` : ''}`,
          ])}
        />
      </PrintBlock>
      {c.closedAt && (
        <PrintBlock title={t('consult.print.outcome')}>
          <p className="text-dns-14N-130">
            {statusText(t, c, locale)}
            {c.closingNote ? ` ${t('consult.paren', { text: c.closingNote })}` : ''}
          </p>
        </PrintBlock>
      )}
    </>
  );
}

/** 相談記録の概要（印刷用）: an A4 printout of the case as the user may see it; the read is audited as a printout. */
function ConsultationPrint() {
  const t = useT();
  const { consultationId } = useParams({ strict: false }) as { consultationId: string };
  const query = useConsultationForPrint(consultationId);
  useEffect(() => {
    document.title = `${t('consult.print.title')} | ${t('app.titleSuffix')}`;
  }, [t]);
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  return (
    <PrintSheet
      sheetClass="consultation-summary"
      title={t('consult.print.title')}
      back={
        <Link to="/consultations/$consultationId" params={{ consultationId }} className={PRINT_BACK_LINK}>
          {t('consult.print.back')}
        </Link>
      }
    >
      <QueryState query={query}>{(c) => <Summary c={c} />}</QueryState>
    </PrintSheet>
  );
}

export const ConsultationPrintPage = forConsultationRoles(readsSharedCases, ConsultationPrint);
