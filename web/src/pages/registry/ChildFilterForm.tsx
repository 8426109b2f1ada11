import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../src/shared/vocab/care-items';
import {
  CHILD_STATUS_LABELS,
  DEVICE_KIND_LABELS,
  LIFE_STAGE_LABELS,
} from '../../../../src/shared/vocab/registry';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { DEVICE_KINDS } from '../../lib/queries/child-record';
import {
  type ChildFilter,
  type ChildListSearch,
  FILTER_KEYS,
  filterOf,
  parseChildListSearch,
} from '../../lib/queries/children-list';
import { CHILD_STATUSES, LIFE_STAGES, useHomeFigures } from '../../lib/queries/registry';

type Draft = Record<(typeof FILTER_KEYS)[number], string>;

function draftOf(filter: ChildFilter): Draft {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, filter[k] ?? ''])) as Draft;
}

/**
 * The registry search. A GET form: its state is the URL (/children?q=…&careItem=…), so a search can be
 * shared or bookmarked and the back button returns to the previous one.
 */
export function ChildFilterForm({ search }: { search: ChildListSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  // The municipalities offered are those of the user's scope (from the home figures).
  const figures = useHomeFigures();
  const [draft, setDraft] = useState<Draft>(() => draftOf(search));
  const [dateError, setDateError] = useState<string | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setDraft(draftOf(search));
    setDateError(null);
  }, [search]);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.birthDate.trim() && !parseJapaneseDate(draft.birthDate)) {
      setDateError(t('validation.date', { field: t('children.birthDate') }));
      dateRef.current?.focus();
      return;
    }
    setDateError(null);
    // The order is chosen by the list's column headers: a new search keeps it.
    void navigate({
      to: '/children',
      search: filterOf(parseChildListSearch({ ...draft, sort: search.sort, dir: search.dir })),
    });
  };

  const municipalities = figures.data?.children?.byMunicipality ?? [];
  return (
    <search>
      <form
        method="get"
        action="/children"
        onSubmit={submit}
        noValidate
        className="rounded-12 border border-solid-gray-300 p-4 print:hidden"
      >
        <div className="grid grid-cols-1 gap-x-4 md:grid-cols-2 lg:grid-cols-4">
          <TextField
            name="q"
            label={t('children.q')}
            hint={t('list.qHint')}
            value={draft.q}
            onChange={set('q')}
            autoComplete="off"
            wrapperClassName="lg:col-span-2"
          />
          <TextField
            ref={dateRef}
            name="birthDate"
            label={t('children.birthDate')}
            hint={t('list.birthDateHint')}
            value={draft.birthDate}
            onChange={set('birthDate')}
            error={dateError}
            autoComplete="off"
            wrapperClassName="lg:col-span-2"
          />
          <SelectField
            name="municipality"
            label={t('children.municipality')}
            value={draft.municipality}
            onChange={set('municipality')}
            emptyLabel={t('common.all')}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          />
          <SelectField
            name="careItem"
            label={t('list.careItem')}
            value={draft.careItem}
            onChange={set('careItem')}
            emptyLabel={t('common.all')}
            options={CARE_ITEM_CODES.map((code) => ({ value: code, label: careItemLabel(code, locale) }))}
          />
          <SelectField
            name="device"
            label={t('list.device')}
            value={draft.device}
            onChange={set('device')}
            emptyLabel={t('common.all')}
            options={vocabOptions(t, DEVICE_KINDS, DEVICE_KIND_LABELS)}
          />
          <SelectField
            name="lifeStage"
            label={t('field.lifeStage')}
            value={draft.lifeStage}
            onChange={set('lifeStage')}
            emptyLabel={t('common.all')}
            options={vocabOptions(t, LIFE_STAGES, LIFE_STAGE_LABELS)}
          />
          <SelectField
            name="status"
            label={t('children.status')}
            value={draft.status}
            onChange={set('status')}
            emptyLabel={t('common.all')}
            options={vocabOptions(t, CHILD_STATUSES, CHILD_STATUS_LABELS)}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="secondary" onClick={() => void navigate({ to: '/children', search: {} })}>
            {t('common.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}
