import { useMemo, useState } from 'react';
import {
  CARE_TABLE,
  type CareScore,
  type CareTier,
  computeCareScore,
  findCareItem,
  type WatchLevel,
} from '../../../../src/shared/care-score';
import { Button } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Translate, useLocale, useT } from '../../i18n';
import { CareItemList, type CareSelection, UnverifiedMark } from './CareItemList';

const table = CARE_TABLE;

/** The tier in words, with its threshold from the table: 区分3（32点以上） / 該当なし（3点未満）. */
function tierText(tier: CareTier, t: Translate): string {
  const thresholds = table.tiers.thresholds;
  if (tier === 0) return t('careScore.tierNone', { min: Math.min(...thresholds.map((x) => x.min)) });
  const min = thresholds.find((x) => x.tier === tier)?.min ?? 0;
  return t('careScore.tierN', { tier, min });
}

function ruleText(id: string | undefined, locale: 'ja' | 'en'): string | null {
  const rule = table.rules.find((r) => r.id === id);
  return rule ? rule[locale] : null;
}

/** Total and tier; announced politely to screen readers as they change. Stays in view on a phone. */
function ResultPanel({ score }: { score: CareScore }) {
  const t = useT();
  const tier = tierText(score.tier, t);
  return (
    <section
      aria-labelledby="care-result"
      className="sticky bottom-0 z-10 mb-4 rounded-8 border-2 border-key-900 bg-white p-4 shadow-2 print:static print:shadow-none"
    >
      <h2 id="care-result" className="text-std-20B-150 text-solid-gray-900">
        {t('careScore.result')}
      </h2>
      <dl className="flex flex-wrap items-baseline gap-x-8 gap-y-1">
        <div className="flex items-baseline gap-2">
          <dt className="text-std-16B-170 text-solid-gray-700">{t('careScore.total')}</dt>
          <dd className="text-std-32B-150 text-key-1000 tabular-nums" data-testid="care-total">
            {score.total}
          </dd>
        </div>
        <div className="flex items-baseline gap-2">
          <dt className="text-std-16B-170 text-solid-gray-700">{t('careScore.tier')}</dt>
          <dd className="text-std-20B-150 text-solid-gray-900" data-testid="care-tier">
            {tier}
          </dd>
        </div>
      </dl>
      <p className="sr-only" aria-live="polite">
        {t('careScore.summary', { total: score.total, tier })}
      </p>
    </section>
  );
}

function Breakdown({ score }: { score: CareScore }) {
  const t = useT();
  const { locale } = useLocale();
  if (score.breakdown.length === 0) {
    return <p className="mb-6 text-std-16N-170">{t('careScore.nothingSelected')}</p>;
  }
  return (
    <Table caption={t('careScore.breakdownCaption')} captionHidden>
      <thead>
        <tr>
          <Th>{t('careScore.colItem')}</Th>
          <Th className="text-right">{t('careScore.colBase')}</Th>
          <Th className="text-right">{t('careScore.colWatch')}</Th>
          <Th className="text-right">{t('careScore.colSubtotal')}</Th>
        </tr>
      </thead>
      <tbody>
        {score.breakdown.map((line) => {
          const item = findCareItem(line.code);
          const note = ruleText(line.rule, locale);
          return (
            <tr key={line.code}>
              <RowTh>
                {item ? item[locale] : line.code}
                {note && <span className="mt-1 block text-std-16N-170 text-solid-gray-700">{note}</span>}
              </RowTh>
              <Td className="text-right tabular-nums">{line.base}</Td>
              <Td className="text-right tabular-nums">{line.watch}</Td>
              <Td className="text-right tabular-nums">{line.base + line.watch}</Td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <RowTh className="font-bold" colSpan={3}>
            {t('careScore.total')}
          </RowTh>
          <Td className="text-right font-bold tabular-nums">{score.total}</Td>
        </tr>
      </tfoot>
    </Table>
  );
}

/**
 * The public care-score calculator (/public/care-score): no sign-in and no personal data. It scores with
 * the same shared computeCareScore as the server, on the device, so nothing entered leaves the page.
 */
export function CareScorePage() {
  const t = useT();
  const { locale } = useLocale();
  const [selection, setSelection] = useState<CareSelection>({});
  const score = useMemo(
    () => computeCareScore(Object.entries(selection).map(([code, watch]) => ({ code, watch }))),
    [selection],
  );
  const change = (code: string, watch: WatchLevel | undefined) =>
    setSelection((prev) => {
      const next = { ...prev };
      if (watch === undefined) delete next[code];
      else next[code] = watch;
      return next;
    });

  return (
    <Page title={t('careScore.title')} intro={t('careScore.intro')}>
      <p className="mb-6 rounded-8 border border-solid-gray-600 bg-solid-gray-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
        <UnverifiedMark /> {t('careScore.unverifiedNote')}
      </p>

      <Section id="care-items" title={t('careScore.items')}>
        <p className="mb-3 text-std-16N-170 text-solid-gray-700 print:hidden">{t('careScore.itemsHint')}</p>
        <CareItemList items={table.items} selection={selection} onChange={change} />
      </Section>

      <ResultPanel score={score} />
      <div className="mb-10 flex flex-wrap gap-3">
        <Button onClick={() => window.print()}>{t('careScore.print')}</Button>
        <Button variant="secondary" disabled={score.breakdown.length === 0} onClick={() => setSelection({})}>
          {t('careScore.clear')}
        </Button>
      </div>

      <Section id="care-breakdown" title={t('careScore.breakdown')}>
        <Breakdown score={score} />
      </Section>

      <Section id="care-rules" title={t('careScore.rules')}>
        <ul className="list-disc space-y-2 pl-6 text-std-16N-170">
          {table.rules.map((rule) => (
            <li key={rule.id}>
              {rule[locale]}
              {!rule.verified && <UnverifiedMark />}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="care-tiers" title={t('careScore.tiers')}>
        <ul className="list-disc space-y-1 pl-6 text-std-16N-170">
          {[...table.tiers.thresholds]
            .sort((a, b) => b.tier - a.tier)
            .map((x) => (
              <li key={x.tier}>{tierText(x.tier, t)}</li>
            ))}
          <li>{tierText(0, t)}</li>
        </ul>
      </Section>

      <Section id="care-source" title={t('careScore.source')}>
        <p className="text-std-16N-170">{t('careScore.sourceText', { version: table.version })}</p>
        <p className="mt-1 text-std-16N-170 text-solid-gray-700" lang="ja">
          {table.name}
        </p>
      </Section>
    </Page>
  );
}
