import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { currentNendo } from '../../../../src/shared/nendo';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { type CensusCount, useApplyCensusCount, useCensusCounts } from '../../lib/queries/survey-census';
import { type Survey, useSurvey } from '../../lib/queries/surveys';
import { nendoLabel } from '../census/labels';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsSurveys } from './access';
import { LINK } from './shared';

type Apply = ReturnType<typeof useApplyCensusCount>;

/** The apply cell of one answer: the source to receive it (chosen when the municipality has several) and the button. */
function ApplyCell({
  item,
  nendo,
  apply,
  onDone,
}: {
  item: CensusCount;
  nendo: number;
  apply: Apply;
  onDone: (text: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [sourceId, setSourceId] = useState(item.sources[0]?.id ?? '');
  const source = item.sources.find((s) => s.id === sourceId) ?? item.sources[0];
  if (!item.canApply || !source || item.figure === null) return null;
  if (source.state === 'applied' && item.sources.length === 1) return null;
  const n = formatNumber(item.figure, locale);
  const run = () =>
    apply.mutate(
      { answerId: item.answerId, nendo, sourceId: source.id, version: source.reported?.version ?? null },
      {
        onSuccess: () =>
          onDone(t('sv.census.appliedDone', { municipality: item.municipalityName, source: source.name, n })),
      },
    );
  return (
    <div className="flex flex-col gap-2">
      {item.sources.length > 1 && (
        <SelectField
          label={t('sv.census.target', { municipality: item.municipalityName })}
          value={source.id}
          onChange={setSourceId}
          options={item.sources.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
      <Button
        variant="secondary"
        disabled={apply.isPending || source.state === 'applied'}
        aria-label={t('sv.census.applyLabel', { municipality: item.municipalityName, n })}
        onClick={run}
      >
        {t('sv.census.apply')}
      </Button>
    </div>
  );
}

function Counts({ survey, nendo }: { survey: Survey; nendo: number }) {
  const t = useT();
  const { locale } = useLocale();
  const counts = useCensusCounts(survey.id, nendo);
  const apply = useApplyCensusCount(survey.id);
  const [done, setDone] = useState<string | null>(null);
  const people = (n: number | null) =>
    n === null ? t('sv.census.noFigure') : t('common.persons', { n: formatNumber(n, locale) });
  const gap = (n: number | null) =>
    n === null ? t('sv.census.noFigure') : `${n > 0 ? '+' : ''}${formatNumber(n, locale)}`;
  return (
    <QueryState query={counts}>
      {(data) =>
        !data.question ? (
          <p>{t('sv.census.noQuestion')}</p>
        ) : (
          <>
            <p className="mb-4">
              {data.run ? (
                <>
                  {t('sv.census.run', {
                    nendo: nendoLabel(data.nendo, locale),
                    status: t(`census.runStatus.${data.run.status as 'linked' | 'published'}`),
                  })}{' '}
                  <Link to="/census/runs/$runId" params={{ runId: data.run.id }} className={LINK}>
                    {t('sv.census.openRun')}
                  </Link>
                </>
              ) : (
                t('sv.census.noRun', { nendo: nendoLabel(data.nendo, locale) })
              )}
            </p>
            <ApiErrorAlert error={apply.error} />
            <StatusMessage>{done}</StatusMessage>
            {data.items.length === 0 ? (
              <p>{t('sv.census.none')}</p>
            ) : (
              <Table caption={t('sv.census.caption', { nendo: nendoLabel(data.nendo, locale) })}>
                <thead>
                  <tr>
                    <Th>{t('sv.census.municipality')}</Th>
                    <Th className="text-right">{t('sv.census.answer')}</Th>
                    <Th className="text-right">{t('sv.census.linked')}</Th>
                    <Th className="text-right">{t('sv.census.gap')}</Th>
                    <Th>{t('sv.census.sources')}</Th>
                    {data.items.some((i) => i.canApply) && <Th>{t('sv.census.applyCol')}</Th>}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.answerId}>
                      <RowTh>
                        <span className="font-bold">{i.municipalityName}</span>
                        <br />
                        <span className="text-dns-14N-130 text-solid-gray-700">{i.respondent}</span>
                      </RowTh>
                      <Td className="text-right tabular-nums">
                        {i.figure !== null
                          ? people(i.figure)
                          : i.problem === 'not_whole'
                            ? t('sv.census.notWhole')
                            : t('sv.census.notAnswered')}
                      </Td>
                      <Td className="text-right tabular-nums">{people(i.linked)}</Td>
                      <Td className="text-right tabular-nums">{gap(i.gap)}</Td>
                      <Td>
                        {i.sources.length === 0 ? (
                          t('sv.census.noSource')
                        ) : (
                          <ul>
                            {i.sources.map((s) => (
                              <li key={s.id}>
                                {s.name}：{s.reported ? `${people(s.reported.count)}・` : ''}
                                {t(`sv.census.state.${s.state}`)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </Td>
                      {data.items.some((x) => x.canApply) && (
                        <Td>
                          <ApplyCell item={i} nendo={data.nendo} apply={apply} onDone={setDone} />
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </>
        )
      }
    </QueryState>
  );
}

function CensusFor({ survey }: { survey: Survey }) {
  const t = useT();
  const { locale } = useLocale();
  const current = currentNendo(new Date());
  const [nendo, setNendo] = useState(current);
  const years = Array.from({ length: 6 }, (_, i) => current + 1 - i);
  return (
    <Page title={t('sv.census.title', { title: survey.title })}>
      <p className="mb-4">
        <Link to="/surveys/$surveyId" params={{ surveyId: survey.id }} className={LINK}>
          {t('sv.backToSurvey')}
        </Link>
      </p>
      <p className="mb-6 max-w-3xl">{t('sv.census.explain')}</p>
      <div className="max-w-sm">
        <SelectField
          label={t('sv.census.nendo')}
          value={String(nendo)}
          onChange={(v) => setNendo(Number(v))}
          options={years.map((y) => ({ value: String(y), label: nendoLabel(y, locale) }))}
        />
      </div>
      <Counts survey={survey} nendo={nendo} />
    </Page>
  );
}

function CensusCountsInner() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const survey = useSurvey(surveyId);
  return <QueryState query={survey}>{(data) => <CensusFor survey={data} />}</QueryState>;
}

/** ME-3: municipalities' counts of children from a survey, applied as their census sources' reported figures. */
export const CensusCountsPage = forTrainingRoles(readsSurveys, CensusCountsInner);
