import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { SURVEY_CHANNEL_LABELS, SURVEY_QUESTION_TYPE_LABELS } from '../../../../src/shared/vocab/surveys';
import { BarTable } from '../../components/BarTable';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import {
  exportHref,
  type Survey,
  type SurveyResults,
  useResults,
  useSurvey,
} from '../../lib/queries/surveys';
import { forTrainingRoles } from '../learning/courses/Guard';
import { AnswersPanel } from './AnswersPanel';
import { readsSurveys } from './access';
import { parseResultsSearch, type ResultsSearch } from './search';
import { AnonymousMark, LINK, StatusBadge } from './shared';

type Question = SurveyResults['questions'][number];

const countText = (t: Translate, locale: 'ja' | 'en', n: number, of: number) =>
  of > 0
    ? t('sv.res.countPct', { n: formatNumber(n, locale), pct: Math.round((n / of) * 100) })
    : t('sv.res.count', { n: formatNumber(n, locale) });

/** One question's results: bars per choice, choices per region, a matrix's rows, a number's range, texts. */
function QuestionResult({ q, index }: { q: Question; index: number }) {
  const t = useT();
  const { locale } = useLocale();
  const headingId = `survey-q-${index}`;
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h3 id={headingId} className="mb-1 text-std-20B-150">
        {t('sv.res.qHeading', { n: index + 1, title: q.title })}
      </h3>
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">
        {vocab(t, SURVEY_QUESTION_TYPE_LABELS, q.type)} ・{' '}
        {t('sv.res.answeredN', { n: formatNumber(q.answered, locale) })}
      </p>
      {(q.type === 'single' || q.type === 'multiple') && (
        <>
          <BarTable
            caption={t('sv.res.choicesCaption', { n: index + 1 })}
            labelHeader={t('sv.res.choice')}
            countHeader={t('sv.res.answers')}
            rows={q.counts.map((c) => ({ key: c.value, label: c.label, count: c.count }))}
            formatCount={(n) => countText(t, locale, n, q.answered)}
          />
          {q.byRegion.length > 0 && (
            <Table caption={t('sv.res.byRegionCaption', { n: index + 1 })}>
              <thead>
                <tr>
                  <Th>{t('sv.res.region')}</Th>
                  {q.counts.map((c) => (
                    <Th key={c.value} className="text-right">
                      {c.label}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {q.byRegion.map((r) => (
                  <tr key={r.regionId ?? 'none'}>
                    <RowTh>{r.name}</RowTh>
                    {r.counts.map((n, i) => (
                      <Td key={q.counts[i]?.value ?? i} className="text-right tabular-nums">
                        {formatNumber(n, locale)}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
      {q.type === 'matrix' &&
        q.matrix.map((row) => (
          <BarTable
            key={row.value}
            caption={t('sv.res.matrixCaption', { n: index + 1, row: row.label })}
            labelHeader={t('sv.res.choice')}
            countHeader={t('sv.res.answers')}
            rows={row.counts.map((c) => ({ key: c.value, label: c.label, count: c.count }))}
            formatCount={(n) => t('sv.res.count', { n: formatNumber(n, locale) })}
          />
        ))}
      {q.type === 'number' && q.number && (
        <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-bold">{t('sv.res.min')}</dt>
          <dd className="tabular-nums">{formatNumber(q.number.min, locale)}</dd>
          <dt className="font-bold">{t('sv.res.max')}</dt>
          <dd className="tabular-nums">{formatNumber(q.number.max, locale)}</dd>
          <dt className="font-bold">{t('sv.res.mean')}</dt>
          <dd className="tabular-nums">{formatNumber(Math.round(q.number.mean * 10) / 10, locale)}</dd>
          <dt className="font-bold">{t('sv.res.median')}</dt>
          <dd className="tabular-nums">{formatNumber(q.number.median, locale)}</dd>
        </dl>
      )}
      {(q.type === 'text' || q.type === 'long_text') &&
        (q.texts.length === 0 ? (
          <p>{t('sv.res.noTexts')}</p>
        ) : (
          <ul className="max-w-3xl">
            {q.texts.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id of their own here, and two may read alike
              <li key={i} className="mb-2 border-b border-solid-gray-420 pb-2">
                <span className="block whitespace-pre-wrap">{x.text}</span>
                {x.municipalityName && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">{x.municipalityName}</span>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function Filter({ id, search }: { id: string; search: ResultsSearch }) {
  const t = useT();
  const navigate = useNavigate();
  // The places come from the whole survey's results, so a filtered view still offers every other place.
  const all = useResults(id, {});
  const go = (s: ResultsSearch) =>
    void navigate({ to: '/surveys/$surveyId/results', params: { surveyId: id }, search: s });
  const regions = (all.data?.byRegion ?? []).filter((r) => r.regionId);
  const munis = (all.data?.byMunicipality ?? []).filter((m) => m.code);
  return (
    <div className="grid max-w-3xl gap-x-4 md:grid-cols-2">
      <SelectField
        label={t('sv.res.filterRegion')}
        value={search.regionId ?? ''}
        emptyLabel={t('sv.res.wholePrefecture')}
        options={regions.map((r) => ({ value: r.regionId!, label: r.name }))}
        onChange={(v) => go(v ? { regionId: v } : {})}
      />
      <SelectField
        label={t('sv.res.filterMunicipality')}
        value={search.municipalityCode ?? ''}
        emptyLabel={t('sv.res.wholePrefecture')}
        options={munis.map((m) => ({ value: m.code!, label: `${m.name}（${m.regionName}）` }))}
        onChange={(v) => go(v ? { municipalityCode: v } : {})}
      />
    </div>
  );
}

function ResultsView({ survey, data }: { survey: Survey; data: SurveyResults }) {
  const t = useT();
  const { locale } = useLocale();
  const count = (n: number) => t('sv.res.count', { n: formatNumber(n, locale) });
  return (
    <>
      <p className="mb-4 text-std-17B-170" role="status">
        {t('sv.res.total', { n: formatNumber(data.total, locale) })}
        {data.byChannel.length > 0 &&
          `（${data.byChannel
            .map((c) => `${vocab(t, SURVEY_CHANNEL_LABELS, c.channel)} ${formatNumber(c.count, locale)}`)
            .join('・')}）`}
      </p>
      {survey.anonymous && <p className="mb-6">{t('sv.res.anonymousNote')}</p>}
      <Section id="survey-by-region" title={t('sv.res.byRegion')}>
        <BarTable
          caption={t('sv.res.byRegion')}
          labelHeader={t('sv.res.region')}
          countHeader={t('sv.res.answers')}
          rows={data.byRegion.map((r) => ({ key: r.regionId ?? 'none', label: r.name, count: r.count }))}
          formatCount={count}
        />
      </Section>
      <Section id="survey-by-municipality" title={t('sv.res.byMunicipality')}>
        <BarTable
          caption={t('sv.res.byMunicipality')}
          labelHeader={t('sv.res.municipality')}
          countHeader={t('sv.res.answers')}
          rows={data.byMunicipality.map((m) => ({
            key: m.code ?? 'none',
            label: m.code ? `${m.name}（${m.regionName}）` : m.name,
            count: m.count,
          }))}
          formatCount={count}
        />
      </Section>
      <Section id="survey-by-question" title={t('sv.res.byQuestion')}>
        {data.questions.map((q, i) => (
          <QuestionResult key={q.id} q={q} index={i} />
        ))}
      </Section>
    </>
  );
}

function ResultsFor({ survey }: { survey: Survey }) {
  const t = useT();
  const { locale } = useLocale();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseResultsSearch(raw), [raw]);
  const results = useResults(survey.id, search);
  return (
    <Page title={t('sv.res.title', { title: survey.title })}>
      <p className="mb-4">
        <Link to="/surveys/$surveyId" params={{ surveyId: survey.id }} className={LINK}>
          {t('sv.backToSurvey')}
        </Link>
      </p>
      <p className="mb-4">
        <StatusBadge status={survey.status} />
        <AnonymousMark anonymous={survey.anonymous} />
      </p>
      <div className="mb-6 flex flex-wrap gap-3">
        <a href={exportHref(survey.id, 'xlsx', locale)} className={buttonClass('secondary', 'no-underline')}>
          {t('sv.res.exportXlsx')}
        </a>
        <a href={exportHref(survey.id, 'csv', locale)} className={buttonClass('secondary', 'no-underline')}>
          {t('sv.res.exportCsv')}
        </a>
      </div>
      <Filter id={survey.id} search={search} />
      <QueryState query={results}>{(data) => <ResultsView survey={survey} data={data} />}</QueryState>
      <AnswersPanel key={JSON.stringify(search)} survey={survey} search={search} />
    </Page>
  );
}

function ResultsPageInner() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const survey = useSurvey(surveyId);
  return <QueryState query={survey}>{(data) => <ResultsFor survey={data} />}</QueryState>;
}

export const ResultsPage = forTrainingRoles(readsSurveys, ResultsPageInner);
