import { Link } from '@tanstack/react-router';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_KINDS } from '../../../../src/shared/vocab/engagements';
import { DIVISION_LABELS } from '../../../../src/shared/vocab/network';
import { buttonClass } from '../../components/Button';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatNendo, formatNumber } from '../../lib/format';
import { useMunicipalityEngagements } from '../../lib/queries/engagements';
import { KindBadge, PlannedBadge } from './Badges';
import { NextDue, Whose } from './CycleCells';

const LINK = 'text-key-900 underline underline-offset-4';

/**
 * One municipality's engagements on its page: the last engagement, where its four-division cycle stands (next
 * due, overdue, the last meeting and who came, whose it is), this 年度's counts by kind and the latest records,
 * with links to all of them and to record a new one. Reads within the viewer's area (the page is already).
 */
export function MunicipalityEngagementsSection({ municipalityCode }: { municipalityCode: string }) {
  const t = useT();
  const { locale } = useLocale();
  const query = useMunicipalityEngagements(municipalityCode);
  return (
    <section aria-labelledby="municipality-engagements" className="mb-10">
      <h2 id="municipality-engagements" className="mb-3 text-std-22B-150 text-solid-gray-900">
        {t('eng.section.title')}
      </h2>
      <QueryState query={query}>
        {(m) => {
          const last = m.summary.lastEngagement;
          const fd = m.fourDivision;
          return (
            <>
              <dl className="mb-4 grid gap-x-6 gap-y-2 md:grid-cols-[12rem_1fr]">
                <dt className="font-bold">{t('eng.section.last')}</dt>
                <dd>
                  {last
                    ? t('eng.section.lastIs', {
                        date: formatDate(last.date, locale),
                        kind: vocab(t, ENGAGEMENT_KIND_LABELS, last.kind),
                      })
                    : t('eng.section.never')}
                </dd>
                <dt className="font-bold">{t('eng.section.fourDivision')}</dt>
                <dd>
                  <NextDue r={fd} />
                  {fd.onCycle && (
                    <span className="block">
                      {t('eng.section.lastMeetingIs', {
                        date: fd.lastHeldOn
                          ? formatDate(fd.lastHeldOn, locale, { compact: true })
                          : t('eng.cycle.never'),
                        divisions:
                          fd.lastDivisions.map((d) => vocab(t, DIVISION_LABELS, d)).join('・') ||
                          t('common.none'),
                      })}
                    </span>
                  )}
                  {fd.onCycle && (
                    <span className="block">
                      {t('eng.cycle.colWhose')}：<Whose r={fd} />
                    </span>
                  )}
                </dd>
                <dt className="font-bold">
                  {t('eng.section.counts', { nendo: formatNendo(m.nendo, locale) })}
                </dt>
                <dd>
                  {ENGAGEMENT_KINDS.map((k) =>
                    t('eng.section.count', {
                      kind: vocab(t, ENGAGEMENT_KIND_LABELS, k),
                      n: formatNumber(m.counts[k] ?? 0, locale),
                    }),
                  ).join('　')}
                </dd>
              </dl>
              {m.recent.length > 0 && (
                <ul className="mb-4">
                  {m.recent.map((r) => (
                    <li key={r.id} className="mb-2 flex flex-wrap items-center gap-2">
                      <span className="whitespace-nowrap">
                        {formatDate(r.occurredOn, locale, { compact: true })}
                      </span>
                      <KindBadge kind={r.kind} />
                      <PlannedBadge status={r.status} />
                      <Link to="/engagements/$engagementId" params={{ engagementId: r.id }} className={LINK}>
                        {r.subject}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <div className="flex flex-wrap gap-3 print:hidden">
                <Link to="/engagements" search={{ municipalityCode }} className={buttonClass('secondary')}>
                  {t('eng.section.all')}
                </Link>
                {m.canRecord &&
                  // Each kind of record opens its form for this municipality (a four-division meeting is
                  // planned here first, then recorded as held from its page).
                  ENGAGEMENT_KINDS.map((kind) => (
                    <Link
                      key={kind}
                      to="/engagements/new"
                      search={{ municipalityCode, kind }}
                      className={buttonClass('secondary')}
                    >
                      {t(`eng.record.${kind}`)}
                    </Link>
                  ))}
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
