import { SOURCE_TYPE_LABELS } from '../../../../src/shared/vocab/census';
import { SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import type { Explanation, Member, ReviewPair } from '../../lib/queries/census';
import { comparedFieldLabel, levelLabel } from './labels';

/** A birth date in both calendars, in either language (officials compare both). */
function birthDate(iso: string | null, locale: 'ja' | 'en'): string {
  return formatDate(iso, locale, { western: true });
}

function sourceOf(m: Member, t: ReturnType<typeof useT>): string {
  const type = vocab(t, SOURCE_TYPE_LABELS, m.sourceType);
  return `${m.sourceName}（${type}）`;
}

/** The two records side by side, differing values in bold. */
export function PairComparison({ pair, caption }: { pair: ReviewPair; caption: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { a, b } = pair;
  const rows: [string, string, string][] = [
    [t('census.member.name'), a.name ?? '—', b.name ?? '—'],
    [t('census.member.kana'), a.kana ?? '—', b.kana ?? '—'],
    [t('census.member.birthDate'), birthDate(a.birthDate, locale), birthDate(b.birthDate, locale)],
    [
      t('census.member.sex'),
      a.sex ? vocab(t, SEX_LABELS, a.sex) : '—',
      b.sex ? vocab(t, SEX_LABELS, b.sex) : '—',
    ],
    [t('census.member.address'), a.address ?? '—', b.address ?? '—'],
    [t('census.member.municipality'), a.municipalityName ?? '—', b.municipalityName ?? '—'],
    [
      t('census.member.school'),
      [a.school, a.grade].filter(Boolean).join(' ') || '—',
      [b.school, b.grade].filter(Boolean).join(' ') || '—',
    ],
    [t('census.member.source'), sourceOf(a, t), sourceOf(b, t)],
    [
      t('census.member.fileRow'),
      a.kind === 'registry'
        ? t('census.member.registry')
        : t('census.member.fileRowValue', { file: a.fileName ?? '—', row: a.row }),
      b.kind === 'registry'
        ? t('census.member.registry')
        : t('census.member.fileRowValue', { file: b.fileName ?? '—', row: b.row }),
    ],
  ];
  return (
    <Table caption={caption} captionHidden>
      <thead>
        <tr>
          <Th>{t('census.pair.item')}</Th>
          <Th>{t('census.pair.a')}</Th>
          <Th>{t('census.pair.b')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, x, y]) => (
          <tr key={label}>
            <RowTh className="font-bold whitespace-nowrap">{label}</RowTh>
            <Td className={x === y ? '' : 'font-bold'}>{x}</Td>
            <Td className={x === y ? '' : 'font-bold'}>
              {y}
              {x !== y && <span className="sr-only">{t('census.pair.differs')}</span>}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const signed = (bits: number) => `${bits >= 0 ? '+' : '−'}${Math.abs(bits).toFixed(1)}`;
const percent = (p: number | null) => (p === null ? '—' : `${(p * 100).toFixed(p < 0.01 ? 2 : 0)}%`);

/** Probability that the pair is one child, from the total weight in bits (log2 of the odds). */
export function matchProbability(totalBits: number): number {
  return 1 / (1 + 2 ** -totalBits);
}

/**
 * Why the score is what it is, in plain words: the starting odds, each field's agreement level and its weight
 * in bits (how much more often that happens for one child than for two), the name-frequency adjustments, and the
 * total as a probability.
 */
export function ExplanationView({
  explanation,
  guard,
}: {
  explanation: Explanation;
  guard: ReviewPair['guard'];
}) {
  const t = useT();
  const { locale } = useLocale();
  const p = matchProbability(explanation.total);
  return (
    <div>
      <p className="mb-2 text-std-16N-170">{t('census.explain.intro')}</p>
      <Table caption={t('census.explain.caption')}>
        <thead>
          <tr>
            <Th>{t('census.explain.field')}</Th>
            <Th>{t('census.explain.level')}</Th>
            <Th>{t('census.explain.bits')}</Th>
            <Th>{t('census.explain.meaning')}</Th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <RowTh className="font-bold">{t('census.explain.prior')}</RowTh>
            <Td>—</Td>
            <Td className="tabular-nums whitespace-nowrap">{signed(explanation.prior)}</Td>
            <Td>{t('census.explain.priorMeaning')}</Td>
          </tr>
          {explanation.fields.map((f) => (
            <tr key={f.field}>
              <RowTh className="font-bold">{comparedFieldLabel(t, f.field)}</RowTh>
              <Td>{levelLabel(t, f.level)}</Td>
              <Td className="tabular-nums whitespace-nowrap">{signed(f.bits)}</Td>
              <Td>
                {f.bits > 0.05
                  ? t('census.explain.for')
                  : f.bits < -0.05
                    ? t('census.explain.against')
                    : t('census.explain.neutral')}
                {f.m !== null && f.u !== null && (
                  <span className="block text-solid-gray-700">
                    {t('census.explain.mu', { m: percent(f.m), u: percent(f.u) })}
                  </span>
                )}
              </Td>
            </tr>
          ))}
          {explanation.adjustments.map((a) => (
            <tr key={`${a.field}:${a.note}`}>
              <RowTh className="font-bold">
                {t('census.explain.adjustment', { field: comparedFieldLabel(t, a.field) })}
              </RowTh>
              <Td>—</Td>
              <Td className="tabular-nums whitespace-nowrap">{signed(a.bits)}</Td>
              <Td>
                {a.bits < 0 ? t('census.explain.commonName') : t('census.explain.rareName')}
                {/* The server words the note in English only. */}
                {locale === 'en' && <span className="block text-solid-gray-700">{a.note}</span>}
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <RowTh className="font-bold">{t('census.explain.total')}</RowTh>
            <Td>—</Td>
            <Td className="tabular-nums whitespace-nowrap font-bold">{signed(explanation.total)}</Td>
            <Td className="font-bold">
              {t('census.explain.probability', {
                p: (p * 100).toFixed(p > 0.99 || p < 0.01 ? 2 : 0),
              })}
            </Td>
          </tr>
        </tfoot>
      </Table>
      {guard && <p className="mb-4 text-std-16B-170">{t(`census.guard.${guard}`)}</p>}
    </div>
  );
}
