import { SURVEY_QUESTION_TYPE_LABELS } from '../../../../src/shared/vocab/surveys';
import { BarTable } from '../../components/BarTable';
import { Fold } from '../../components/Fold';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import type { SurveyResults } from '../../lib/queries/surveys';

/**
 * 質問ごとの集計 on a survey's results page. The first questions show their results; the others are listed by
 * title and number of answers and open one by one, so a long questionnaire does not push everything below it
 * out of reach. Within a question, the table by region and written answers beyond the first few are folded
 * under a line that says how many there are. Every fold opens while the page prints.
 */

type Question = SurveyResults['questions'][number];

/** Questions shown open at the top of 質問ごとの集計; the rest are listed, each opening on its own. */
export const OPEN_QUESTIONS = 3;
/** Written answers shown under a text question before the rest are folded. */
const OPEN_TEXTS = 5;

const countText = (t: Translate, locale: 'ja' | 'en', n: number, of: number) =>
  of > 0
    ? t('sv.res.countPct', { n: formatNumber(n, locale), pct: Math.round((n / of) * 100) })
    : t('sv.res.count', { n: formatNumber(n, locale) });

function TextAnswers({ texts }: { texts: Question['texts'] }) {
  const t = useT();
  const { locale } = useLocale();
  if (texts.length === 0) return <p>{t('sv.res.noTexts')}</p>;
  const list = (items: Question['texts'], from: number) => (
    <ul className="max-w-3xl">
      {items.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id of their own here, and two may read alike
        <li key={from + i} className="mb-2 border-b border-solid-gray-420 pb-2">
          <span className="block whitespace-pre-wrap">{x.text}</span>
          {x.municipalityName && (
            <span className="block text-dns-14N-130 text-solid-gray-700">{x.municipalityName}</span>
          )}
        </li>
      ))}
    </ul>
  );
  const rest = texts.slice(OPEN_TEXTS);
  return (
    <>
      {list(texts.slice(0, OPEN_TEXTS), 0)}
      {rest.length > 0 && (
        <Fold summary={t('sv.res.moreTexts', { n: formatNumber(rest.length, locale) })} className="">
          {list(rest, OPEN_TEXTS)}
        </Fold>
      )}
    </>
  );
}

/** A choice question's answers by region: a wide table, folded under its number of regions. */
function ByRegion({ q, index }: { q: Question; index: number }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Fold
      summary={t('sv.res.showByRegion', { n: index + 1, regions: formatNumber(q.byRegion.length, locale) })}
      className="mb-4"
    >
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
    </Fold>
  );
}

/** One question's figures: bars per choice, choices per region, a matrix's rows, a number's range, texts. */
function QuestionBody({ q, index }: { q: Question; index: number }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
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
          {q.byRegion.length > 0 && <ByRegion q={q} index={index} />}
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
      {(q.type === 'text' || q.type === 'long_text') && <TextAnswers texts={q.texts} />}
    </>
  );
}

/** One question's results, open under its heading (the first few) or folded under its title and answer count. */
export function QuestionResult({ q, index, folded }: { q: Question; index: number; folded?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const headingId = `survey-q-${index}`;
  const heading = t('sv.res.qHeading', { n: index + 1, title: q.title });
  if (folded) {
    return (
      <div data-testid="survey-question-folded">
        <Fold
          summary={t('sv.res.openQuestion', {
            heading,
            n: formatNumber(q.answered, locale),
          })}
          className="mb-2 border-b border-solid-gray-420"
        >
          <div className="pb-6">
            <QuestionBody q={q} index={index} />
          </div>
        </Fold>
      </div>
    );
  }
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h3 id={headingId} className="mb-1 text-std-20B-150">
        {heading}
      </h3>
      <QuestionBody q={q} index={index} />
    </section>
  );
}
