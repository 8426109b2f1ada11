import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { transitionBirthRange } from '../../../../src/modules/transitions/rules';
import { buttonClass } from '../../components/Button';
import { Fold } from '../../components/Fold';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { SortableTh } from '../../components/SortableTh';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatNendo, formatNumber, fullName } from '../../lib/format';
import {
  TRANSITION_KINDS,
  type TransitionSort,
  type Transitions,
  transitionsExportHref,
  useTransitions,
} from '../../lib/queries/transitions';
import { FirstEntryCell, FirstEntryHeader } from '../learning/requests/FirstEntryCell';
import { FollowUpCells } from './FollowUpCell';
import { defaultNendo, TransitionFilters } from './TransitionFilters';
import { ByMunicipality, KindSummary } from './TransitionSummary';

/** Ten children a page in each kind, as the other work lists page (the workbook has every row). */
const PAGE_SIZE = 10;

function Group({
  group,
  nendo,
  open,
}: {
  group: Transitions['groups'][number];
  nendo: number;
  /** Shown open: the first kind with children; the others open from their summary or the lead's links. */
  open: boolean;
}) {
  const t = useT();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(group.items.length / PAGE_SIZE));
  const shown = Math.min(page, pages);
  const rows = group.items.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE);
  const { locale } = useLocale();
  const search = useSearch({ from: '/app/transitions' });
  const navigate = useNavigate();
  // The rows' order, the same for every kind (the server's; default municipality, then kana).
  const sort: TransitionSort = search.sort ?? 'municipality';
  const dir = search.dir ?? 'asc';
  const header = (column: TransitionSort, label: string) => (
    <SortableTh
      column={column}
      label={label}
      sort={sort}
      dir={dir}
      sortLabel={t('list.sortByColumn', { column: label })}
      onSort={(c, d) => void navigate({ to: '/transitions', search: { ...search, sort: c, dir: d } })}
    />
  );
  const computed = transitionBirthRange(group.kind, nendo);
  const range = { from: group.birthFrom ?? computed.from, to: group.birthTo ?? computed.to };
  const id = `transition-${group.kind}`;
  const title = t(`transition.kind.${group.kind}`);
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-2 text-std-22B-150">
        {title}
        <span className="ml-3 text-std-20N-150">
          {t('common.persons', { n: formatNumber(group.count, locale) })}
        </span>
      </h2>
      <p className="mb-1 max-w-4xl text-std-16N-170">
        {t(`transition.rule.${group.kind}`, { nendo: formatNendo(nendo, locale) })}
      </p>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">
        {t('transitions.cohort', { from: formatDate(range.from, locale), to: formatDate(range.to, locale) })}
      </p>
      {group.items.length === 0 ? (
        <p className="mb-4">{t('transitions.none')}</p>
      ) : (
        <Fold
          defaultOpen={open}
          openWhenHash={id}
          className="mb-2"
          summary={t('transitions.showList', { kind: title, n: formatNumber(group.items.length, locale) })}
        >
          <Table caption={t('transitions.listOf', { kind: title })} captionHidden>
            <thead>
              <tr>
                {header('kana', t('children.name'))}
                {header('birthDate', t('children.birthDate'))}
                {header('municipality', t('children.municipality'))}
                {header('region', t('transitions.region'))}
                {header('affiliation', t('transitions.affiliation'))}
                <FirstEntryHeader kind={group.kind} />
                {header('followUp', t('transitions.followUp'))}
                {header('owner', t('transitions.owner'))}
                <Th>
                  <span className="sr-only">{t('transitions.actions')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <Td className="whitespace-nowrap">
                    <Link
                      to="/children/$childId"
                      params={{ childId: c.id }}
                      className="inline-flex min-h-11 items-center text-std-16B-170"
                    >
                      {fullName(c.familyName, c.givenName)}
                    </Link>
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {fullName(c.familyKana, c.givenKana)}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(c.birthDate, locale)}</Td>
                  <Td>{c.municipalityName}</Td>
                  <Td>{c.regionName ?? t('common.none')}</Td>
                  <Td>{c.affiliation ?? t('common.none')}</Td>
                  <FirstEntryCell childId={c.id} kind={group.kind} nendo={nendo} />
                  <FollowUpCells child={c} kind={group.kind} nendo={nendo} />
                </tr>
              ))}
            </tbody>
          </Table>
          {group.items.length > PAGE_SIZE && (
            <Pagination page={shown} pageSize={PAGE_SIZE} total={group.items.length} onPage={setPage} />
          )}
        </Fold>
      )}
    </section>
  );
}

const groupsOf = (data: Transitions) =>
  TRANSITION_KINDS.map((k) => data.groups.find((g) => g.kind === k)).filter((g) => g !== undefined);

/** 移行予定: who reaches a school or age transition in a 年度, per rule and per municipality. */
export function TransitionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ from: '/app/transitions' });
  const nendo = search.nendo ?? defaultNendo();
  const query = { ...search, nendo };
  const transitions = useTransitions(query);
  return (
    <Page title={t('transitions.title')} intro={t('transitions.intro')}>
      <TransitionFilters search={search} nendo={nendo} />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-std-20B-150">{t('transitions.heading', { nendo: formatNendo(nendo, locale) })}</p>
        <a
          href={transitionsExportHref(query, locale)}
          className={buttonClass('secondary', 'no-underline print:hidden')}
          download
        >
          {t('list.export')}
        </a>
      </div>
      <QueryState query={transitions}>
        {(data) => (
          <>
            <KindSummary data={data} />
            <ByMunicipality data={data} />
            {groupsOf(data).map((g, _, all) => (
              // A new order starts at the first page.
              <Group
                key={`${g.kind}:${search.sort ?? ''}:${search.dir ?? ''}`}
                group={g}
                nendo={data.nendo ?? nendo}
                open={g === all.find((x) => x.items.length > 0)}
              />
            ))}
          </>
        )}
      </QueryState>
    </Page>
  );
}
