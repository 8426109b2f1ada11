import { useState } from 'react';
import {
  PROFESSION_GROUP_LABELS,
  PROFESSION_GROUPS,
  PROFESSION_LABELS,
} from '../../../../../src/shared/vocab/learning';
import {
  COORDINATOR_ACTIVITY,
  COORDINATOR_ACTIVITY_LABELS,
  type CoordinatorActivity,
} from '../../../../../src/shared/vocab/learning-roster';
import { StatusMessage } from '../../../components/Alert';
import { Button, buttonClass } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate, formatNendo, formatNumber } from '../../../lib/format';
import {
  type Roster,
  type RosterRow,
  rosterExportHref,
  useRoster,
  useSetRosterStatus,
} from '../../../lib/queries/learning-roster';
import { readsTrainings } from '../courses/access';
import { forTrainingRoles } from '../courses/Guard';
import { RosterCounts } from './RosterCounts';
import { filterRoster, NOT_RECORDED, optionsOf, type RosterFilter } from './roster-filter';
import { StatusForm } from './StatusForm';
import { usePrinting } from './usePrinting';

/** Rows a page of the roster shows; the whole roster is filtered on the screen and paged here. */
export const ROSTER_PAGE_SIZE = 25;

const ACTIVITY_CLASS: Record<CoordinatorActivity, string> = {
  active: 'border-success-2 bg-green-50 text-green-900',
  inactive: 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800',
  unconfirmed: 'border-key-900 bg-key-50 text-key-1000',
};

function ActivityBadge({ activity }: { activity: CoordinatorActivity }) {
  const t = useT();
  return (
    <span className={`inline-block rounded-4 border px-2 text-dns-14B-130 ${ACTIVITY_CLASS[activity]}`}>
      {vocab(t, COORDINATOR_ACTIVITY_LABELS, activity)}
    </span>
  );
}

