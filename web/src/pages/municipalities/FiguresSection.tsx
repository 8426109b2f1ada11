import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import { LIFE_STAGE_LABELS } from '../../../../src/shared/vocab/registry';
import { BOTTLENECK_KIND_LABELS } from '../../../../src/shared/vocab/resources';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime, formatDay, formatNendo, formatNumber } from '../../lib/format';
import { type MunicipalFigures, useMunicipalFigures } from '../../lib/queries/municipalities';

function Counts({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t('muni.fig.key')}</Th>
          <Th className="text-right">{t('muni.fig.count')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <RowTh>{r.label}</RowTh>
            <Td className="text-right tabular-nums">{formatNumber(r.count, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Body({ f }: { f: MunicipalFigures }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  const pct = (x: number | null) => (x === null ? t('common.none') : `${Math.round(x * 100)}%`);
  return (
    <>
      <p className="mb-2 text-solid-gray-700" data-testid="figures-as-of">
        {t('home.asOf', { time: formatDateTime(f.asOf, locale) })}
      </p>
      {f.children && (
        <>
          <p className="mb-2 text-std-17B-170">{t('muni.fig.children', { n: n(f.children.total) })}</p>
          {f.children.withheld > 0 && (
            <p className="mb-2">{t('muni.fig.withheld', { n: n(f.children.withheld) })}</p>
          )}
          <div className="grid gap-x-6 md:grid-cols-2">
            <Counts
              caption={t('muni.fig.byStage')}
              rows={f.children.byLifeStage.map((s) => ({
                label: vocab(t, LIFE_STAGE_LABELS, s.key),
                count: s.count,
              }))}
            />
            {f.children.byCareItem.length > 0 && (
              <Counts
                caption={t('muni.fig.byCare')}
                rows={f.children.byCareItem.map((c) => ({
                  label: careItemLabel(c.key, locale),
                  count: c.count,
                }))}
              />
            )}
          </div>
        </>
      )}
      {f.consultations && (
        <Table caption={t('muni.fig.consultations')}>
          <thead>
            <tr>
              <Th>{t('muni.fig.nendo')}</Th>
              <Th className="text-right">{t('muni.fig.consultTotal')}</Th>
              <Th className="text-right">{t('muni.fig.municipalFirst')}</Th>
              <Th className="text-right">{t('muni.fig.share')}</Th>
            </tr>
          </thead>
          <tbody>
            {f.consultations.years.map((y) => (
              <tr key={y.nendo}>
                <RowTh>{formatNendo(y.nendo, locale)}</RowTh>
                <Td className="text-right tabular-nums">{n(y.total)}</Td>
                <Td className="text-right tabular-nums">{n(y.municipalFirst)}</Td>
                <Td className="text-right tabular-nums">{pct(y.share)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {f.gaps && f.gaps.items.length > 0 && (
        <Table caption={t('muni.fig.gaps')}>
          <thead>
            <tr>
              <Th>{t('muni.fig.careItem')}</Th>
              <Th className="text-right">{t('muni.fig.demand')}</Th>
              <Th className="text-right">{t('muni.fig.services')}</Th>
            </tr>
          </thead>
          <tbody>
            {f.gaps.items.map((g) => (
              <tr key={g.careItem}>
                <RowTh>
                  {careItemLabel(g.careItem, locale)}
                  {g.services === 0 && (
                    <span className="ml-2 text-std-16B-170 text-error-2">{t('muni.fig.noService')}</span>
                  )}
                </RowTh>
                <Td className="text-right tabular-nums">{n(g.demand)}</Td>
                <Td className="text-right tabular-nums">{n(g.services)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {f.gaps && f.gaps.bottlenecks.length > 0 && (
        <>
          <h3 className="mb-2 text-std-17B-170">{t('muni.fig.bottlenecks')}</h3>
          <ul className="mb-6 list-disc pl-6">
            {f.gaps.bottlenecks.map((b) => (
              <li key={`${b.createdAt}-${b.kind}`}>
                {vocab(t, BOTTLENECK_KIND_LABELS, b.kind)}
                {b.careItem && ` — ${careItemLabel(b.careItem, locale)}`}
                {b.note && ` — ${b.note}`}
                <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                  {formatDay(b.createdAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mb-2">
        {t('muni.fig.coordinators', { trained: n(f.coordinators.trained), active: n(f.coordinators.active) })}
      </p>
      {f.census && (
        <p className="mb-2">
          {t('muni.fig.census', {
            nendo: formatNendo(f.census.nendo, locale),
            missing: n(f.census.missing),
            conflicts: n(f.census.conflicts),
          })}
        </p>
      )}
      <p className="mb-2">
        {t('dis.muni.figure', {
          dependent: n(f.disaster.electricityDependent),
          agreed: n(f.disaster.agreedPlan),
          meibo: n(f.disaster.onMeibo),
          reviewed: f.disaster.lastReviewedOn ? formatDate(f.disaster.lastReviewedOn, locale) : '—',
        })}
      </p>
    </>
  );
}

/**
 * What the product knows of the municipality, within the reader's scope: counts only, never a name; children
 * withheld from a municipality for want of consent appear as one number.
 */
export function FiguresSection({ code }: { code: string }) {
  const t = useT();
  const query = useMunicipalFigures(code);
  return (
    <Section title={t('muni.fig.title')} id="muni-figures">
      <p className="mb-4 text-solid-gray-700">{t('muni.fig.intro')}</p>
      <QueryState query={query}>{(f) => <Body f={f} />}</QueryState>
    </Section>
  );
}
