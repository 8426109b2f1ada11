import { useState } from 'react';
import type { SurveyQuestion } from '../../../../src/shared/survey';
import { SURVEY_CHANNEL_LABELS } from '../../../../src/shared/vocab/surveys';
import { Button } from '../../components/Button';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { type AnswerPage, type Survey, useAnswers } from '../../lib/queries/surveys';
import type { ResultsSearch } from './search';

type Answer = AnswerPage['items'][number];
type Value = Answer['answers'][string];

/** One answer's value as the person chose it: choices by their labels, a matrix row by row, a date in 和暦. */
function AnswerValue({ q, v }: { q: SurveyQuestion; v: Value | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const label = (value: string) => q.choices?.find((c) => c.value === value)?.label ?? value;
  if (v === undefined) return <span className="text-solid-gray-700">{t('sv.ans.none')}</span>;
  if (Array.isArray(v)) return <>{v.map(label).join('、')}</>;
  if (typeof v === 'number') return <>{formatNumber(v, locale)}</>;
  if (typeof v === 'object') {
    return (
      <ul>
        {(q.rows ?? [])
          .filter((r) => v[r.value])
          .map((r) => (
            <li key={r.value}>
              {r.label}：{label(v[r.value]!)}
            </li>
          ))}
      </ul>
    );
  }
  if (q.type === 'single') return <>{label(v)}</>;
  if (q.type === 'date') return <>{formatDate(v, locale, { western: true })}</>;
  return <span className="whitespace-pre-wrap">{v}</span>;
}

/**
 * The answers one by one, within the results' filter (docs/knowledge.md §5): a named survey's answer with its
 * personal link's label and time; an anonymous survey's with neither, said so above it. Reading them is a choice
 * (a button), not part of every results view, since each read is audited.
 */
export function AnswersPanel({ survey, search }: { survey: Survey; search: ResultsSearch }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Section id="survey-answers" title={t('sv.ans.title')}>
      <p className="mb-4">{survey.anonymous ? t('sv.ans.anonymous') : t('sv.ans.named')}</p>
      {open ? (
        <AnswerViewer survey={survey} search={search} />
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('sv.ans.open')}
        </Button>
      )}
    </Section>
  );
}

/** The answers of the filter, one at a time; each page read is audited on the server. */
function AnswerViewer({ survey, search }: { survey: Survey; search: ResultsSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const [offset, setOffset] = useState(0);
  const page = useAnswers(survey.id, { ...search, offset, limit: 1 });
  return (
    <>
      <QueryState query={page}>
        {(data) => {
          const a = data.items[0];
          if (!a) return <p>{t('sv.ans.empty')}</p>;
          return (
            <>
              <nav aria-label={t('sv.ans.nav')} className="mb-4 flex flex-wrap items-center gap-3">
                <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(offset - 1)}>
                  {t('sv.ans.prev')}
                </Button>
                <p aria-live="polite" className="text-std-16B-170">
                  {t('sv.ans.position', {
                    n: formatNumber(a.number, locale),
                    total: formatNumber(data.total, locale),
                  })}
                </p>
                <Button
                  variant="secondary"
                  disabled={offset + 1 >= data.total}
                  onClick={() => setOffset(offset + 1)}
                >
                  {t('sv.ans.next')}
                </Button>
              </nav>
              <dl className="mb-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                {a.respondent !== null && (
                  <>
                    <dt className="font-bold">{t('sv.ans.respondent')}</dt>
                    <dd>{a.respondent}</dd>
                  </>
                )}
                <dt className="font-bold">{t('sv.ans.when')}</dt>
                <dd>
                  {a.submittedAt ? formatDateTime(a.submittedAt, locale) : formatDate(a.submittedOn, locale)}
                </dd>
                <dt className="font-bold">{t('sv.ans.channel')}</dt>
                <dd>{vocab(t, SURVEY_CHANNEL_LABELS, a.channel)}</dd>
                <dt className="font-bold">{t('sv.res.municipality')}</dt>
                <dd>
                  {a.municipalityName
                    ? `${a.municipalityName}${a.regionName ? `（${a.regionName}）` : ''}`
                    : t('sv.ans.noPlace')}
                </dd>
              </dl>
              <dl className="max-w-3xl">
                {survey.definition.questions.map((q, i) => (
                  <div key={q.id} className="mb-3 border-b border-solid-gray-420 pb-2">
                    <dt className="font-bold">{t('sv.res.qHeading', { n: i + 1, title: q.title })}</dt>
                    <dd>
                      <AnswerValue q={q} v={a.answers[q.id]} />
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
