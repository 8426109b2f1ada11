import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextAreaField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type Locale, type MessageKey, type Translate, useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useRegions } from '../../lib/queries/network';
import {
  BOTTLENECK_KIND_CODES,
  type Bottleneck,
  type BottleneckKind,
  type GapArea,
  type GapCell,
  type Gaps,
  gapsExportHref,
  useCreateBottleneck,
  useDeleteBottleneck,
  useGaps,
} from '../../lib/queries/resources';
import { BOTTLENECK_KEYS, careLabel } from '../public/resources/display';
import { readsResourceGaps, writesBottlenecks } from './access';
import { forResourceRoles, useRole } from './Guard';
import { parseGapsSearch } from './search';

/**
 * 不足の分析 (NA-4, NA-5, MI-4): per region and municipality, children needing each care item (demand) against
 * the services accepting it (supply); a heat map whose cells carry numbers and a level word (not colour
 * alone), the shortages ranked, and the coordinators' qualitative bottlenecks beside the figures.
 */

type Level = 'none' | 'noSupply' | 'high' | 'mid' | 'low';

/** How strained a cell is: no demand; demand but no service; children per accepting service. */
export function levelOf(cell: Pick<GapCell, 'demand' | 'services'>): Level {
  if (cell.demand === 0) return 'none';
  if (cell.services === 0) return 'noSupply';
  const perService = cell.demand / cell.services;
  if (perService > 5) return 'high';
  if (perService > 2) return 'mid';
  return 'low';
}

const LEVEL_STYLE: Record<Level, string> = {
  none: 'bg-white text-solid-gray-800',
  noSupply: 'bg-red-900 text-white',
  high: 'bg-red-200 text-solid-gray-900',
  mid: 'bg-yellow-200 text-solid-gray-900',
  low: 'bg-green-100 text-solid-gray-900',
};
const LEVEL_KEYS: Record<Level, MessageKey> = {
  none: 'resources.gaps.level.none',
  noSupply: 'resources.gaps.level.noSupply',
  high: 'resources.gaps.level.high',
  mid: 'resources.gaps.level.mid',
  low: 'resources.gaps.level.low',
};

function HeatCell({ area, cell, t }: { area: GapArea; cell: GapCell | undefined; t: Translate }) {
  if (!cell) return <Td className="text-center">—</Td>;
  const level = levelOf(cell);
  return (
    <Td
      className={`min-w-28 text-center tabular-nums ${LEVEL_STYLE[level]}`}
      data-area={area.id}
      data-care={cell.careItem}
    >
      <span className="block" data-testid="demand">
        {t('resources.gaps.demandN', { n: cell.demand })}
      </span>
      <span className="block" data-testid="supply">
        {t('resources.gaps.supplyN', { n: cell.services })}
      </span>
      <span className="block text-dns-14B-120">{t(LEVEL_KEYS[level])}</span>
    </Td>
  );
}

