import { useState } from 'react';
import { nendoOf } from '../../../../src/shared/nendo';
import {
  CROSS_TAB_FIELD_LABELS,
  CROSS_TAB_FIELDS,
  type CrossTabField,
  SUPPORT_FIELD_VOCAB,
} from '../../../../src/shared/vocab/engagements';
import type { Labels } from '../../../../src/shared/vocab/label';
import { buttonClass } from '../../components/Button';
import { Checkbox, SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatNendo, formatNumber } from '../../lib/format';
import { type CrossTab, crossTabExportHref, useCrossTab } from '../../lib/queries/engagements';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsEngagements } from './access';
import { EngagementTabs } from './EngagementTabs';

function keyName(t: Translate, field: CrossTabField, key: { key: string; name: string | null }): string {
  if (!key.key) return t('eng.tab.blank');
  if (field === 'municipality' || field === 'region') return key.name ?? t('eng.tab.blank');
  return vocab(t, SUPPORT_FIELD_VOCAB[field].labels as Labels<string>, key.key);
}

function TabTable({ tab }: { tab: CrossTab }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => (x === 0 ? '' : formatNumber(x, locale));
  const rowName = vocab(t, CROSS_TAB_FIELD_LABELS, tab.row);
  const colName = vocab(t, CROSS_TAB_FIELD_LABELS, tab.col);
  return (
    <Table
      caption={t('eng.tab.caption', { row: rowName, col: colName, nendo: formatNendo(tab.nendo, locale) })}
    >
      <thead>
        <tr>
          <Th>{t('eng.tab.corner', { row: rowName, col: colName })}</Th>
          {tab.cols.map((c) => (
            <Th key={c.key} className="text-right">
              {keyName(t, tab.col, c)}
            </Th>
          ))}
          <Th className="text-right">{t('eng.tab.total')}</Th>
        </tr>
      </thead>
      <tbody>
        {tab.rows.map((r, i) => (
          <tr key={r.key}>
            <RowTh>{keyName(t, tab.row, r)}</RowTh>
            {tab.counts[i]!.map((x, j) => (
              <Td key={tab.cols[j]!.key} className="text-right tabular-nums">
                {n(x)}
              </Td>
            ))}
            <Td className="text-right font-bold tabular-nums">{formatNumber(tab.rowTotals[i]!, locale)}</Td>
          </tr>
        ))}
        <tr>
          <RowTh>{t('eng.tab.total')}</RowTh>
          {tab.colTotals.map((x, j) => (
            <Td key={tab.cols[j]!.key} className="text-right font-bold tabular-nums">
              {formatNumber(x, locale)}
            </Td>
          ))}
          <Td className="text-right font-bold tabular-nums">{formatNumber(tab.total, locale)}</Td>
        </tr>
      </tbody>
    </Table>
  );
}

/**
 * The support log's cross-tabulation (MI-3): held entries of one 年度 in the caller's area counted by any two of
 * the analysis fields, the municipality or the region; empty cells are zero; as .xlsx.
 */
function CrossTabScreen() {
  const t = useT();
  const { locale } = useLocale();
  const thisYear = nendoOf(new Date().toISOString().slice(0, 10));
  const [nendo, setNendo] = useState(thisYear);
  const [row, setRow] = useState<CrossTabField>('lifeElement');
  const [col, setCol] = useState<CrossTabField>('outcome');
  const [goodOnly, setGoodOnly] = useState(false);
  const params = { nendo, row, col, goodExample: goodOnly ? ('true' as const) : undefined };
  const query = useCrossTab(params);
  const fields = vocabOptions(t, CROSS_TAB_FIELDS, CROSS_TAB_FIELD_LABELS);
  return (
    <Page title={t('eng.tab.title')} intro={t('eng.tab.intro')}>
      <EngagementTabs />
      <div className="mb-4 grid gap-x-4 md:grid-cols-3 print:hidden">
        <SelectField
          label={t('eng.nendo')}
          value={String(nendo)}
          onChange={(v) => setNendo(Number(v))}
          options={[0, 1, 2, 3].map((k) => ({
            value: String(thisYear - k),
            label: formatNendo(thisYear - k, locale),
          }))}
        />
        <SelectField
          label={t('eng.tab.row')}
          value={row}
          onChange={(v) => setRow(v as CrossTabField)}
          options={fields}
        />
        <SelectField
          label={t('eng.tab.col')}
          value={col}
          onChange={(v) => setCol(v as CrossTabField)}
          options={fields}
        />
        <div className="md:col-span-3">
          <Checkbox label={t('eng.tab.goodOnly')} checked={goodOnly} onChange={setGoodOnly} />
        </div>
      </div>
      <div className="mb-6 print:hidden">
        <a href={crossTabExportHref(params, locale)} download className={buttonClass('secondary')}>
          {t('eng.tab.download')}
        </a>
      </div>
      <QueryState query={query}>
        {(tab) =>
          tab.total === 0 ? (
            <p role="status">{t('eng.tab.empty', { nendo: formatNendo(tab.nendo, locale) })}</p>
          ) : (
            <>
              <p className="mb-2" role="status">
                {t('eng.tab.counted', { n: formatNumber(tab.total, locale) })}
              </p>
              <TabTable tab={tab} />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

export const CrossTabPage = forTrainingRoles(readsEngagements, CrossTabScreen);
