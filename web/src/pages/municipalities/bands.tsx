import type { CSSProperties } from 'react';
import {
  MATURITY_BAND_LABELS,
  MATURITY_BANDS,
  type MaturityBand,
} from '../../../../src/shared/vocab/municipalities';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';

/**
 * How a maturity band looks: a colour AND a pattern (solid, stripes, dots, cross-hatch), always with the band's
 * name or count written beside it, so the map and the table never rely on colour alone (WCAG 1.4.1).
 */
const COLOUR: Record<MaturityBand, string> = {
  advanced: '#197a4b',
  developing: '#0031d8',
  early: '#c74700',
  unknown: '#767676',
};

export function bandStyle(band: MaturityBand): CSSProperties {
  const c = COLOUR[band];
  switch (band) {
    case 'advanced':
      return { backgroundColor: c };
    case 'developing':
      return { backgroundImage: `repeating-linear-gradient(45deg, ${c} 0 4px, #ffffff 4px 7px)` };
    case 'early':
      return { backgroundImage: `radial-gradient(${c} 2px, #ffffff 2.5px)`, backgroundSize: '7px 7px' };
    case 'unknown':
      return {
        backgroundImage: `repeating-linear-gradient(0deg, ${c} 0 1px, transparent 1px 6px), repeating-linear-gradient(90deg, ${c} 0 1px, #ffffff 1px 6px)`,
      };
  }
}

/** A small swatch of the band's colour and pattern (decorative: its name is always written next to it). */
export function BandSwatch({ band, className = 'size-5' }: { band: MaturityBand; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-4 border border-solid-gray-600 align-middle ${className}`}
      style={bandStyle(band)}
    />
  );
}

/** The band's swatch and name. */
export function BandLabel({ band }: { band: MaturityBand }) {
  const t = useT();
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <BandSwatch band={band} />
      {vocab(t, MATURITY_BAND_LABELS, band)}
    </span>
  );
}

/** The legend of the bands, with how many municipalities are in each. */
export function BandLegend({ counts }: { counts?: Record<string, number> }) {
  const t = useT();
  return (
    <ul aria-label={t('muni.legend')} className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
      {MATURITY_BANDS.map((b) => (
        <li key={b} className="flex items-center gap-2">
          <BandLabel band={b} />
          {counts && (
            <span className="tabular-nums">{t('muni.countMunicipalities', { n: counts[b] ?? 0 })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
