import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import { ACCEPTANCE_LABELS } from '../../../../src/shared/vocab/resources';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import {
  type CareProposal,
  type Survey,
  useApplyCare,
  useCareProposals,
  useSurvey,
} from '../../lib/queries/surveys';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsSurveys } from './access';
import { LINK } from './shared';

/** One provider's answer: what would change on its listing (chosen one by one or all), what stays, what was applied. */
function ProposalCard({ surveyId, p, index }: { surveyId: string; p: CareProposal; index: number }) {
  const t = useT();
  const { locale } = useLocale();
  const apply = useApplyCare(surveyId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const label = (code: string) => careItemLabel(code, locale);
  const acc = (a: string | null) => (a ? vocab(t, ACCEPTANCE_LABELS, a) : t('sv.care.unknown'));
  const run = (codes: string[]) => {
    setDone(null);
    apply.mutate(
      { answerId: p.answerId, serviceVersion: p.service.version, codes },
      {
        onSuccess: () => {
          setDone(codes.length);
          setChosen([]);
        },
      },
    );
  };
  const headingId = `care-${index}`;
  return (
    <section aria-labelledby={headingId} className="mb-10 border-t border-solid-gray-420 pt-4">
      <h2 id={headingId} className="text-std-20B-150">
        {p.service.name}（{p.service.municipalityName}）
      </h2>
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">
        {t('sv.care.respondent', { name: p.respondent })}
        {p.submittedAt ? ` ・ ${formatDateTime(p.submittedAt, locale)}` : ''} ・{' '}
        <Link to="/resources/services/$serviceId" params={{ serviceId: p.service.id }} className={LINK}>
          {t('sv.care.openListing')}
        </Link>
      </p>
      <ApiErrorAlert error={apply.error} />
      <StatusMessage>{done ? t('sv.care.applied', { n: done }) : null}</StatusMessage>
      {p.changes.length > 0 ? (
        <>
          <Table caption={t('sv.care.changesCaption', { name: p.service.name })}>
            <thead>
              <tr>
                <Th>{t('sv.care.item')}</Th>
                <Th>{t('sv.care.now')}</Th>
                <Th>{t('sv.care.answer')}</Th>
                {p.canApply && <Th>{t('sv.care.choose')}</Th>}
              </tr>
            </thead>
            <tbody>
              {p.changes.map((c) => (
                <tr key={c.code}>
                  <RowTh>{label(c.code)}</RowTh>
                  <Td>{acc(c.from)}</Td>
                  <Td className="font-bold">{acc(c.to)}</Td>
                  {p.canApply && (
                    <Td>
                      <Checkbox
                        label={t('sv.care.chooseOne', { item: label(c.code) })}
                        checked={chosen.includes(c.code)}
                        onChange={(on) =>
                          setChosen((xs) => (on ? [...xs, c.code] : xs.filter((x) => x !== c.code)))
                        }
                      />
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          {p.canApply && (
            <div className="mt-3 flex flex-wrap gap-3">
              <Button
                variant="secondary"
                disabled={chosen.length === 0 || apply.isPending}
                onClick={() => run(chosen)}
              >
                {t('sv.care.applyChosen', { n: chosen.length })}
              </Button>
              <Button disabled={apply.isPending} onClick={() => run(p.changes.map((c) => c.code))}>
                {t('sv.care.applyAll', { n: p.changes.length })}
              </Button>
            </div>
          )}
        </>
      ) : (
        <p>{t('sv.care.noChanges')}</p>
      )}
      {p.unchanged.length > 0 && (
        <p className="mt-3">
          {t('sv.care.unchanged')}
          {p.unchanged.map((u) => `${label(u.code)}（${acc(u.acceptance)}）`).join('、')}
        </p>
      )}
      {p.applied.length > 0 && (
        <p className="mt-1">
          {t('sv.care.appliedList')}
          {p.applied.map((u) => `${label(u.code)}（${acc(u.acceptance)}）`).join('、')}
        </p>
      )}
    </section>
  );
}

function CareFor({ survey }: { survey: Survey }) {
  const t = useT();
  const proposals = useCareProposals(survey.id);
  return (
    <Page title={t('sv.care.title', { title: survey.title })}>
      <p className="mb-4">
        <Link to="/surveys/$surveyId" params={{ surveyId: survey.id }} className={LINK}>
          {t('sv.backToSurvey')}
        </Link>
      </p>
      <p className="mb-6 max-w-3xl">{t('sv.care.explain')}</p>
      <QueryState query={proposals}>
        {(data) =>
          !data.question ? (
            <p>{t('sv.care.noQuestion')}</p>
          ) : data.items.length === 0 ? (
            <p>{t('sv.care.none')}</p>
          ) : (
            data.items.map((p, i) => <ProposalCard key={p.answerId} surveyId={survey.id} p={p} index={i} />)
          )
        }
      </QueryState>
    </Page>
  );
}

function CarePageInner() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const survey = useSurvey(surveyId);
  return <QueryState query={survey}>{(data) => <CareFor survey={data} />}</QueryState>;
}

/** NA-4: providers' answers about accepted care, reviewed and applied to the directory's listings. */
export const CarePage = forTrainingRoles(readsSurveys, CarePageInner);
