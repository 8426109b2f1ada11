import {
  ISSUE_LEVEL_LABELS,
  ISSUE_LEVELS,
  ISSUE_OUTCOME_LABELS,
  type IssueLevel,
  type IssueOutcome,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectStage,
} from '../../../../src/shared/vocab/regional-issues';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';

export const LINK = 'text-key-900 underline underline-offset-4';

/** An issue's level, or how it ended, as a badge (the text carries the meaning, not the colour). */
export function LevelBadge({
  level,
  status,
  outcome,
}: {
  level: IssueLevel;
  status: 'open' | 'closed';
  outcome: IssueOutcome | null;
}) {
  const t = useT();
  const closed = status === 'closed';
  const style = closed
    ? 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900'
    : level === 'answered'
      ? 'border-success-2 bg-green-50 text-green-900'
      : level === 'region'
        ? 'border-solid-gray-600 bg-white text-solid-gray-800'
        : 'border-key-900 bg-key-50 text-key-1000';
  return (
    <span className={`inline-block rounded-4 border px-2 py-0.5 text-dns-14B-120 whitespace-nowrap ${style}`}>
      {closed ? vocab(t, ISSUE_OUTCOME_LABELS, outcome) : vocab(t, ISSUE_LEVEL_LABELS, level)}
    </span>
  );
}

/** The four levels in order, the current one marked, with the date each was reached. */
export function LevelSteps({
  level,
  dates,
}: {
  level: IssueLevel;
  dates: Partial<Record<IssueLevel, string | null>>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const at = ISSUE_LEVELS.indexOf(level);
  return (
    <ol aria-label={t('ri.steps')} className="mb-6 grid gap-2 sm:grid-cols-4">
      {ISSUE_LEVELS.map((l, i) => (
        <li
          key={l}
          aria-current={i === at ? 'step' : undefined}
          className={`rounded-8 border p-2 ${i === at ? 'border-2 border-key-900' : i < at ? 'border-solid-gray-600' : 'border-dashed border-solid-gray-300 text-solid-gray-700'}`}
        >
          <span className="block text-std-16B-170">
            {i + 1}. {vocab(t, ISSUE_LEVEL_LABELS, l)}
          </span>
          <span className="block text-dns-14N-130">
            {i <= at && dates[l] ? formatDate(dates[l], locale) : i < at ? '' : t('ri.notYet')}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A project's stages in order with their dates. */
export function StageSteps({
  stage,
  dates,
}: {
  stage: ProjectStage;
  dates: Record<ProjectStage, string | null>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const at = PROJECT_STAGES.indexOf(stage);
  return (
    <ol aria-label={t('dp.stages')} className="mb-6 grid gap-2 sm:grid-cols-4">
      {PROJECT_STAGES.map((s, i) => (
        <li
          key={s}
          aria-current={i === at ? 'step' : undefined}
          className={`rounded-8 border p-2 ${i === at ? 'border-2 border-key-900' : i < at ? 'border-solid-gray-600' : 'border-dashed border-solid-gray-300 text-solid-gray-700'}`}
        >
          <span className="block text-std-16B-170">
            {i + 1}. {vocab(t, PROJECT_STAGE_LABELS, s)}
          </span>
          <span className="block text-dns-14N-130">
            {dates[s] ? formatDate(dates[s], locale) : t('ri.notYet')}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Where an issue or project lies: its municipality and region, or the region as a whole. */
export function areaText(
  t: Translate,
  region: { name: string },
  municipality: { name: string } | null,
): string {
  return municipality
    ? `${municipality.name}（${region.name}）`
    : t('ri.wholeRegionOf', { region: region.name });
}
