import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import {
  REVIEW_PAGE_SIZE,
  type ReviewPair,
  useCensusRun,
  useDecidePair,
  useReviewPairs,
} from '../../lib/queries/census';
import { NotFoundPage } from '../NotFoundPage';
import { nendoLabel } from './labels';
import { ExplanationView, PairComparison } from './PairView';
import { useCensusWrite } from './use-census-write';

export type CensusReviewSearch = { view?: 'decided'; page?: number };

export function parseCensusReviewSearch(raw: Record<string, unknown>): CensusReviewSearch {
  const page = Number(raw.page);
  return {
    view: raw.view === 'decided' ? 'decided' : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

type Decision = 'same' | 'different';

const KEYS_STORAGE = 'tsunagu.census.reviewKeys';

/**
 * Single-key shortcuts can be turned off (WCAG 2.1.4): speech-input users may trigger them by accident. The
 * choice is kept on this device.
 */
function useShortcutSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(KEYS_STORAGE) !== 'off';
    } catch {
      return true;
    }
  });
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      window.localStorage.setItem(KEYS_STORAGE, next ? 'on' : 'off');
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  }, []);
  return [on, set];
}

/** Keys that decide a pair: S or 1 = same child, D or 2 = different children. */
function decisionForKey(key: string): Decision | null {
  const k = key.toLowerCase();
  if (k === 's' || k === '1') return 'same';
  if (k === 'd' || k === '2') return 'different';
  return null;
}

/**
 * Clerical review (名寄せの確認): the pairs the linkage could not decide, one at a time, side by side with the
 * reasons for the score. One key decides and the next pair follows; decided pairs can be looked at again.
 */
