import { Link, useParams } from '@tanstack/react-router';
import {
  APPLICATION_STATUS_LABELS,
  PROFESSION_GROUP_LABELS,
  PROFESSION_LABELS,
} from '../../../../../src/shared/vocab/learning';
import { SELECTION_REASON_LABELS } from '../../../../../src/shared/vocab/learning-selection';
import {
  PRINT_BACK_LINK,
  PrintBlock,
  PrintFacts,
  PrintSheet,
  PrintTable,
} from '../../../components/PrintSheet';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDateTime } from '../../../lib/format';
import { useApplicants } from './applications-api';
import './print.css';

/**
 * The printable applicant list (申込者一覧): the session, the selection's seed and whether it re-runs to the
 * same result, each region's share, and every applicant with profession, region, workplace, status and reason —
 * for the selection meeting's file or the board that approves it.
 */
export function ApplicantsPrintPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const t = useT();
  const { locale } = useLocale();
  const query = useApplicants(sessionId);
  return (
    <QueryState query={query}>
      {(data) => {
        const s = data.selection;
        return (
          <PrintSheet
            sheetClass="applicant-list"
            title={`${t('selection.printTitle')}：${data.session.title}`}
            back={
              <Link
                to="/learning/sessions/$sessionId/applicants"
                params={{ sessionId }}
                className={PRINT_BACK_LINK}
              >
                {t('selection.back')}
              </Link>
            }
          >
            <PrintBlock title={t('selection.section')}>
              <PrintFacts
                wideLabels
                rows={[
                  [t('selection.course'), data.session.courseTitle],
                  [
                    t('selection.capacity'),
                    data.session.capacity === null
                      ? t('selection.noCapacity')
                      : t('common.persons', { n: data.session.capacity }),
                  ],
                  [
                    t('selection.seed'),
                    s ? (
                      <code key="seed" className="font-mono">
                        {s.seed}
                      </code>
                    ) : (
                      t('selection.notRun')
                    ),
                  ],
                  [
                    t('selection.check'),
                    s ? (s.reproducible ? t('selection.reproducible') : t('selection.notReproducible')) : '—',
                  ],
                  [t('selection.ranAt'), s ? `${formatDateTime(s.ranAt, locale)}（${s.ranByName}）` : '—'],
                  [
                    t('selection.announcedAt'),
                    s?.announcedAt ? formatDateTime(s.announcedAt, locale) : t('selection.notAnnounced'),
                  ],
                ]}
              />
              {s && (
                <div className="mt-2">
                  <PrintTable
                    caption={t('selection.regions.caption')}
                    head={[
                      t('selection.regions.region'),
                      t('selection.regions.applicants'),
                      t('selection.regions.guaranteed'),
                      t('selection.regions.quota'),
                      t('selection.regions.proportional'),
                      t('selection.regions.selected'),
                    ]}
                    rows={[...s.regions]
                      .sort((a, b) => a.regionRank - b.regionRank)
                      .map((r) => [
                        r.regionName ?? t('selection.noRegion'),
                        t('selection.regions.split', {
                          n: r.applicants,
                          medical: r.medical,
                          welfare: r.welfare,
                        }),
                        r.guaranteed,
                        (Math.round(r.quota * 100) / 100).toString(),
                        r.proportional,
                        r.selected,
                      ])}
                  />
                </div>
              )}
            </PrintBlock>
            <PrintBlock title={t('selection.applicants')}>
              <PrintTable
                caption={t('selection.applicants')}
                head={[
                  t('selection.col.no'),
                  t('selection.col.name'),
                  t('selection.col.profession'),
                  t('selection.col.region'),
                  t('selection.col.workplace'),
                  t('selection.col.status'),
                  t('selection.col.reason'),
                  t('selection.col.lottery'),
                ]}
                rows={data.items.map((a, i) => [
                  i + 1,
                  a.learnerName,
                  `${vocab(t, PROFESSION_LABELS, a.profession)}（${vocab(t, PROFESSION_GROUP_LABELS, a.professionGroup)}）`,
                  [a.regionName ?? t('selection.noRegion'), a.municipalityName].filter(Boolean).join(' '),
                  a.workplace,
                  a.status === 'waiting' && a.waitRank
                    ? t('selection.waitRank', {
                        label: vocab(t, APPLICATION_STATUS_LABELS, a.status),
                        n: a.waitRank,
                      })
                    : vocab(t, APPLICATION_STATUS_LABELS, a.status),
                  [a.reason ? vocab(t, SELECTION_REASON_LABELS, a.reason) : '', a.overrideReason ?? '']
                    .filter(Boolean)
                    .join('：'),
                  a.lotteryRank ?? '',
                ])}
              />
            </PrintBlock>
          </PrintSheet>
        );
      }}
    </QueryState>
  );
}
