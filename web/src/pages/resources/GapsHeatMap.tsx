import { RowTh, Table, Td, Th } from '../../components/Table';
import type { Locale, MessageKey, Translate } from '../../i18n';
import type { GapArea, GapCell, Gaps } from '../../lib/queries/resources';
import { careLabel } from '../public/resources/display';

/** The gaps heat map (不足の分析): one row per area, one cell per care item, with numbers and a level word. */

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
  return (
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
            {gaps.careItems.map((c) => (
              <HeatCell key={c.code} area={a} cell={a.cells.find((x) => x.careItem === c.code)} t={t} />
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function Legend({ t }: { t: Translate }) {
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