export function CensusReviewPage() {
  const t = useT();
  const { locale } = useLocale();
  const { runId } = useParams({ from: '/app/census/runs/$runId/review' });
  const search = useSearch({ from: '/app/census/runs/$runId/review' });
  const navigate = useNavigate();
  const run = useCensusRun(runId);
  if (isApiError(run.error) && run.error.status === 404) return <NotFoundPage />;
  const title = t('census.review.title');
  return (
    <Page title={title} intro={t('census.review.intro')}>
      <p className="mb-4 flex flex-wrap gap-x-6 print:hidden">
        <Link to="/census" search={{ nendo: run.data?.nendo }} className="inline-flex min-h-11 items-center">
          {t('census.back')}
        </Link>
        <Link to="/census/runs/$runId" params={{ runId }} className="inline-flex min-h-11 items-center">
          {t('census.run.openResults')}
        </Link>
      </p>
      {run.data && (
        <p className="mb-4 text-std-17B-170">
          {t('census.review.runOf', { nendo: nendoLabel(run.data.nendo, locale) })}
        </p>
      )}
      <nav aria-label={t('census.review.views')} className="mb-6 print:hidden">
        <ul className="flex flex-wrap gap-2">
          {(['pending', 'decided'] as const).map((v) => {
            const current = (search.view ?? 'pending') === v;
            return (
              <li key={v}>
                <Link
                  to="/census/runs/$runId/review"
                  params={{ runId }}
                  search={v === 'decided' ? { view: 'decided' } : {}}
                  aria-current={current ? 'page' : undefined}
                  className="inline-flex min-h-11 items-center rounded-8 border-2 border-key-900 px-4 no-underline aria-[current=page]:bg-key-900 aria-[current=page]:text-white"
                >
                  {t(`census.review.view.${v}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {search.view === 'decided' ? (
        <DecidedList
          runId={runId}
          page={search.page ?? 1}
          onPage={(page) =>
            void navigate({
              to: '/census/runs/$runId/review',
              params: { runId },
              search: { view: 'decided', page },
            })
          }
        />
      ) : (
        <PendingQueue runId={runId} />
      )}
    </Page>
  );
}

function PendingQueue({ runId }: { runId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const canWrite = useCensusWrite();
  const run = useCensusRun(runId);
  const pending = useReviewPairs(runId, 'pending', 1);
  const decide = useDecidePair(runId);
  const [decided, setDecided] = useState<Set<string>>(() => new Set());
  const [last, setLast] = useState<Decision | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [shortcuts, setShortcuts] = useShortcutSetting();
  const pair: ReviewPair | undefined = pending.data?.items.find((p) => !decided.has(p.id));
  const published = run.data?.status === 'published';
  const enabled = canWrite && !published && pair !== undefined && !decide.isPending;

  const choose = useCallback(
    (decision: Decision) => {
      if (!pair || !enabled) return;
      decide.mutate(
        { pairId: pair.id, decision },
        {
          onSuccess: () => {
            setDecided((s) => new Set(s).add(pair.id));
            setLast(decision);
            heading.current?.focus();
          },
        },
      );
    },
    [pair, enabled, decide],
  );

  useEffect(() => {
    if (!shortcuts) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [contenteditable="true"], dialog')) return;
      const decision = decisionForKey(e.key);
      if (!decision) return;
      e.preventDefault();
      choose(decision);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [choose, shortcuts]);

  const decidedCount = run.data?.decidedReviews ?? 0;
  const total = decidedCount + (run.data?.pendingReviews ?? 0);
  return (
    <Section id="census-review-pending" title={t('census.review.view.pending')}>
      <StatusMessage>
        {last ? t('census.review.decidedNext', { decision: t(`census.decision.${last}`) }) : null}
      </StatusMessage>
      {decide.error && <ApiErrorAlert error={decide.error} />}
      <QueryState query={pending}>
        {() =>
          !pair ? (
            <p className="text-std-17N-170">{t('census.review.none')}</p>
          ) : (
            <div>
              <h3 ref={heading} tabIndex={-1} id="census-pair-heading" className="mb-2 text-std-20B-150">
                {t('census.review.pairOf', {
                  n: formatNumber(Math.min(total, decidedCount + 1), locale),
                  total: formatNumber(total, locale),
                })}
              </h3>
              {pair.reused && <p className="mb-2">{t('census.review.reused')}</p>}
              {canWrite && !published && (
                <div className="mb-4 print:hidden">
                  {shortcuts && (
                    <p id="census-keys" className="mb-2 text-std-16N-170 text-solid-gray-700">
                      {t('census.review.keys')}
                    </p>
                  )}
                  <div className="flex flex-wrap gap-3">
                    <Button
                      onClick={() => choose('same')}
                      disabled={!enabled}
                      aria-keyshortcuts={shortcuts ? 'S 1' : undefined}
                      aria-describedby={shortcuts ? 'census-keys' : undefined}
                    >
                      {t('census.review.same')}
                      {shortcuts && <kbd className="rounded-4 border border-white px-1.5 font-mono">S</kbd>}
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => choose('different')}
                      disabled={!enabled}
                      aria-keyshortcuts={shortcuts ? 'D 2' : undefined}
                      aria-describedby={shortcuts ? 'census-keys' : undefined}
                    >
                      {t('census.review.different')}
                      {shortcuts && <kbd className="rounded-4 border border-key-900 px-1.5 font-mono">D</kbd>}
                    </Button>
                  </div>
                  <Checkbox label={t('census.review.useKeys')} checked={shortcuts} onChange={setShortcuts} />
                </div>
              )}
              <PairComparison pair={pair} caption={t('census.review.compare')} />
              <h3 className="mb-2 text-std-20B-150">{t('census.review.reasons')}</h3>
              <ExplanationView explanation={pair.explanation} guard={pair.guard} />
            </div>
          )
        }
      </QueryState>
    </Section>
  );
}

function DecidedList({
  runId,
  page,
  onPage,
}: {
  runId: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const list = useReviewPairs(runId, 'decided', page);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section id="census-review-decided" title={t('census.review.view.decided')}>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('census.review.noneDecided')}</p>
          ) : (
            <>
              <Pagination page={data.page} pageSize={REVIEW_PAGE_SIZE} total={data.total} onPage={onPage} />
              <Table caption={t('census.review.view.decided')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('census.pair.a')}</Th>
                    <Th>{t('census.pair.b')}</Th>
                    <Th>{t('census.review.decision')}</Th>
                    <Th>{t('common.actions')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <tr key={p.id}>
                      <RowTh>
                        {p.a.name ?? p.a.kana ?? '—'}
                        <span className="block text-solid-gray-700">{p.a.sourceName}</span>
                      </RowTh>
                      <Td>
                        {p.b.name ?? p.b.kana ?? '—'}
                        <span className="block text-solid-gray-700">{p.b.sourceName}</span>
                      </Td>
                      <Td className="font-bold">
                        {p.status === 'pending' ? '—' : t(`census.decision.${p.status}`)}
                        {p.reused && (
                          <span className="block font-normal">{t('census.review.reusedShort')}</span>
                        )}
                      </Td>
                      <Td>
                        <Button
                          variant="text"
                          aria-expanded={open === p.id}
                          onClick={() => setOpen(open === p.id ? null : p.id)}
                        >
                          {open === p.id ? t('census.review.hide') : t('census.review.show')}
                        </Button>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {data.items
                .filter((p) => p.id === open)
                .map((p) => (
                  <section key={p.id} aria-label={t('census.review.detail')} className="mb-6">
                    <PairComparison pair={p} caption={t('census.review.compare')} />
                    <ExplanationView explanation={p.explanation} guard={p.guard} />
                  </section>
                ))}
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
