import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../src/shared/vocab/care-items';
import { TOPIC_LABELS, TOPICS } from '../../../../src/shared/vocab/consultations';
import {
  LIFE_ELEMENT_LABELS,
  LIFE_ELEMENTS,
  MUNICIPAL_REQUEST_LABELS,
  MUNICIPAL_REQUESTS,
} from '../../../../src/shared/vocab/engagements';
import {
  GOOD_PRACTICE_STATUS_LABELS,
  GOOD_PRACTICE_STATUSES,
} from '../../../../src/shared/vocab/good-practices';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { formatDate, formatDateTime } from '../../lib/format';
import { type StoryList, useStories, useStoryOptions } from '../../lib/queries/good-practices';
import { forTrainingRoles, useRole } from '../learning/courses/Guard';
import { readsStories, writesStories } from './access';
import { parseStorySearch, type StorySearch } from './search';
import { areaLine, StatusBadge, ThemeChips } from './shared';

function Filters({ search }: { search: StorySearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const options = useStoryOptions();
  const [form, setForm] = useState<StorySearch>(search);
  useEffect(() => setForm(search), [search]);
  const set = (k: keyof StorySearch) => (v: string) => setForm((f) => ({ ...f, [k]: v || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/good-practices', search: form });
  };
  return (
    <form onSubmit={submit}>
      <div className="grid gap-x-4 md:grid-cols-2 lg:grid-cols-3">
        <TextField label={t('gp.q')} hint={t('gp.q.hint')} value={form.q ?? ''} onChange={set('q')} />
        <SelectField
          label={t('gp.status')}
          value={form.status ?? ''}
          onChange={set('status')}
          emptyLabel={t('gp.anyStatus')}
          options={vocabOptions(t, GOOD_PRACTICE_STATUSES, GOOD_PRACTICE_STATUS_LABELS)}
        />
        <SelectField
          label={t('gp.topic')}
          value={form.topic ?? ''}
          onChange={set('topic')}
          emptyLabel={t('gp.anyTopic')}
          options={vocabOptions(t, TOPICS, TOPIC_LABELS)}
        />
        <SelectField
          label={t('gp.lifeElement')}
          value={form.lifeElement ?? ''}
          onChange={set('lifeElement')}
          emptyLabel={t('gp.anyLifeElement')}
          options={vocabOptions(t, LIFE_ELEMENTS, LIFE_ELEMENT_LABELS)}
        />
        <SelectField
          label={t('gp.request')}
          value={form.request ?? ''}
          onChange={set('request')}
          emptyLabel={t('gp.anyRequest')}
          options={vocabOptions(t, MUNICIPAL_REQUESTS, MUNICIPAL_REQUEST_LABELS)}
        />
        <SelectField
          label={t('gp.careItem')}
          value={form.careItem ?? ''}
          onChange={set('careItem')}
          emptyLabel={t('gp.anyCareItem')}
          options={CARE_ITEM_CODES.map((c) => ({ value: c, label: careItemLabel(c, locale) }))}
        />
        {(options.data?.allRegions.length ?? 0) > 1 && (
          <SelectField
            label={t('gp.region')}
            value={form.regionId ?? ''}
            onChange={set('regionId')}
            emptyLabel={t('gp.anyRegion')}
            options={(options.data?.allRegions ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/good-practices', search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function Results({ data }: { data: StoryList }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.items.length === 0) return <p role="status">{t('gp.empty')}</p>;
  return (
    <Table caption={t('gp.caption')}>
      <thead>
        <tr>
          <Th>{t('gp.story')}</Th>
          <Th>{t('gp.area')}</Th>
          <Th>{t('gp.solver')}</Th>
          <Th>{t('gp.when')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((s) => (
          <tr key={s.id}>
            <Td className="min-w-80">
              <span className="flex flex-wrap items-center gap-2">
                <StatusBadge status={s.status} />
                {s.hasContact && (
                  <span className="text-dns-14N-130 text-solid-gray-700">{t('gp.hasContact')}</span>
                )}
              </span>
              <Link
                to="/good-practices/$storyId"
                params={{ storyId: s.id }}
                className="inline-flex min-h-11 items-center text-std-16B-170"
              >
                {s.title}
              </Link>
              <span className="mb-1 block text-dns-14N-130 text-solid-gray-800">{s.summary}</span>
              <ThemeChips s={s} />
            </Td>
            <Td className="min-w-32">{areaLine(s)}</Td>
            <Td className="min-w-40">{s.solver}</Td>
            <Td className="whitespace-nowrap">
              {s.solvedOn && formatDate(s.solvedOn, locale, { compact: true })}
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {s.publishedAt
                  ? t('gp.publishedOn', { date: formatDateTime(s.publishedAt, locale, { compact: true }) })
                  : t('gp.updatedOn', { date: formatDateTime(s.updatedAt, locale, { compact: true }) })}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** 好事例ライブラリ: published stories of the prefecture and the drafts of one's area, searched and filtered. */
function GoodPracticesPageInner() {
  const t = useT();
  const role = useRole();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseStorySearch(raw), [raw]);
  const stories = useStories({
    status: search.status as never,
    q: search.q,
    topic: search.topic as never,
    lifeElement: search.lifeElement as never,
    request: search.request as never,
    careItem: search.careItem as never,
    regionId: search.regionId,
  });
  return (
    <Page title={t('gp.title')} intro={t('gp.intro')}>
      {role && writesStories(role) && (
        <div className="mb-6">
          <Link
            to="/good-practices/new"
            search={{}}
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('gp.new')}
          </Link>
        </div>
      )}
      <Section id="good-practices-filter" title={t('gp.filter')}>
        <Filters search={search} />
      </Section>
      <Section id="good-practices-results" title={t('gp.results')}>
        <QueryState query={stories}>{(data) => <Results data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const GoodPracticesPage = forTrainingRoles(readsStories, GoodPracticesPageInner);