function Filters({
  roster,
  filter,
  onChange,
}: {
  roster: Roster;
  filter: RosterFilter;
  onChange: (f: RosterFilter) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const place = (name: string | null) => name ?? t('roster.unknownPlace');
  const regions = optionsOf(roster.rows, (r) => [r.regionId, r.regionName]);
  const municipalities = optionsOf(
    roster.rows.filter((r) => !filter.regionId || (r.regionId ?? NOT_RECORDED) === filter.regionId),
    (r) => [r.municipalityCode, r.municipalityName],
  );
  const years = [...new Set(roster.rows.map((r) => r.nendo))].sort((a, b) => b - a);
  const set = (patch: RosterFilter) => onChange({ ...filter, ...patch });
  return (
    <section aria-label={t('roster.filters')} className="mb-4 grid gap-x-4 md:grid-cols-3 print:hidden">
      <TextField label={t('roster.q')} value={filter.q ?? ''} onChange={(v) => set({ q: v || undefined })} />
      <SelectField
        label={t('roster.region')}
        value={filter.regionId ?? ''}
        emptyLabel={t('common.all')}
        onChange={(v) => set({ regionId: v || undefined, municipalityCode: undefined })}
        options={regions.map((o) => ({ value: o.value, label: place(o.name) }))}
      />
      <SelectField
        label={t('roster.municipality')}
        value={filter.municipalityCode ?? ''}
        emptyLabel={t('common.all')}
        onChange={(v) => set({ municipalityCode: v || undefined })}
        options={municipalities.map((o) => ({ value: o.value, label: place(o.name) }))}
      />
      <SelectField
        label={t('roster.activity')}
        value={filter.activity ?? ''}
        emptyLabel={t('common.all')}
        onChange={(v) => set({ activity: (v || undefined) as CoordinatorActivity | undefined })}
        options={vocabOptions(t, COORDINATOR_ACTIVITY, COORDINATOR_ACTIVITY_LABELS)}
      />
      <SelectField
        label={t('roster.group')}
        value={filter.group ?? ''}
        emptyLabel={t('common.all')}
        onChange={(v) => set({ group: v || undefined })}
        options={vocabOptions(t, PROFESSION_GROUPS, PROFESSION_GROUP_LABELS)}
      />
      <SelectField
        label={t('roster.nendo')}
        value={filter.nendo === undefined ? '' : String(filter.nendo)}
        emptyLabel={t('common.all')}
        onChange={(v) => set({ nendo: v ? Number(v) : undefined })}
        options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
      />
      <div className="md:col-span-3">
        <Button variant="secondary" onClick={() => onChange({})}>
          {t('common.clear')}
        </Button>
      </div>
    </section>
  );
}

function RosterTable({ roster, rows }: { roster: Roster; rows: RosterRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  // Held here, not in the form: a row whose activity no longer matches the filter leaves the rows shown and
  // unmounts its form, and a mutation's per-call callbacks only run while the component that started it is mounted.
  const save = useSetRosterStatus();
  if (rows.length === 0) return <p role="status">{t('roster.empty')}</p>;
  return (
    <>
      <StatusMessage tone={message?.tone}>{message?.text}</StatusMessage>
      <Table caption={t('roster.caption')}>
        <thead>
          <tr>
            <Th>{t('roster.colName')}</Th>
            <Th>{t('roster.colCompleted')}</Th>
            <Th>{t('roster.colProfession')}</Th>
            <Th>{t('roster.colWorkplace')}</Th>
            <Th>{t('roster.colPlace')}</Th>
            <Th>{t('roster.colActivity')}</Th>
            {roster.canEdit && <Th className="print:hidden">{t('roster.colAction')}</Th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.learnerUserId}>
              <RowTh className="min-w-32">{r.name}</RowTh>
              <Td className="whitespace-nowrap">
                <span className="block">{formatNendo(r.nendo, locale)}</span>
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {formatDate(r.firstCompletedOn, locale, { compact: true })}
                  {r.completions > 1 && ` · ${t('roster.completions', { n: r.completions })}`}
                </span>
              </Td>
              <Td>
                <span className="block">{vocab(t, PROFESSION_LABELS, r.profession)}</span>
                {r.professionGroup && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {vocab(t, PROFESSION_GROUP_LABELS, r.professionGroup)}
                  </span>
                )}
              </Td>
              <Td>{r.workplace ?? t('common.none')}</Td>
              <Td>
                {r.municipalityName ?? t('roster.unknownPlace')}
                {r.regionName && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">{r.regionName}</span>
                )}
              </Td>
              <Td className="min-w-40">
                <ActivityBadge activity={r.activity} />
                {r.confirmedOn && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {t('roster.confirmedOn', { date: formatDate(r.confirmedOn, locale, { compact: true }) })}
                  </span>
                )}
                {r.note && <span className="block text-dns-14N-130">{r.note}</span>}
              </Td>
              {roster.canEdit && (
                <Td className="min-w-48 print:hidden">
                  {editing === r.learnerUserId ? (
                    <StatusForm
                      row={r}
                      save={save}
                      onCancel={() => setEditing(null)}
                      onDone={() => {
                        setEditing(null);
                        setMessage({ text: t('roster.saved', { name: r.name }), tone: 'success' });
                      }}
                      onConflict={(current) => {
                        setEditing(null);
                        setMessage({
                          text: t('roster.conflict', {
                            name: r.name,
                            activity: vocab(t, COORDINATOR_ACTIVITY_LABELS, current?.activity ?? r.activity),
                          }),
                          tone: 'info',
                        });
                      }}
                    />
                  ) : (
                    <Button
                      variant="secondary"
                      className="whitespace-nowrap"
                      aria-label={t('roster.confirmLabel', { name: r.name })}
                      onClick={() => {
                        setMessage(null);
                        save.reset();
                        setEditing(r.learnerUserId);
                      }}
                    >
                      {t('roster.confirm')}
                    </Button>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/**
 * The coordinator roster (MI-5; docs/learning.md §7): the totals first, then everyone of the caller's area with
 * a standing coordinator-course completion, filtered on the screen and shown 25 at a time, the activity flag
 * recorded per person from the row's button (409 when someone else recorded it first), the counts per region
 * and municipality folded under their number of rows, printable and as .xlsx.
 */
function RosterScreen() {
  const t = useT();
  const { locale } = useLocale();
  const query = useRoster();
  const [filter, setFilter] = useState<RosterFilter>({});
  const [page, setPage] = useState(1);
  const printing = usePrinting();
  const changeFilter = (f: RosterFilter) => {
    setFilter(f);
    setPage(1);
  };
  return (
    <Page title={t('roster.title')} intro={t('roster.intro')}>
      <div className="mb-6 flex flex-wrap gap-3 print:hidden">
        <a href={rosterExportHref(locale)} download className={buttonClass('secondary')}>
          {t('roster.download')}
        </a>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('roster.print')}
        </Button>
      </div>
      <QueryState query={query}>
        {(roster) => {
          if (roster.rows.length === 0) return <p role="status">{t('roster.none')}</p>;
          const rows = filterRoster(roster.rows, filter);
          const n = (x: number) => formatNumber(x, locale);
          const pages = Math.max(1, Math.ceil(rows.length / ROSTER_PAGE_SIZE));
          const current = Math.min(page, pages);
          const shown = printing
            ? rows
            : rows.slice((current - 1) * ROSTER_PAGE_SIZE, current * ROSTER_PAGE_SIZE);
          return (
            <>
              {!roster.canEdit && <p className="mb-4">{t('roster.readOnly')}</p>}
              <p className="mb-4 text-std-17B-170">
                {t('roster.totals', {
                  trained: n(roster.totals.trained),
                  active: n(roster.totals.active),
                  inactive: n(roster.totals.inactive),
                  unconfirmed: n(roster.totals.unconfirmed),
                })}
              </p>
              <Filters roster={roster} filter={filter} onChange={changeFilter} />
              <p className="mb-2" aria-live="polite">
                {t('roster.shown', { n: n(rows.length) })}
              </p>
              <RosterTable roster={roster} rows={shown} />
              {rows.length > 0 && (
                <Pagination page={current} pageSize={ROSTER_PAGE_SIZE} total={rows.length} onPage={setPage} />
              )}
              <RosterCounts roster={roster} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export const RosterPage = forTrainingRoles(readsTrainings, RosterScreen);
