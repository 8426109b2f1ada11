import {
  SUPERVISE_EXPERTISE,
  SUPERVISE_EXPERTISE_LABELS,
  type SuperviseExpertise,
} from '../../../../../src/shared/vocab/learning-roster';
import { Checkbox, Fieldset } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';

/** The expertise tags (ME-2) as a group of checkboxes. */
export function TagBoxes({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: SuperviseExpertise[];
  onChange: (tags: SuperviseExpertise[]) => void;
  error?: string | null;
}) {
  const t = useT();
  return (
    <Fieldset legend={legend} error={error}>
      <div className="grid gap-x-4 sm:grid-cols-3">
        {SUPERVISE_EXPERTISE.map((tag) => (
          <Checkbox
            key={tag}
            label={vocab(t, SUPERVISE_EXPERTISE_LABELS, tag)}
            checked={value.includes(tag)}
            onChange={(on) =>
              onChange(
                on
                  ? SUPERVISE_EXPERTISE.filter((x) => x === tag || value.includes(x))
                  : value.filter((x) => x !== tag),
              )
            }
          />
        ))}
      </div>
    </Fieldset>
  );
}

/** Tags as text, in the vocabulary's order. */
export function tagsText(t: ReturnType<typeof useT>, tags: readonly string[]): string {
  return tags.map((tag) => vocab(t, SUPERVISE_EXPERTISE_LABELS, tag)).join('・');
}
