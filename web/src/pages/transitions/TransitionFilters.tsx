import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { defaultTransitionNendo } from '../../../../src/modules/transitions/rules';
import { currentNendo } from '../../../../src/shared/nendo';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { formatNendo } from '../../lib/format';
import { useMunicipalities, useRegions } from '../../lib/queries/network';
import {
  TRANSITION_KINDS,
  TRANSITION_SORTS,
  type TransitionKind,
  type TransitionSearch,
} from '../../lib/queries/transitions';
import { optionsOf } from '../registry/record/labels';

/** The 年度 shown when none is chosen: the next one (what coordinators prepare for), as the server decides it. */
export function defaultNendo(): number {
  return defaultTransitionNendo(new Date());
}

export function parseTransitionSearch(raw: Record<string, unknown>): TransitionSearch {
  const str = (v: unknown) => {
    const s = typeof v === 'number' ? String(v) : v;
    return typeof s === 'string' && s.trim() ? s.trim() : undefined;
  };
  const nendo = Number(raw.nendo);
  const kind = str(raw.kind);
  const out: TransitionSearch = {
    nendo: Number.isInteger(nendo) && nendo > 1900 && nendo < 3000 ? nendo : undefined,
    municipality: str(raw.municipality),
    region: str(raw.region),
    kind: (TRANSITION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as TransitionKind) : undefined,
    sort: TRANSITION_SORTS.find((v) => v === raw.sort),
    dir: raw.dir === 'desc' ? 'desc' : raw.dir === 'asc' ? 'asc' : undefined,
  };
  for (const key of Object.keys(out) as (keyof TransitionSearch)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

type Draft = { nendo: string; municipality: string; region: string; kind: string };

/** 年度, area and kind; a GET form whose state is the URL. */
export function TransitionFilters({ search, nendo }: { search: TransitionSearch; nendo: number }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const municipalities = useMunicipalities();
  const regions = useRegions();
  const draftOf = (): Draft => ({
    nendo: String(nendo),
    municipality: search.municipality ?? '',
    region: search.region ?? '',
    kind: search.kind ?? '',
  });
  const [draft, setDraft] = useState<Draft>(draftOf);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read the URL when it changes (back button)
  useEffect(() => setDraft(draftOf()), [search, nendo]);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const now = currentNendo(new Date());
  const years = [now - 1, now, now + 1, now + 2, now + 3];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The rows' order is chosen by the column headers: a new search keeps it.
    void navigate({
      to: '/transitions',
      search: parseTransitionSearch({ ...draft, sort: search.sort, dir: search.dir }),
    });
  };

  return (
    <search>
      <form
        method="get"
        action="/transitions"
        onSubmit={submit}
        className="mb-8 rounded-12 border border-solid-gray-300 p-4 print:hidden"
      >
        <div className="grid grid-cols-1 gap-x-4 md:grid-cols-2 lg:grid-cols-4">
          <SelectField
            name="nendo"
            label={t('transitions.nendo')}
            value={draft.nendo}
            onChange={set('nendo')}
            options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
          />
          <SelectField
            name="region"
            label={t('transitions.region')}
            value={draft.region}
            onChange={set('region')}
            emptyLabel={t('common.all')}
            options={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
          <SelectField
            name="municipality"
            label={t('children.municipality')}
            value={draft.municipality}
            onChange={set('municipality')}
            emptyLabel={t('common.all')}
            options={(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
          />
          <SelectField
            name="kind"
            label={t('transitions.kind')}
            value={draft.kind}
            onChange={set('kind')}
            emptyLabel={t('common.all')}
            options={optionsOf(t, 'transition.kind', TRANSITION_KINDS)}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('transitions.show')}</Button>
          <Button variant="secondary" onClick={() => void navigate({ to: '/transitions', search: {} })}>
            {t('common.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}
