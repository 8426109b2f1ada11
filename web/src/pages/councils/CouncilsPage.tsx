import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import {
  COUNCIL_BODY_KIND_LABELS,
  COUNCIL_BODY_KINDS,
  COUNCIL_TIER_LABELS,
  COUNCIL_TIERS,
} from '../../../../src/shared/vocab/councils';
import { Button, buttonClass } from '../../components/Button';
import { Checkbox, SelectField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDateTime, formatNumber } from '../../lib/format';
import {
  type BodyList,
  type MeetingList,
  useBodies,
  useCouncilOptions,
  useMeetings,
} from '../../lib/queries/councils';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsCouncils } from './access';
import { type CouncilsSearch, parseCouncilsSearch } from './search';
import { LINK, MeetingStatus, MeetingTime, OwnerText } from './shared';

function Filters({ search }: { search: CouncilsSearch }) {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState<CouncilsSearch>(search);
  useEffect(() => setForm(search), [search]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/councils', search: form });
  };
  return (
    <form onSubmit={submit}>
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('cn.tier')}
          value={form.tier ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, tier: v || undefined }))}
          emptyLabel={t('cn.anyTier')}
          options={vocabOptions(t, COUNCIL_TIERS, COUNCIL_TIER_LABELS)}
        />
        <SelectField
          label={t('cn.kind')}
          value={form.kind ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, kind: v || undefined }))}
          emptyLabel={t('cn.anyKind')}
          options={vocabOptions(t, COUNCIL_BODY_KINDS, COUNCIL_BODY_KIND_LABELS)}
        />
      </div>
      <Checkbox
        label={t('cn.showArchived')}
        checked={!!form.archived}
        onChange={(v) => setForm((f) => ({ ...f, archived: v || undefined }))}
      />
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/councils', search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function Upcoming({ data }: { data: MeetingList }) {
  const t = useT();
  const items = data.items.slice(0, 10);
  if (items.length === 0) return <p role="status">{t('cn.noUpcoming')}</p>;
  return (
    <Table caption={t('cn.upcomingCaption')}>
      <thead>
        <tr>
          <Th>{t('cn.when')}</Th>
          <Th>{t('cn.meeting')}</Th>
          <Th>{t('cn.place')}</Th>
          <Th>{t('cn.status')}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.id}>
            <Td className="min-w-48 whitespace-nowrap">
              <MeetingTime startsAt={m.startsAt} endsAt={m.endsAt} />
            </Td>
            <Td className="min-w-64">
              <Link to="/councils/meetings/$meetingId" params={{ meetingId: m.id }} className={LINK}>
                {m.title}
              </Link>
              {!m.title.startsWith(m.bodyName) && (
                <span className="block text-dns-14N-130 text-solid-gray-700">{m.bodyName}</span>
              )}
            </Td>
            <Td className="min-w-40">{m.place}</Td>
            <Td>
              <MeetingStatus status={m.status} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Bodies({ data }: { data: BodyList }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  if (data.items.length === 0) return <p role="status">{t('cn.noBodies')}</p>;
  return (
    <Table caption={t('cn.bodiesCaption')}>
      <thead>
        <tr>
          <Th>{t('cn.body')}</Th>
          <Th>{t('cn.owner')}</Th>
          <Th>{t('cn.nextMeeting')}</Th>
          <Th className="text-right">{t('cn.members')}</Th>
          <Th className="text-right">{t('cn.heldThisNendo')}</Th>
          <Th className="text-right">{t('cn.openItems')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((b) => (
          <tr key={b.id}>
            <Td className="min-w-64">
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {vocab(t, COUNCIL_BODY_KIND_LABELS, b.kind)}
                {b.isMember && ` ・ ${t('cn.youAreMember')}`}
                {b.archived && ` ・ ${t('cn.archived')}`}
              </span>
              <Link to="/councils/$bodyId" params={{ bodyId: b.id }} className={LINK}>
                {b.name}
              </Link>
            </Td>
            <Td className="min-w-40">
              <OwnerText owner={b.owner} />
            </Td>
            <Td className="min-w-48">
              {b.nextMeeting ? (
                <Link
                  to="/councils/meetings/$meetingId"
                  params={{ meetingId: b.nextMeeting.id }}
                  className="underline underline-offset-4"
                >
                  {formatDateTime(b.nextMeeting.startsAt, locale, { weekday: true })}
                </Link>
              ) : (
                <span className="text-solid-gray-700">{t('cn.noNextMeeting')}</span>
              )}
            </Td>
            <Td className="text-right tabular-nums whitespace-nowrap">
              {t('cn.memberCount', { n: n(b.memberCount) })}
            </Td>
            <Td className="text-right tabular-nums whitespace-nowrap">
              {t('cn.times', { n: n(b.heldThisNendo) })}
            </Td>
            <Td className="text-right tabular-nums whitespace-nowrap">
              {t('cn.openItemsCount', { n: n(b.openActionItems) })}
              {b.overdueActionItems > 0 && (
                <strong className="block text-dns-14B-130 text-error-2">
                  {t('cn.overdueCount', { n: n(b.overdueActionItems) })}
                </strong>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** 協議の場: the bodies the user reads with what they need to choose the next, and the coming meetings. */
function CouncilsPageInner() {
  const t = useT();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseCouncilsSearch(raw), [raw]);
  const options = useCouncilOptions();
  const bodies = useBodies({
    tier: search.tier as never,
    kind: search.kind as never,
    archived: search.archived ? 'all' : undefined,
  });
  const upcoming = useMeetings({ upcoming: 'true' });
  return (
    <Page title={t('cn.title')} intro={t('cn.intro')}>
      <div className="mb-6 flex flex-wrap gap-3">
        {options.data?.canCreate && (
          <Link to="/councils/new" className={buttonClass('primary', 'no-underline hover:text-white')}>
            {t('cn.new')}
          </Link>
        )}
        <Link to="/councils/action-items" className={buttonClass('secondary', 'no-underline')}>
          {t('cn.myActions')}
        </Link>
      </div>
      <Section id="councils-upcoming" title={t('cn.upcoming')}>
        <QueryState query={upcoming}>{(data) => <Upcoming data={data} />}</QueryState>
      </Section>
      <Section id="councils-filter" title={t('cn.filter')}>
        <Filters search={search} />
      </Section>
      <Section id="councils-bodies" title={t('cn.bodies')}>
        <QueryState query={bodies}>{(data) => <Bodies data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const CouncilsPage = forTrainingRoles(readsCouncils, CouncilsPageInner);
