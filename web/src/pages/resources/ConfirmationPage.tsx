import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { currentNendo } from '../../../../src/shared/nendo';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Fieldset, INPUT_CLASS } from '../../components/Field';
import { Fold } from '../../components/Fold';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { SortableTh, type SortDir } from '../../components/SortableTh';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Locale, type Translate, useLocale, useT } from '../../i18n';
import { formatDateTime, formatDay, formatNendo, formatNumber } from '../../lib/format';
import { absoluteLink } from '../../lib/links';
import {
  type IssuedLinks as IssuedLinksResult,
  type LinkFormat,
  type ProviderLink,
  type RoundDetail,
  type RoundItemSort,
  useCreateRound,
  useRound,
  useRounds,
  useSendReminders,
} from '../../lib/queries/resources';
import { typeLabel } from '../public/resources/display';
import { runsResourceRounds } from './access';
import { forResourceRoles } from './Guard';
import { StaleList } from './StaleList';

const LINK_FORMATS: readonly LinkFormat[] = ['json', 'xlsx', 'csv'];

/** The listings still to chase, twenty-five a page (the reminder button covers them all). */
const ROUND_PAGE = 25;

/** The links just issued (shown this once): one read-only field per listing, to copy into a letter or mail. */
function IssuedLinks({ links, t, locale }: { links: ProviderLink[]; t: Translate; locale: Locale }) {
  if (links.length === 0) return <p role="status">{t('resources.rounds.noLinks')}</p>;
  return (
    <Table caption={t('resources.rounds.linksCaption', { n: links.length })}>
      <thead>
        <tr>
          <Th>{t('resources.name')}</Th>
          <Th>{t('resources.rounds.link')}</Th>
          <Th>{t('resources.rounds.expires')}</Th>
        </tr>
      </thead>
      <tbody>
        {links.map((l) => (
          <tr key={l.serviceId}>
            <RowTh>{l.serviceName}</RowTh>
            <Td className="min-w-72">
              <input
                readOnly
                aria-label={t('resources.rounds.linkFor', { name: l.serviceName })}
                value={absoluteLink(l.url)}
                onFocus={(e) => e.target.select()}
                className={`${INPUT_CLASS} font-mono`}
              />
            </Td>
            <Td>{formatDateTime(l.expiresAt, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** How staff want the links: on screen to copy, or as a file for mail merge (the choice applies to both buttons). */
function FormatChoice({ value, onChange }: { value: LinkFormat; onChange: (f: LinkFormat) => void }) {
  const t = useT();
  return (
    <Fieldset legend={t('resources.rounds.format')}>
      <p className="mb-2 text-dns-16N-130 text-solid-gray-700">{t('resources.rounds.formatHint')}</p>
      {LINK_FORMATS.map((f) => (
        <label key={f} className="flex min-h-11 items-center gap-3 text-std-16N-170">
          <input
            type="radio"
            name="link-format"
            value={f}
            checked={value === f}
            onChange={() => onChange(f)}
            className="size-6 shrink-0 accent-key-900"
          />
          {t(`resources.rounds.format.${f}`)}
        </label>
      ))}
    </Fieldset>
  );
}

/** What issuing gave: the links to copy, or word that the file was saved. */
function Issued({ result, t, locale }: { result: IssuedLinksResult; t: Translate; locale: Locale }) {
  if (result.kind === 'links') return <IssuedLinks links={result.response.links} t={t} locale={locale} />;
  if (result.issued === 0) return <p role="status">{t('resources.rounds.noLinks')}</p>;
  return (
    <p role="status" className="mb-4 text-std-16B-170">
      {t('resources.rounds.saved', { n: formatNumber(result.issued, locale), file: result.fileName })}
    </p>
  );
}

type RoundOrder = { sort?: RoundItemSort; dir?: SortDir };

/**
 * One round: the listings not confirmed yet, then the confirmed ones, each with what decides whom to chase
 * next — contact, when its open link expires and when it was last confirmed — sorted by the server.
 */
function RoundView({
  round,
  format,
  order,
  onOrder,
}: {
  round: RoundDetail;
  format: LinkFormat;
  order: RoundOrder;
  onOrder: (o: RoundOrder) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const remind = useSendReminders();
  const pending = round.items.filter((i) => !i.confirmedAt);
  // A new order starts at the first page; a page past the end (after confirmations) shows the last.
  const [chosenPage, setPendingPage] = useState(1);
  const pendingPage = Math.min(chosenPage, Math.max(1, Math.ceil(pending.length / ROUND_PAGE)));
  const done = round.items.filter((i) => i.confirmedAt);
  const sort: RoundItemSort = order.sort ?? 'municipality';
  const dir: SortDir = order.dir ?? 'asc';
  const header = (column: RoundItemSort, label: string) => (
    <SortableTh
      column={column}
      label={label}
      sort={sort}
      dir={dir}
      sortLabel={t('resources.rounds.sortBy', { column: label })}
      onSort={(c, d) => {
        setPendingPage(1);
        onOrder({ sort: c, dir: d });
      }}
    />
  );
  const rows = (items: RoundDetail['items'], caption: string) => (
    <Table caption={caption}>
      <thead>
        <tr>
          {header('name', t('resources.name'))}
          {header('type', t('resources.type'))}
          {header('municipality', t('resources.municipality'))}
          <Th>{t('resources.rounds.contact')}</Th>
          {header('confirmed', t('resources.rounds.confirmedAt'))}
          {header('linkExpires', t('resources.rounds.linkExpires'))}
          {header('lastConfirmed', t('resources.lastConfirmed'))}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.serviceId}>
            <RowTh>
              <Link to="/resources/services/$serviceId" params={{ serviceId: i.serviceId }}>
                {i.serviceName}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">{i.organizationName}</span>
            </RowTh>
            <Td>{typeLabel(t, i.type)}</Td>
            <Td>{i.municipalityName ?? i.municipalityCode}</Td>
            <Td>{[i.email, i.phone].filter(Boolean).join(' / ') || '—'}</Td>
            <Td className="whitespace-nowrap">
              {i.confirmedAt
                ? formatDay(i.confirmedAt, locale, { compact: true })
                : t('resources.rounds.notYet')}
            </Td>
            <Td className="whitespace-nowrap">
              {i.confirmedAt || !i.linkExpiresAt
                ? t('common.none')
                : formatDateTime(i.linkExpiresAt, locale, { compact: true })}
            </Td>
            <Td className="whitespace-nowrap">
              {i.lastConfirmedAt
                ? formatDay(i.lastConfirmedAt, locale, { compact: true })
                : t('resources.neverConfirmed')}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
  return (
    <>
      <p className="mb-4 text-std-17B-170">
        {t('resources.rounds.progress', {
          confirmed: formatNumber(round.confirmedCount, locale),
          total: formatNumber(round.serviceCount, locale),
        })}
      </p>
      <div className="mb-4 flex flex-wrap gap-3 print:hidden">
        <Button
          variant="secondary"
          disabled={pending.length === 0 || remind.isPending}
          onClick={() => remind.mutate({ roundId: round.id, format, lang: locale })}
        >
          {t('resources.rounds.remind', { n: pending.length })}
        </Button>
      </div>
      <ApiErrorAlert error={remind.error} />
      {remind.data && <Issued result={remind.data} t={t} locale={locale} />}
      {pending.length > 0 ? (
        <>
          {rows(
            pending.slice((pendingPage - 1) * ROUND_PAGE, pendingPage * ROUND_PAGE),
            t('resources.rounds.pendingCaption', { n: pending.length }),
          )}
          {pending.length > ROUND_PAGE && (
            <Pagination
              page={pendingPage}
              pageSize={ROUND_PAGE}
              total={pending.length}
              onPage={setPendingPage}
            />
          )}
        </>
      ) : (
        <p>{t('resources.rounds.allDone')}</p>
      )}
      {done.length > 0 && (
        // The ones already confirmed need no chasing: folded under their count, opened to check one.
        <Fold summary={t('resources.rounds.doneCaption', { n: formatNumber(done.length, locale) })}>
          {rows(done, t('resources.rounds.doneCaption', { n: done.length }))}
        </Fold>
      )}
    </>
  );
}

/** 確認依頼: yearly re-confirmation rounds by 年度, confirmed vs not yet, reminders, and the stale listings. */
function ConfirmationInner() {
  const t = useT();
  const { locale } = useLocale();
  const rounds = useRounds();
  const create = useCreateRound();
  const nendo = currentNendo(new Date());
  const [chosen, setChosen] = useState<string | null>(null);
  const [format, setFormat] = useState<LinkFormat>('json');
  const list = rounds.data?.items ?? [];
  const latest = [...list].sort((a, b) => b.nendo - a.nendo)[0];
  const selectedId = chosen ?? latest?.id ?? null;
  const [order, setOrder] = useState<RoundOrder>({});
  const round = useRound(selectedId, order);
  const hasCurrent = list.some((r) => r.nendo === nendo);

  return (
    <Page title={t('resources.rounds.title')} intro={t('resources.rounds.intro')}>
      <p className="mb-4 print:hidden">
        <Link to="/resources">{t('resources.staff.backToList')}</Link>
      </p>
      <Section id="rounds-list" title={t('resources.rounds.listTitle')}>
        <div className="print:hidden">
          <FormatChoice value={format} onChange={setFormat} />
        </div>
        {!hasCurrent && (
          <div className="mb-4 print:hidden">
            <Button
              disabled={create.isPending}
              onClick={() =>
                create.mutate(
                  { nendo, format, lang: locale },
                  { onSuccess: (r) => setChosen(r.kind === 'links' ? r.response.round.id : null) },
                )
              }
            >
              {t('resources.rounds.create', { nendo: formatNendo(nendo, locale) })}
            </Button>
          </div>
        )}
        <ApiErrorAlert error={create.error} />
        {create.data && <Issued result={create.data} t={t} locale={locale} />}
        <QueryState query={rounds}>
          {() =>
            list.length === 0 ? (
              <p>{t('resources.rounds.none')}</p>
            ) : (
              <Table caption={t('resources.rounds.listTitle')} captionHidden>
                <thead>
                  <tr>
                    <Th>{t('resources.rounds.nendo')}</Th>
                    <Th className="text-right">{t('resources.rounds.services')}</Th>
                    <Th className="text-right">{t('resources.rounds.confirmed')}</Th>
                    <Th className="text-right">{t('resources.rounds.notConfirmed')}</Th>
                    <Th>{t('resources.rounds.show')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => b.nendo - a.nendo)
                    .map((r) => (
                      <tr key={r.id}>
                        <RowTh>{formatNendo(r.nendo, locale)}</RowTh>
                        <Td className="text-right tabular-nums">{formatNumber(r.serviceCount, locale)}</Td>
                        <Td className="text-right tabular-nums">{formatNumber(r.confirmedCount, locale)}</Td>
                        <Td className="text-right tabular-nums">
                          {formatNumber(r.serviceCount - r.confirmedCount, locale)}
                        </Td>
                        <Td>
                          <Button
                            variant="text"
                            aria-pressed={r.id === selectedId}
                            onClick={() => setChosen(r.id)}
                          >
                            {t('resources.rounds.showRound', { nendo: formatNendo(r.nendo, locale) })}
                          </Button>
                        </Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            )
          }
        </QueryState>
      </Section>
      {selectedId && (
        <Section id="round-detail" title={t('resources.rounds.detailTitle')}>
          <QueryState query={round}>
            {(r) => <RoundView round={r} format={format} order={order} onOrder={setOrder} />}
          </QueryState>
        </Section>
      )}
      <Section id="rounds-stale" title={t('resources.rounds.staleTitle')}>
        <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('resources.rounds.staleHint')}</p>
        <StaleList />
      </Section>
    </Page>
  );
}

export const ConfirmationPage = forResourceRoles(runsResourceRounds, ConfirmationInner);
