import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n';
import { useAdminScope } from '../lib/admin-scope';
import { useAddPrefecture, usePrefectures } from '../lib/queries/network';
import { ApiErrorAlert, StatusMessage } from './Alert';
import { Button } from './Button';
import { SelectField, TextField } from './Field';

/** For the system administrator: which prefecture the administration screens act on, and adding one. */
function PrefectureSelector() {
  const t = useT();
  const { locale } = useLocale();
  const scope = useAdminScope();
  const prefectures = usePrefectures(true);
  const add = useAddPrefecture();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{2}$/.test(code)) {
      setInvalid(t('validation.prefectureCode'));
      return;
    }
    setInvalid(null);
    add.mutate(code, {
      onSuccess: () => {
        scope.setPrefecture(code);
        setCode('');
      },
    });
  };
  // With one prefecture there is nothing to choose: act on it (and on a stored choice that no longer exists).
  const only = prefectures.data?.length === 1 ? prefectures.data[0]!.code : null;
  const known = !prefectures.data || prefectures.data.some((p) => p.code === scope.prefecture);
  const { prefecture, setPrefecture } = scope;
  useEffect(() => {
    if (only && (prefecture === null || !known)) setPrefecture(only);
  }, [only, prefecture, known, setPrefecture]);
  const options = (prefectures.data ?? []).map((p) => ({
    value: p.code,
    label: `${p.code} ${locale === 'ja' ? p.name : p.nameEn}`,
  }));
  return (
    <div className="mb-8 flex flex-wrap items-end gap-x-8 rounded-12 border border-key-900 bg-key-50 p-4 print:hidden">
      <SelectField
        label={t('admin.prefecture')}
        value={scope.prefecture ?? ''}
        onChange={(v) => scope.setPrefecture(v || null)}
        options={options}
        emptyLabel={options.length ? '—' : t('admin.noPrefectures')}
        wrapperClassName="min-w-64"
      />
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <TextField
          label={t('admin.prefectureCode')}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          maxLength={2}
          error={invalid}
          wrapperClassName="w-48"
        />
        <Button type="submit" variant="secondary" className="mb-5" disabled={add.isPending}>
          {t('admin.addPrefecture')}
        </Button>
      </form>
      <div className="w-full">
        <ApiErrorAlert error={add.error} />
        <StatusMessage>{add.isSuccess ? t('admin.prefectureAdded') : null}</StatusMessage>
      </div>
    </div>
  );
}

/**
 * Wraps an administration screen: a system administrator first picks the prefecture; the screen's
 * content renders once there is one to act on.
 */
export function AdminFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const scope = useAdminScope();
  return (
    <>
      {scope.isSystemAdmin && <PrefectureSelector />}
      {scope.ready ? children : <p className="text-std-16N-170">{t('admin.choosePrefecture')}</p>}
    </>
  );
}
