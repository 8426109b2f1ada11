import { useId, useState } from 'react';
import { GAP_LEVEL_LABELS, type GapLevel } from '../../../../src/shared/vocab/resources';
import { RowTh, Table, Td, Th } from '../../components/Table';
import type { Locale, MessageKey, Translate } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import type { GapArea, GapCell, Gaps } from '../../lib/queries/resources';
import { careLabel } from '../public/resources/display';
import { CellDetail } from './GapsCellDetail';

/**
 * The gaps heat map (不足の分析): one row per area, one cell per care item, with numbers and a level word (not
 * colour alone). The level comes from the server's one rule (resources/gap-rule.ts), the same as the table's;
 * pressing a cell shows below the table who was counted.
 */

export const LEVEL_STYLE: Record<GapLevel, string> = {
  none: 'bg-white text-solid-gray-800',
  noSupply: 'bg-red-900 text-white',
  high: 'bg-red-200 text-solid-gray-900',
  mid: 'bg-yellow-200 text-solid-gray-900',
  low: 'bg-green-100 text-solid-gray-900',
};

function HeatCell({
  area,
  cell,
  t,
  selected,
  onSelect,
  panelId,
}: {
  area: GapArea;
  cell: GapCell | undefined;
  t: Translate;
  selected: boolean;
  onSelect: () => void;
  panelId: string;
}) {
  if (!cell) return <Td className="text-center">—</Td>;
  return (
    <Td
      className={`min-w-28 p-0 text-center tabular-nums ${LEVEL_STYLE[cell.level]}`}
      data-area={area.id}
      data-care={cell.careItem}
      data-level={cell.level}
    >
      <button
        type="button"
        aria-expanded={selected}
        aria-controls={panelId}
        onClick={onSelect}
        className={`block min-h-11 w-full px-2 py-2 text-center hover:underline focus-visible:outline-4 focus-visible:outline-black ${
          selected ? 'outline-4 -outline-offset-4 outline-solid-gray-900' : ''
        }`}
      >
        <span className="block" data-testid="demand">
          {t('resources.gaps.demandN', { n: cell.demand })}
        </span>
        <span className="block" data-testid="supply">
          {t('resources.gaps.supplyN', { n: cell.services })}
        </span>
        {cell.shortage > 0 && (
          <span className="block" data-testid="shortage">
            {t('resources.gaps.shortageN', { n: cell.shortage })}
          </span>
        )}
        <span className="block text-dns-14B-120">{vocab(t, GAP_LEVEL_LABELS, cell.level)}</span>
      </button>
    </Td>
  );
}

export function HeatMap({
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
  const panelId = useId();
  const [selected, setSelected] = useState<{ area: string; item: string } | null>(null);
  const area = selected ? areas.find((a) => `${a.kind}:${a.id}` === selected.area) : undefined;
  const cell = area?.cells.find((c) => c.careItem === selected?.item);
  return (
    <>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>{t('resources.gaps.area')}</Th>
            {gaps.careItems.map((c) => (
              <Th key={c.code} className="text-center whitespace-normal">
                {careLabel(c.code, locale)}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={`${a.kind}:${a.id}`}>
              <RowTh className="font-bold whitespace-nowrap">{a.name}</RowTh>
              {gaps.careItems.map((c) => {
                const key = { area: `${a.kind}:${a.id}`, item: c.code };
                const isSelected = selected?.area === key.area && selected.item === key.item;
                return (
                  <HeatCell
                    key={c.code}
                    area={a}
                    cell={a.cells.find((x) => x.careItem === c.code)}
                    t={t}
                    selected={isSelected}
                    onSelect={() => setSelected(isSelected ? null : key)}
                    panelId={panelId}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
      <div id={panelId} aria-live="polite">
        {area && cell && (
          <CellDetail
            areaName={area.name}
            cell={cell}
            t={t}
            locale={locale}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </>
  );
}

export function Legend({ t }: { t: Translate }) {
  return (
    <ul aria-label={t('resources.gaps.legend')} className="mb-2 flex flex-wrap gap-3 text-std-16N-170">
      {(['noSupply', 'high', 'mid', 'low', 'none'] as const).map((l) => (
        <li key={l} className={`rounded-4 border border-solid-gray-420 px-2 ${LEVEL_STYLE[l]}`}>
          {vocab(t, GAP_LEVEL_LABELS, l)}：{t(`resources.gaps.levelHint.${l}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}
