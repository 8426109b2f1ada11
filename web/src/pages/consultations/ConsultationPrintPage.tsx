import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/QueryState';
import { type Translate, useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { type ConsultationDetail, useConsultationForPrint } from '../../lib/queries/consultations';
import { NotFoundPage } from '../NotFoundPage';
import './print.css';
import { readsConsultations } from './access';
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

const CELL = 'border border-solid-gray-420 px-2 py-1 align-top text-left';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-4 break-inside-avoid">
      <h2 className="mb-1 border-b-2 border-black text-std-17B-170">{title}</h2>
      {children}
    </section>
  );
}

function Table({
  head,
  rows,
  caption,
}: {
  head: string[];
  rows: [string, ...ReactNode[]][];
  caption: string;
}) {
  const t = useT();
  if (rows.length === 0) return <p className="text-dns-14N-130">{t('print.noneRecorded')}</p>;
  return (
    <table className="w-full border-collapse text-dns-14N-130">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className={`${CELL} bg-solid-gray-50`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, ...cells]) => (
          <tr key={key}>
            {cells.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={j} className={CELL}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
      <Block title={t('consult.detail.details')}>
        <dl className="grid grid-cols-[9rem_1fr_9rem_1fr] text-dns-14N-130">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className={`${CELL} bg-solid-gray-50 font-bold`}>{label}</dt>
              <dd className={CELL}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 whitespace-pre-wrap text-dns-14N-130">{c.narrative}</p>
      </Block>
      <Block title={t('consult.timeline')}>
        <Table
          caption={t('consult.timeline')}
          head={[
            t('consult.print.col.at'),
            t('consult.print.col.kind'),
            t('consult.print.col.by'),
            t('consult.print.col.detail'),
          ]}
          rows={c.timeline.map((a) => [
            a.id,
            formatDateTime(a.at, locale),
            `${actionLabel(t, a.kind)}${a.minutes !== null ? ` ${t('consult.paren', { text: t('consult.timeline.minutes', { n: a.minutes }) })}` : ''}`,
            a.byName ?? '—',
            [a.kind === 'referral' ? resourceLabel(a) : null, a.note].filter(Boolean).join(' / '),
          ])}
        />
      </Block>
      <Block title={t('consult.print.referrals')}>
        <Table
          caption={t('consult.print.referrals')}
          head={[
            t('consult.print.col.resource'),
            t('consult.print.col.followUpOn'),
            t('consult.print.col.followUpState'),
          ]}
          rows={referrals.map((a) => [
            a.id,
            resourceLabel(a),
            a.followUpOn ? formatDate(a.followUpOn, locale) : '—',
            a.followUpDoneAt
              ? t('consult.print.followUpDoneAt', { date: formatDate(dayInJapan(a.followUpDoneAt), locale) })
              : `${t('consult.followUp.pending')}${a.followUpOverdue ? ` ${t('consult.paren', { text: t('consult.overdue') })}` : ''}`,
          ])}
        />
      </Block>
      {c.closedAt && (
        <Block title={t('consult.print.outcome')}>
          <p className="text-dns-14N-130">
            {statusText(t, c, locale)}
            {c.closingNote ? ` ${t('consult.paren', { text: c.closingNote })}` : ''}
          </p>
        </Block>
      )}
    </>
  );
}

/** 相談記録の概要（印刷用）: an A4 printout of the case as the user may see it; the read is audited as a printout. */
function ConsultationPrint() {
  const t = useT();
  const { locale } = useLocale();
  const { consultationId } = useParams({ strict: false }) as { consultationId: string };
  const query = useConsultationForPrint(consultationId);
  useEffect(() => {
    document.title = `${t('consult.print.title')} | ${t('app.titleSuffix')}`;
  }, [t]);
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  return (
    <div className="consultation-summary mx-auto max-w-[210mm] bg-white p-6 print:max-w-none print:p-0">
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
        <Link
          to="/consultations/$consultationId"
          params={{ consultationId }}
          className="text-key-900 underline underline-offset-4"
        >
          {t('consult.print.back')}
        </Link>
      </div>
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-std-22B-150">{t('consult.print.title')}</h1>
        <p className="text-dns-14N-130">
          {t('print.printedAt', { at: formatDateTime(new Date().toISOString(), locale) })}
        </p>
      </header>
      <QueryState query={query}>{(c) => <Summary c={c} />}</QueryState>
      <p className="mt-4 border-t border-black pt-1 text-dns-14N-130">{t('print.confidential')}</p>
    </div>
  );
}

export const ConsultationPrintPage = forConsultationRoles(readsConsultations, ConsultationPrint);