function HeatMap({
  gaps,
  areas,
  caption,
  t,
  locale,
}: {
  gaps: Gaps;
  areas: GapArea[];
  caption: string;
  t: Translate;
  locale: Locale;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t('resources.gaps.area')}</Th>
          {gaps.careItems.map((c) => (
            <Th key={c.code} className="text-center whitespace-normal">
              {careLabel(c.code, locale, true)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={`${a.kind}:${a.id}`}>
            <RowTh className="font-bold whitespace-nowrap">{a.name}</RowTh>
            {gaps.careItems.map((c) => (
              <HeatCell key={c.code} area={a} cell={a.cells.find((x) => x.careItem === c.code)} t={t} />
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Legend({ t }: { t: Translate }) {
  return (
    <ul aria-label={t('resources.gaps.legend')} className="mb-4 flex flex-wrap gap-3 text-std-16N-170">
      {(['noSupply', 'high', 'mid', 'low', 'none'] as const).map((l) => (
        <li key={l} className={`rounded-4 border border-solid-gray-420 px-2 ${LEVEL_STYLE[l]}`}>
          {t(LEVEL_KEYS[l])}：{t(`resources.gaps.levelHint.${l}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}

function bottlenecksFor(list: Bottleneck[], regionId: string, careItem: string | null) {
  return list.filter((b) => b.regionId === regionId && (b.careItem === careItem || b.careItem === null));
}

function bottleneckText(t: Translate, b: Bottleneck) {
  return `${t(BOTTLENECK_KEYS[b.kind])}${b.note ? `：${b.note}` : ''}`;
}

function Shortages({ gaps, t, locale }: { gaps: Gaps; t: Translate; locale: Locale }) {
  if (gaps.shortages.length === 0) return <p>{t('resources.gaps.noShortage')}</p>;
  const stages = gaps.lifeStages;
  const regionCell = (regionId: string, code: string) =>
    gaps.regions.find((r) => r.id === regionId)?.cells.find((c) => c.careItem === code);
  return (
    <Table caption={t('resources.gaps.shortagesCaption')}>
      <thead>
        <tr>
          <Th className="text-right">{t('resources.gaps.rank')}</Th>
          <Th>{t('resources.region')}</Th>
          <Th>{t('resources.careItem')}</Th>
          <Th className="text-right">{t('resources.gaps.demand')}</Th>
          <Th className="text-right">{t('resources.gaps.services')}</Th>
          <Th className="text-right">{t('resources.vacancy')}</Th>
          <Th className="text-right">{t('resources.gaps.shortfall')}</Th>
          <Th>{t('resources.gaps.byStage')}</Th>
          <Th>{t('resources.gaps.bottlenecks')}</Th>
        </tr>
      </thead>
      <tbody>
        {gaps.shortages.map((s) => {
          const cell = regionCell(s.regionId, s.careItem);
          const notes = bottlenecksFor(gaps.bottlenecks, s.regionId, s.careItem);
          return (
            <tr key={`${s.regionId}:${s.careItem}`}>
              <Td className="text-right tabular-nums">{s.rank}</Td>
              <RowTh>{s.regionName}</RowTh>
              <Td>{careLabel(s.careItem, locale, true)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.demand, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.services, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.vacancy, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.shortfall, locale)}</Td>
              <Td className="text-dns-14N-130">
                {cell
                  ? stages
                      .filter((st) => (cell.demandByStage[st] ?? 0) > 0)
                      .map((st) => `${t(`stage.${st}` as MessageKey)} ${cell.demandByStage[st]}`)
                      .join('、') || '—'
                  : '—'}
              </Td>
              <Td className="min-w-48">
                {notes.length === 0 ? (
                  '—'
                ) : (
                  <ul className="list-disc pl-5">
                    {notes.map((b) => (
                      <li key={b.id}>{bottleneckText(t, b)}</li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function BottleneckForm({ gaps, regionId }: { gaps: Gaps; regionId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const regions = useRegions();
  const create = useCreateBottleneck();
  const [form, setForm] = useState({
    regionId: regionId ?? '',
    careItem: '',
    kind: '' as BottleneckKind | '',
    note: '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.regionId || !form.kind) return;
    create.mutate(
      {
        regionId: form.regionId,
        careItem: form.careItem || null,
        kind: form.kind,
        note: form.note.trim() || null,
      },
      { onSuccess: () => setForm((f) => ({ ...f, note: '' })) },
    );
  };
  const regionOptions = (regions.data ?? []).map((r) => ({
    value: r.id,
    label: locale === 'en' && r.nameEn ? r.nameEn : r.name,
  }));
  return (
    <form
      onSubmit={submit}
      aria-labelledby="bottleneck-add"
      className="rounded-12 border border-solid-gray-420 p-4 print:hidden"
    >
      <h3 id="bottleneck-add" className="mb-3 text-std-20B-150">
        {t('resources.gaps.addBottleneck')}
      </h3>
      <div className="grid gap-x-4 md:grid-cols-3">
        <SelectField
          label={t('resources.region')}
          required
          value={form.regionId}
          onChange={(v) => setForm((f) => ({ ...f, regionId: v }))}
          emptyLabel={t('resources.gaps.chooseRegion')}
          options={regionOptions}
        />
        <SelectField
          label={t('resources.careItem')}
          value={form.careItem}
          onChange={(v) => setForm((f) => ({ ...f, careItem: v }))}
          emptyLabel={t('resources.gaps.allItems')}
          options={gaps.careItems.map((c) => ({ value: c.code, label: careLabel(c.code, locale, true) }))}
        />
        <SelectField
          label={t('resources.gaps.kind')}
          required
          value={form.kind}
          onChange={(v) => setForm((f) => ({ ...f, kind: v as BottleneckKind }))}
          emptyLabel={t('resources.gaps.chooseKind')}
          options={BOTTLENECK_KIND_CODES.map((k) => ({ value: k, label: t(BOTTLENECK_KEYS[k]) }))}
        />
      </div>
      <TextAreaField
        label={t('resources.gaps.note')}
        value={form.note}
        onChange={(v) => setForm((f) => ({ ...f, note: v }))}
      />
      <ApiErrorAlert error={create.error} />
      <Button type="submit" disabled={!form.regionId || !form.kind || create.isPending}>
        {t('resources.gaps.add')}
      </Button>
    </form>
  );
}

function Bottlenecks({ gaps, regionId, canWrite }: { gaps: Gaps; regionId?: string; canWrite: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const remove = useDeleteBottleneck();
  return (
    <>
      {gaps.bottlenecks.length === 0 ? (
        <p className="mb-4">{t('resources.gaps.noBottlenecks')}</p>
      ) : (
        <Table caption={t('resources.gaps.bottlenecksCaption')}>
          <thead>
            <tr>
              <Th>{t('resources.region')}</Th>
              <Th>{t('resources.careItem')}</Th>
              <Th>{t('resources.gaps.kind')}</Th>
              <Th>{t('resources.gaps.note')}</Th>
              <Th>{t('resources.gaps.recorded')}</Th>
              {canWrite && <Th>{t('resources.gaps.actions')}</Th>}
            </tr>
          </thead>
          <tbody>
            {gaps.bottlenecks.map((b) => (
              <tr key={b.id}>
                <RowTh>{b.regionName}</RowTh>
                <Td>{b.careItem ? careLabel(b.careItem, locale, true) : t('resources.gaps.allItems')}</Td>
                <Td>{t(BOTTLENECK_KEYS[b.kind])}</Td>
                <Td className="whitespace-pre-line">{b.note ?? '—'}</Td>
                <Td>
                  {formatDateTime(b.createdAt, locale)}
                  {b.createdBy && <span className="block text-dns-14N-130">{b.createdBy}</span>}
                </Td>
                {canWrite && (
                  <Td>
                    {b.allowed.delete && (
                      <Button
                        variant="danger"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(b.id)}
                      >
                        {t('resources.gaps.remove')}
                        <span className="sr-only">
                          {t('resources.gaps.removeWhat', {
                            what: `${b.regionName} ${t(BOTTLENECK_KEYS[b.kind])}`,
                          })}
                        </span>
                      </Button>
                    )}
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ApiErrorAlert error={remove.error} />
      {canWrite && <BottleneckForm gaps={gaps} regionId={regionId} />}
    </>
  );
}

function GapsView({ gaps, regionId }: { gaps: Gaps; regionId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const regionRows = regionId ? gaps.regions.filter((r) => r.id === regionId) : gaps.regions;
  const municipalityRows = regionId
    ? gaps.municipalities.filter((m) => m.regionId === regionId)
    : gaps.municipalities;
  return (
    <>
      <p className="mb-2 text-std-16N-170 text-solid-gray-700">
        {t('resources.gaps.generated', { at: formatDateTime(gaps.generatedAt, locale) })}
      </p>
      <p className="mb-4 text-std-16N-170">{locale === 'ja' ? gaps.shortageRule.ja : gaps.shortageRule.en}</p>
      <Section id="gaps-heatmap" title={t('resources.gaps.heatTitle')}>
        <Legend t={t} />
        {gaps.careItems.length === 0 ? (
          <p>{t('resources.gaps.noData')}</p>
        ) : (
          <HeatMap
            gaps={gaps}
            areas={regionRows}
            caption={t('resources.gaps.heatCaption')}
            t={t}
            locale={locale}
          />
        )}
      </Section>
      <Section id="gaps-shortages" title={t('resources.gaps.shortagesTitle')}>
        <Shortages gaps={gaps} t={t} locale={locale} />
      </Section>
      <Section id="gaps-bottlenecks" title={t('resources.gaps.bottlenecksTitle')}>
        <Bottlenecks gaps={gaps} regionId={regionId} canWrite={!!role && writesBottlenecks(role)} />
      </Section>
      {municipalityRows.length > 0 && gaps.careItems.length > 0 && (
        <Section id="gaps-municipalities" title={t('resources.gaps.municipalTitle')}>
          <HeatMap
            gaps={gaps}
            areas={municipalityRows}
            caption={t('resources.gaps.municipalCaption')}
            t={t}
            locale={locale}
          />
        </Section>
      )}
    </>
  );
}

function GapsInner() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseGapsSearch(raw), [raw]);
  const regions = useRegions();
  const gaps = useGaps(search.region);
  return (
    <Page title={t('resources.gaps.title')} intro={t('resources.gaps.intro')}>
      <div className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <SelectField
          label={t('resources.region')}
          value={search.region ?? ''}
          onChange={(v) => void navigate({ to: '/resources/gaps', search: { region: v || undefined } })}
          emptyLabel={t('resources.gaps.allRegions')}
          options={(regions.data ?? []).map((r) => ({
            value: r.id,
            label: locale === 'en' && r.nameEn ? r.nameEn : r.name,
          }))}
          wrapperClassName="min-w-64"
        />
        <a
          href={gapsExportHref(search.region, locale)}
          className={buttonClass('secondary', 'mb-5 no-underline')}
          download
        >
          {t('resources.gaps.export')}
        </a>
        <Link to="/resources" className="mb-5 inline-flex min-h-11 items-center">
          {t('resources.staff.backToList')}
        </Link>
      </div>
      <QueryState query={gaps}>{(data) => <GapsView gaps={data} regionId={search.region} />}</QueryState>
    </Page>
  );
}

export const GapsPage = forResourceRoles(readsResourceGaps, GapsInner);
