import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import {
  SURVEY_STATUS_LABELS,
  SURVEY_STATUSES,
  type SurveyStatus,
} from '../../../../src/shared/vocab/surveys';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { type SurveyList, useSurveys } from '../../lib/queries/surveys';
import { forTrainingRoles, useRole } from '../learning/courses/Guard';
import { managesSurveys, readsSurveys } from './access';
import { parseSurveySearch } from './search';
import { AnonymousMark, AnswersText, audienceText, closesText, StatusBadge } from './shared';

function Results({ data }: { data: SurveyList }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.items.length === 0) return <p role="status">{t('sv.empty')}</p>;
  return (
    <Table caption={t('sv.caption')}>
      <thead>
        <tr>
          <Th>{t('sv.survey')}</Th>
          <Th>{t('sv.status')}</Th>
          <Th>{t('sv.closesAt')}</Th>
          <Th>{t('sv.answers')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((s) => (
          <tr key={s.id}>
            <Td className="min-w-64">
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {audienceText(t, s)}
                <AnonymousMark anonymous={s.anonymous} />
              </span>
              <Link
                to="/surveys/$surveyId"
                params={{ surveyId: s.id }}
                className="inline-flex min-h-11 items-center text-std-16B-170"
              >
                {s.title}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">
              <StatusBadge status={s.status} />
            </Td>
            <Td className="whitespace-nowrap">{closesText(t, locale, s.closesAt)}</Td>
            <Td className="whitespace-nowrap">
              <AnswersText row={s} />
              {s.invited > 0 && s.status === 'open' && s.notAnswered > 0 && (
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {t('sv.notAnsweredN', { n: s.notAnswered })}
                </span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** アンケート: open ones first (soonest closing first), then drafts, then closed; what each needs at a glance. */
function SurveysPageInner() {
  const t = useT();
  const role = useRole();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseSurveySearch(raw), [raw]);
  const list = useSurveys({ status: search.status ?? 'all' });
  return (
    <Page title={t('sv.title')} intro={t('sv.intro')}>
      {role && managesSurveys(role) && (
        <div className="mb-6">
          <Link to="/surveys/new" className={buttonClass('primary', 'no-underline hover:text-white')}>
            {t('sv.new')}
          </Link>
        </div>
      )}
      <div className="max-w-sm">
        <SelectField
          label={t('sv.filterStatus')}
          value={search.status ?? ''}
          emptyLabel={t('sv.anyStatus')}
          options={vocabOptions(t, SURVEY_STATUSES, SURVEY_STATUS_LABELS)}
          onChange={(v) => void navigate({ to: '/surveys', search: v ? { status: v as SurveyStatus } : {} })}
        />
      </div>
      <Section id="surveys-results" title={t('sv.results')}>
        <QueryState query={list}>{(data) => <Results data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const SurveysPage = forTrainingRoles(readsSurveys, SurveysPageInner);
