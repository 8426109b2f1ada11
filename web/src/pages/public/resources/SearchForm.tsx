import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Checkbox, SelectField, TextField } from '../../../components/Field';
import { Fold } from '../../../components/Fold';
import { useLocale, useT } from '../../../i18n';
import { SERVICE_TYPE_CODES } from '../../../lib/queries/resources-public';
import { CARE_CODES, careLabel, typeLabel } from './display';
import { careCodes, DEFAULT_RADIUS, nearOf, type PublicResourceSearch, RADII } from './search';

/**
 * The search form of the public resources site. Every search is a URL (search.ts). "Near me" asks the
 * browser for the device's position (the browser asks the user; nothing leaves for another site) and puts it
 * in the URL rounded to about a kilometre; typing a place instead replaces it.
 */

type FormState = { where: string; type: string; care: string[]; age: string; q: string };

function formOf(s: PublicResourceSearch): FormState {
  return {
    where: s.where ?? '',
    type: s.type ?? '',
    care: careCodes(s),
    age: s.age === undefined ? '' : String(s.age),
    q: s.q ?? '',
  };
}

const halfWidthDigits = (v: string) =>
  v.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Geolocation works only in a secure context (https, or localhost) and where the browser has it. */
const canLocate = () =>
  typeof navigator !== 'undefined' && 'geolocation' in navigator && window.isSecureContext;

type Locating = 'idle' | 'busy' | 'denied' | 'failed';

function NearControls({ search }: { search: PublicResourceSearch }) {
  const t = useT();
  const navigate = useNavigate();
  if (!search.near) return null;
  const radius = search.radius ?? DEFAULT_RADIUS;
  return (
    <div className="mb-5 rounded-8 border border-solid-gray-420 p-4">
      <p className="mb-2 text-std-16B-170">{t('resources.public.nearActive')}</p>
      <SelectField
        label={t('resources.public.radius')}
        value={String(radius)}
        onChange={(v) =>
          void navigate({
            to: '/public/resources',
            search: { ...search, radius: Number(v), page: undefined },
          })
        }
        options={RADII.map((r) => ({ value: String(r), label: t('resources.public.radiusKm', { n: r }) }))}
      />
      <Button
        variant="secondary"
        onClick={() =>
          void navigate({
            to: '/public/resources',
            search: { ...search, near: undefined, radius: undefined, page: undefined },
          })
        }
      >
        {t('resources.public.nearClear')}
      </Button>
    </div>
  );
}

export function SearchForm({ search }: { search: PublicResourceSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState>(() => formOf(search));
  const [locating, setLocating] = useState<Locating>('idle');
  // Back/forward or a shared link changes the URL: the form follows it.
  useEffect(() => setForm(formOf(search)), [search]);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));

  const criteria = () => {
    const age = halfWidthDigits(form.age);
    return {
      type: form.type || undefined,
      care: form.care.length ? form.care.join(',') : undefined,
      age: /^\d{1,3}$/.test(age) ? Number(age) : undefined,
      q: form.q.trim() || undefined,
    };
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const where = form.where.trim();
    void navigate({
      to: '/public/resources',
      search: {
        where: where || undefined,
        // A place typed anew replaces a municipality chosen by a shared link, and the position.
        municipality: where ? undefined : search.municipality,
        near: where ? undefined : search.near,
        radius: where ? undefined : search.radius,
        ...criteria(),
      },
    });
  };

  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        void navigate({
          to: '/public/resources',
          search: {
            near: nearOf(pos.coords.latitude, pos.coords.longitude),
            radius: search.radius ?? DEFAULT_RADIUS,
            ...criteria(),
          },
        });
      },
      (err) => setLocating(err.code === err.PERMISSION_DENIED ? 'denied' : 'failed'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby="resources-search" className="mb-8 print:hidden" noValidate>
      <h2 id="resources-search" className="mb-3 text-std-22B-150 text-solid-gray-900">
        {t('resources.public.searchTitle')}
      </h2>
      <TextField
        id="resources-where"
        label={t('resources.public.where')}
        hint={t('resources.public.whereHint')}
        value={form.where}
        onChange={(v) => set('where', v)}
        autoComplete="street-address"
      />
      {canLocate() && (
        <div className="-mt-2 mb-5">
          <Button variant="secondary" disabled={locating === 'busy'} onClick={locate}>
            {t('resources.public.nearMe')}
          </Button>
          <p role="status" className="mt-1 text-std-16N-170 text-solid-gray-700">
            {locating === 'busy' ? t('resources.public.locating') : ''}
          </p>
          {(locating === 'denied' || locating === 'failed') && (
            <ErrorAlert>
              {t(locating === 'denied' ? 'resources.public.locateDenied' : 'resources.public.locateFailed')}
            </ErrorAlert>
          )}
        </div>
      )}
      <NearControls search={search} />
      <SelectField
        label={t('resources.type')}
        value={form.type}
        onChange={(v) => set('type', v)}
        emptyLabel={t('resources.anyType')}
        options={SERVICE_TYPE_CODES.map((c) => ({ value: c, label: typeLabel(t, c) }))}
      />
      {/* The care items fold under a summary that counts those chosen (which the results also name). */}
      <Fold
        className="mb-5"
        summary={
          form.care.length
            ? t('resources.public.careChosen', { n: form.care.length })
            : t('resources.public.careOpen')
        }
      >
        <fieldset className="mb-1">
          <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{t('resources.public.care')}</legend>
          <p className="mb-1 text-std-16N-170 text-solid-gray-700">{t('resources.public.careHint')}</p>
          <div className="grid sm:grid-cols-2">
            {CARE_CODES.map((code) => (
              <Checkbox
                key={code}
                label={careLabel(code, locale)}
                checked={form.care.includes(code)}
                onChange={(on) =>
                  set(
                    'care',
                    on
                      ? CARE_CODES.filter((c) => c === code || form.care.includes(c))
                      : form.care.filter((c) => c !== code),
                  )
                }
              />
            ))}
          </div>
        </fieldset>
      </Fold>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          id="resources-age"
          label={t('resources.public.age')}
          hint={t('resources.public.ageHint')}
          inputMode="numeric"
          value={form.age}
          onChange={(v) => set('age', v)}
          className="max-w-32"
        />
        <TextField
          id="resources-q"
          label={t('resources.public.q')}
          hint={t('resources.public.qHint')}
          value={form.q}
          onChange={(v) => set('q', v)}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t('resources.public.search')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setForm(formOf({}));
            setLocating('idle');
            void navigate({ to: '/public/resources', search: {} });
          }}
        >
          {t('resources.public.clear')}
        </Button>
      </div>
    </form>
  );
}
