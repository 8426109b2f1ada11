import { type FormEvent, useState } from 'react';
import { isoDateInJapan } from '../../../../src/shared/dates';
import { DIVISION_LABELS, type Division } from '../../../../src/shared/vocab/network';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { type ContactValue, useSetContact } from '../../lib/queries/municipalities';
import { parseDay, SourceFields, type SourceState } from './SourceFields';

/** Records the named contact of one division, with the version read (409: the page says who changed it). */
export function ContactForm({
  code,
  division,
  current,
  onDone,
  onConflict,
  onCancel,
}: {
  code: string;
  division: Division;
  current: ContactValue | null;
  onDone: () => void;
  onConflict: (now: ContactValue | null) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [f, setF] = useState({
    sectionName: current?.sectionName ?? '',
    personName: current?.personName ?? '',
    phone: current?.phone ?? '',
    email: current?.email ?? '',
    note: current?.note ?? '',
  });
  const [src, setSrc] = useState<SourceState>({
    source: current?.source ?? 'municipal_report',
    sourceNote: '',
    asOf: isoDateInJapan(new Date()),
  });
  const [errors, setErrors] = useState<{ section?: string; day?: string }>({});
  const save = useSetContact(code);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const asOf = parseDay(src.asOf);
    const next = {
      section: f.sectionName.trim() ? undefined : t('muni.form.sectionRequired'),
      day: asOf ? undefined : t('muni.form.dateInvalid'),
    };
    setErrors(next);
    if (next.section || next.day || !asOf) return;
    save.mutate(
      {
        division,
        body: {
          sectionName: f.sectionName,
          personName: f.personName || null,
          phone: f.phone || null,
          email: f.email || null,
          note: f.note || null,
          source: src.source,
          sourceNote: src.sourceNote || null,
          asOf,
          version: current?.version ?? 0,
        },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error, 'conflict')) {
            onConflict((error.detail as { current?: ContactValue | null } | undefined)?.current ?? null);
          }
        },
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="mt-3 rounded-8 border border-solid-gray-420 p-4"
      aria-label={t('muni.form.contactLegend', { division: vocab(t, DIVISION_LABELS, division) })}
    >
      <TextField
        label={t('muni.form.sectionName')}
        value={f.sectionName}
        onChange={set('sectionName')}
        error={errors.section ?? null}
        maxLength={100}
        required
      />
      <TextField
        label={t('muni.form.personName')}
        value={f.personName}
        onChange={set('personName')}
        maxLength={100}
      />
      <TextField
        label={t('muni.form.phone')}
        type="tel"
        value={f.phone}
        onChange={set('phone')}
        maxLength={40}
      />
      <TextField
        label={t('muni.form.email')}
        type="email"
        value={f.email}
        onChange={set('email')}
        maxLength={200}
      />
      <TextAreaField label={t('muni.form.note')} value={f.note} onChange={set('note')} />
      <SourceFields value={src} onChange={setSrc} dayError={errors.day ?? null} />
      {save.error && !isApiError(save.error, 'conflict') ? <ApiErrorAlert error={save.error} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
