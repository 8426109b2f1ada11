import { type FormEvent, useState } from 'react';
import {
  LIBRARY_AUDIENCE_LABELS,
  LIBRARY_AUDIENCES,
  LIBRARY_KIND_LABELS,
  LIBRARY_KINDS,
  LIBRARY_SITUATION_LABELS,
  LIBRARY_SITUATIONS,
  LIBRARY_VISIBILITIES,
  LIBRARY_VISIBILITY_LABELS,
  type LibraryAudience,
  type LibraryKind,
  type LibrarySituation,
  type LibraryVisibility,
} from '../../../../src/shared/vocab/library';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import type { LibraryItem } from '../../lib/queries/library';

export type ItemFormValues = {
  title: string;
  kind: LibraryKind;
  description: string;
  situations: LibrarySituation[];
  audiences: LibraryAudience[];
  municipalityCodes: string[];
  visibility: LibraryVisibility;
  url?: string;
};

function toggle<T>(list: T[], v: T, on: boolean): T[] {
  return on ? [...list, v] : list.filter((x) => x !== v);
}

/** The item's fields (new or edit); a new link item takes its address here, other kinds their file after. */
export function ItemForm({
  item,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  item?: LibraryItem;
  pending: boolean;
  error: unknown;
  onSubmit: (v: ItemFormValues) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [v, setV] = useState<ItemFormValues>({
    title: item?.title ?? '',
    kind: item?.kind ?? 'guide',
    description: item?.description ?? '',
    situations: item?.situations ?? [],
    audiences: item?.audiences ?? [],
    municipalityCodes: item?.municipalities.map((m) => m.code) ?? [],
    visibility: item?.visibility ?? 'public',
    url: '',
  });
  const [area, setArea] = useState(v.municipalityCodes.join(', '));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const codes = area
      .split(/[,、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    onSubmit({ ...v, municipalityCodes: codes, url: v.kind === 'link' && !item ? v.url : undefined });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextField
        label={t('lib.form.title')}
        required
        value={v.title}
        onChange={(title) => setV({ ...v, title })}
      />
      {!item && (
        <SelectField
          label={t('lib.kind')}
          required
          value={v.kind}
          onChange={(kind) => setV({ ...v, kind: kind as LibraryKind })}
          options={vocabOptions(t, LIBRARY_KINDS, LIBRARY_KIND_LABELS)}
        />
      )}
      {!item && v.kind === 'link' && (
        <TextField
          label={t('lib.url')}
          required
          type="url"
          value={v.url ?? ''}
          onChange={(url) => setV({ ...v, url })}
        />
      )}
      <Fieldset legend={t('lib.situation')} required>
        {vocabOptions(t, LIBRARY_SITUATIONS, LIBRARY_SITUATION_LABELS).map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={v.situations.includes(o.value)}
            onChange={(on) => setV({ ...v, situations: toggle(v.situations, o.value, on) })}
          />
        ))}
      </Fieldset>
      <Fieldset legend={t('lib.audience')} required>
        {vocabOptions(t, LIBRARY_AUDIENCES, LIBRARY_AUDIENCE_LABELS).map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={v.audiences.includes(o.value)}
            onChange={(on) => setV({ ...v, audiences: toggle(v.audiences, o.value, on) })}
          />
        ))}
      </Fieldset>
      <TextField
        label={t('lib.municipality')}
        hint={t('lib.form.areaHint')}
        value={area}
        onChange={setArea}
      />
      <SelectField
        label={t('lib.visibility')}
        required
        value={v.visibility}
        onChange={(visibility) => setV({ ...v, visibility: visibility as LibraryVisibility })}
        options={vocabOptions(t, LIBRARY_VISIBILITIES, LIBRARY_VISIBILITY_LABELS)}
      />
      <TextAreaField
        label={t('lib.description')}
        hint={t('lib.form.descriptionHint')}
        rows={6}
        value={v.description}
        onChange={(description) => setV({ ...v, description })}
      />
      {!item && v.kind !== 'link' && <p className="mb-4 text-std-16N-170">{t('lib.form.fileFirst')}</p>}
      <ApiErrorAlert error={error} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {t('lib.save')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
