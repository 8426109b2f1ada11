import { useState } from 'react';
import { LIFE_STAGE_LABELS } from '../../../../src/shared/vocab/registry';
import { SERVICE_TYPE_LABELS } from '../../../../src/shared/vocab/resources';
import { SelectField } from '../../components/Field';
import { RowTh, Table, Td, Th } from '../../components/Table';
import type { Locale, Translate } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import type { Gaps } from '../../lib/queries/resources';
import { careLabel } from '../public/resources/display';

/**
 * MI-4: per life stage, the services anyone of that age can use (the kinds that meet its daily needs, open to its
 * ages) against those accepting medical care — any care item, or the one chosen — with the children of the stage.
 */

const ANY = '';

export function LifeStages({
  gaps,
  regionId,
  t,
  locale,
}: {
  gaps: Gaps;
  regionId?: string;
  t: Translate;
  locale: Locale;
}) {
  const [item, setItem] = useState(ANY);
  const area = gaps.lifeStageView.find((v) => v.id === (regionId ?? 'all')) ?? gaps.lifeStageView[0];
  if (!area) return <p>{t('resources.gaps.noData')}</p>;
  const areaName = area.id === 'all' ? t('resources.gaps.wholePrefecture') : area.name;
  const itemName = item === ANY ? t('resources.gaps.anyCare') : careLabel(item, locale);
  // Children with the chosen item by stage: the region's cell (or every region's, for the whole prefecture).
  const childrenOf = (stage: string, anyCare: number) => {
    if (item === ANY) return anyCare;
    const regions = area.id === 'all' ? gaps.regions : gaps.regions.filter((r) => r.id === area.id);
    return regions.reduce(
      (n, r) => n + (r.cells.find((c) => c.careItem === item)?.demandByStage[stage] ?? 0),
      0,
    );
  };
  const sep = locale === 'ja' ? '、' : ', ';
  return (
    <>
      <p className="mb-4 text-std-16N-170">{t('resources.gaps.stagesIntro')}</p>
      <SelectField
        label={t('resources.gaps.stagesCare')}
        value={item}
        onChange={setItem}
        options={[
          { value: ANY, label: t('resources.gaps.anyCare') },
          ...gaps.careItems.map((c) => ({ value: c.code, label: careLabel(c.code, locale) })),
        ]}
        wrapperClassName="max-w-md"
      />
      <Table caption={t('resources.gaps.stagesCaption', { area: areaName, item: itemName })}>
        <thead>
          <tr>
            <Th>{t('resources.gaps.stage')}</Th>
            <Th className="text-right">{t('resources.gaps.stageChildren')}</Th>
            <Th className="text-right">{t('resources.gaps.stageAll')}</Th>
            <Th className="text-right">{t('resources.gaps.stageAccepting')}</Th>
            <Th className="text-right">{t('resources.gaps.stageShare')}</Th>
            <Th>{t('resources.gaps.stageTypes')}</Th>
          </tr>
        </thead>
        <tbody>
          {area.stages.map((s) => {
            const accepting = item === ANY ? s.anyCare : (s.accepting[item] ?? 0);
            const types = s.types
              .filter((x) => x.all > 0)
              .map((x) => {
                const a = item === ANY ? x.anyCare : (x.accepting[item] ?? 0);
                return `${vocab(t, SERVICE_TYPE_LABELS, x.type)} ${a}/${x.all}`;
              });
            return (
              <tr key={s.stage} data-stage={s.stage}>
                <RowTh className="whitespace-nowrap">{vocab(t, LIFE_STAGE_LABELS, s.stage)}</RowTh>
                <Td className="text-right tabular-nums">
                  {formatNumber(childrenOf(s.stage, s.children), locale)}
                </Td>
                <Td className="text-right tabular-nums" data-testid="all">
                  {formatNumber(s.all, locale)}
                </Td>
                <Td className="text-right tabular-nums" data-testid="accepting">
                  {formatNumber(accepting, locale)}
                </Td>
                <Td className="text-right tabular-nums">
                  {s.all ? `${Math.round((accepting / s.all) * 100)}%` : '—'}
                </Td>
                <Td className="min-w-64 whitespace-normal text-dns-14N-130">{types.join(sep) || '—'}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
