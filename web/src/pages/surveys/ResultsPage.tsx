import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { SURVEY_CHANNEL_LABELS } from '../../../../src/shared/vocab/surveys';
import { BarTable } from '../../components/BarTable';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Fold } from '../../components/Fold';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
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
import { OPEN_QUESTIONS, QuestionResult } from './QuestionResult';
import { parseResultsSearch, type ResultsSearch } from './search';
import { AnonymousMark, LINK, StatusBadge } from './shared';

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
        <Fold
          summary={t('sv.res.showByMunicipality', { n: formatNumber(data.byMunicipality.length, locale) })}
          className=""
        >
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
        </Fold>
      </Section>
      <Section id="survey-by-question" title={t('sv.res.byQuestion')}>
        {data.questions.length > OPEN_QUESTIONS && (
          <p className="mb-4 text-std-16N-170">
            {t('sv.res.questionsFolded', {
              n: formatNumber(data.questions.length, locale),
              open: OPEN_QUESTIONS,
            })}
          </p>
        )}
        {data.questions.map((q, i) => (
          <QuestionResult key={q.id} q={q} index={i} folded={i >= OPEN_QUESTIONS} />
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
