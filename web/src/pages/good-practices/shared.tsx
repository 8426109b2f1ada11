import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import { TOPIC_LABELS } from '../../../../src/shared/vocab/consultations';
import {
  LIFE_ELEMENT_LABELS,
  MUNICIPAL_ACTION_LABELS,
  MUNICIPAL_REQUEST_LABELS,
} from '../../../../src/shared/vocab/engagements';
import { GOOD_PRACTICE_STATUS_LABELS } from '../../../../src/shared/vocab/good-practices';
import { LIFE_STAGE_LABELS } from '../../../../src/shared/vocab/registry';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import type { StoryRow } from '../../lib/queries/good-practices';

export const LINK = 'text-key-900 underline underline-offset-4';

/** Every theme of a story in one list of labels (topics, life elements, problems, actions, stages, care). */
export function themeLabels(t: Translate, locale: 'ja' | 'en', s: StoryRow): string[] {
  return [
    ...s.topics.map((c) => vocab(t, TOPIC_LABELS, c)),
    ...s.lifeElements.map((c) => vocab(t, LIFE_ELEMENT_LABELS, c)),
    ...s.requests.map((c) => vocab(t, MUNICIPAL_REQUEST_LABELS, c)),
    ...s.municipalActions.map((c) => vocab(t, MUNICIPAL_ACTION_LABELS, c)),
    ...s.lifeStages.map((c) => vocab(t, LIFE_STAGE_LABELS, c)),
    ...s.careItems.map((c) => careItemLabel(c, locale)),
  ].filter((v, i, all) => all.indexOf(v) === i);
}

export function ThemeChips({ s }: { s: StoryRow }) {
  const t = useT();
  const { locale } = useLocale();
  const labels = themeLabels(t, locale, s);
  if (!labels.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t('gp.theme')}>
      {labels.map((l) => (
        <li key={l} className="rounded-4 bg-solid-gray-50 px-2 text-dns-14N-130 text-solid-gray-800">
          {l}
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: StoryRow['status'] }) {
  const t = useT();
  const tone =
    status === 'published'
      ? 'border-green-900 text-green-900'
      : status === 'checked'
        ? 'border-key-900 text-key-900'
        : 'border-solid-gray-600 text-solid-gray-800';
  return (
    <span className={`inline-block rounded-4 border px-2 text-dns-14B-130 ${tone}`}>
      {vocab(t, GOOD_PRACTICE_STATUS_LABELS, status)}
    </span>
  );
}

export function areaLine(s: Pick<StoryRow, 'region' | 'municipality'>): string {
  return s.municipality ? `${s.municipality.name}（${s.region.name}）` : s.region.name;
}
