import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { nendoOf } from '../../../../src/shared/nendo';
import {
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_KINDS,
  LIFE_ELEMENT_LABELS,
  MUNICIPAL_REQUEST_LABELS,
  SUPPORT_OUTCOME_LABELS,
} from '../../../../src/shared/vocab/engagements';
import { DIVISION_LABELS } from '../../../../src/shared/vocab/network';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDate, formatNendo } from '../../lib/format';
import { type EngagementRow, useEngagementOptions, useEngagements } from '../../lib/queries/engagements';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsEngagements } from './access';
import { GoodExampleBadge, KindBadge, PlannedBadge } from './Badges';
import { EngagementTabs } from './EngagementTabs';
import type { EngagementSearch } from './search';

const LINK = 'text-key-900 underline underline-offset-4';
/** The server's page (src/modules/engagements/queries.ts PAGE_SIZE). */
const PAGE_SIZE = 25;

/** What a row says without opening it: divisions at a meeting, the analysis at a glance, items heard. */
function Facts({ r }: { r: EngagementRow }) {
  const t = useT();
  if (r.kind === 'four_division') {
    if (r.divisions.length === 0) return <>{t('common.none')}</>;
    return (
      <>
        {t('eng.divisionsAttended', {
          n: r.divisions.length,
          names: r.divisions.map((d) => vocab(t, DIVISION_LABELS, d)).join('・'),
        })}
      </>
    );
  }
  if (r.kind === 'support') {
    return (
      <>
        <span className="block">
          {vocab(t, LIFE_ELEMENT_LABELS, r.lifeElement)} / {vocab(t, MUNICIPAL_REQUEST_LABELS, r.request)}
        </span>
        <span className="block text-dns-14N-130 text-solid-gray-700">
          {t('eng.outcomeIs', { outcome: vocab(t, SUPPORT_OUTCOME_LABELS, r.outcome) })}
        </span>
      </>
    );
  }
  return <>{r.divisions.map((d) => vocab(t, DIVISION_LABELS, d)).join('・') || t('common.none')}</>;
}

function Filters({ search, goodOnly }: { search: EngagementSearch; goodOnly: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const options = useEngagementOptions();
  const [form, setForm] = useState(search);
  const thisYear = nendoOf(options.data?.today ?? new Date().toISOString().slice(0, 10));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const to = goodOnly ? '/engagements/good-examples' : '/engagements';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to, search: { ...form, page: undefined } });
  };
  return (
    <form onSubmit={submit} aria-label={t('eng.filters')} className="mb-4 grid gap-x-4 md:grid-cols-4">
      <SelectField
        label={t('eng.kind')}
        value={form.kind ?? ''}
        emptyLabel={t('common.all')}
        onChange={(v) => setForm({ ...form, kind: (v || undefined) as EngagementSearch['kind'] })}
        options={vocabOptions(t, ENGAGEMENT_KINDS, ENGAGEMENT_KIND_LABELS)}
      />
      <SelectField
        label={t('eng.municipality')}
        value={form.municipalityCode ?? ''}
        emptyLabel={t('common.all')}
        onChange={(v) => setForm({ ...form, municipalityCode: v || undefined })}
        options={(options.data?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name }))}
      />
      <SelectField
        label={t('eng.nendo')}
        value={form.nendo ? String(form.nendo) : ''}
        emptyLabel={t('common.all')}
        onChange={(v) => setForm({ ...form, nendo: v ? Number(v) : undefined })}
        options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
      />
      <TextField
        label={t('eng.q')}
        value={form.q ?? ''}
        onChange={(v) => setForm({ ...form, q: v || undefined })}
      />
      <div className="flex flex-wrap gap-3 md:col-span-4">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to, search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function EngagementTable({ rows, goodOnly }: { rows: EngagementRow[]; goodOnly: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Table caption={goodOnly ? t('eng.goodCaption') : t('eng.listCaption')}>
      <thead>
        <tr>
          <Th>{t('eng.colSubject')}</Th>
          <Th>{t('eng.colDate')}</Th>
          <Th>{t('eng.colMunicipality')}</Th>
          <Th>{t('eng.colFacts')}</Th>
          <Th>{goodOnly ? t('eng.colGoodNote') : t('eng.colRecordedBy')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <RowTh className="min-w-56">
              <span className="mb-1 flex flex-wrap gap-1">
                <KindBadge kind={r.kind} />
                <PlannedBadge status={r.status} />
                {r.goodExample && !goodOnly && <GoodExampleBadge uses={r.goodExampleUses} />}
              </span>
              <Link to="/engagements/$engagementId" params={{ engagementId: r.id }} className={LINK}>
                {r.subject}
              </Link>
            </RowTh>
            <Td className="whitespace-nowrap">{formatDate(r.occurredOn, locale, { compact: true })}</Td>
            <Td className="min-w-28">
              {r.municipalityName}
              {r.regionName && (
                <span className="block text-dns-14N-130 text-solid-gray-700">{r.regionName}</span>
              )}
            </Td>
            <Td className="min-w-48">
              <Facts r={r} />
            </Td>
            <Td className="min-w-40">
              {goodOnly ? (
                <>
                  <GoodExampleBadge uses={r.goodExampleUses} />
                  {r.goodExampleNote && <span className="block">{r.goodExampleNote}</span>}
                </>
              ) : (
                <>
                  {r.recordedByName}
                  {r.recordedByMunicipality && (
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {t('eng.byMunicipality')}
                    </span>
                  )}
                </>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function ListScreen({ goodOnly }: { goodOnly: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as EngagementSearch;
  const page = search.page ?? 1;
  const query = useEngagements({ ...search, page, goodExample: goodOnly ? 'true' : undefined });
  const to = goodOnly ? '/engagements/good-examples' : '/engagements';
  return (
    <Page
      title={goodOnly ? t('eng.goodTitle') : t('eng.title')}
      intro={goodOnly ? t('eng.goodIntro') : t('eng.intro')}
    >
      <EngagementTabs />
      {!goodOnly && query.data?.canRecord && (
        <div className="mb-6 flex flex-wrap gap-3">
          {ENGAGEMENT_KINDS.map((kind) => (
            <Link
              key={kind}
              to="/engagements/new"
              search={{ kind }}
              className={buttonClass(kind === 'support' ? 'primary' : 'secondary')}
            >
              {t(`eng.record.${kind}`)}
            </Link>
          ))}
        </div>
      )}
      <Filters key={JSON.stringify(search)} search={search} goodOnly={goodOnly} />
      <QueryState query={query}>
        {(list) =>
          list.items.length === 0 ? (
            <p role="status">{goodOnly ? t('eng.goodEmpty') : t('eng.empty')}</p>
          ) : (
            <>
              <EngagementTable rows={list.items} goodOnly={goodOnly} />
              <Pagination
                page={page}
                pageSize={PAGE_SIZE}
                total={list.total}
                onPage={(p) => void navigate({ to, search: { ...search, page: p > 1 ? p : undefined } })}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

export const EngagementsPage = forTrainingRoles(readsEngagements, () => <ListScreen goodOnly={false} />);
export const GoodExamplesPage = forTrainingRoles(readsEngagements, () => <ListScreen goodOnly />);
