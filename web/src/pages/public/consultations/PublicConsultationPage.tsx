import { type FormEvent, useState } from 'react';
import {
  ASKER_KIND_LABELS,
  TOPIC_LABELS,
  URGENCY_LABELS,
} from '../../../../../src/shared/vocab/consultations';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { CopyField } from '../../../components/CopyField';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { TOPICS, URGENCIES, useSubmitPublicConsultation } from '../../../lib/queries/consultations';
import { useRegistrationOptions } from '../../../lib/queries/registrations';

const PUBLIC_ASKERS = ['family', 'hospital', 'provider', 'school', 'nursery', 'other'] as const;

type Draft = {
  municipalityCode: string;
  askerKind: string;
  name: string;
  phone: string;
  email: string;
  childDescription: string;
  topics: string[];
  urgency: string;
  narrative: string;
  website: string;
};

const EMPTY: Draft = {
  municipalityCode: '',
  askerKind: 'family',
  name: '',
  phone: '',
  email: '',
  childDescription: '',
  topics: [],
  urgency: 'normal',
  narrative: '',
  website: '',
};

/**
 * 相談の申し込み: the public request form (no sign-in). The request lands in the queue of the chosen
 * municipality's team; the answer is always a receipt number. A honeypot catches form-filling bots.
 */
export function PublicConsultationPage() {
  const t = useT();
  const options = useRegistrationOptions();
  const submit = useSubmitPublicConsultation();
  const [d, setD] = useState<Draft>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const required = t('consult.form.required');
  const errors = {
    municipalityCode: !d.municipalityCode ? required : null,
    name: !d.name.trim() ? required : null,
    topics: d.topics.length === 0 ? t('consult.form.chooseTopic') : null,
    narrative: !d.narrative.trim() ? required : null,
  };
  const invalid = Object.values(errors).some(Boolean);
  const show = (e: string | null) => (attempted ? e : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (invalid) return;
    submit.mutate(
      {
        ...d,
        phone: d.phone || undefined,
        email: d.email || undefined,
        childDescription: d.childDescription || undefined,
      },
      { onSuccess: (res) => setReceiptNo(res.receiptNo) },
    );
  };

  if (receiptNo) {
    return (
      <Page title={t('consult.public.done')}>
        <CopyField label={t('consult.public.receipt')} value={receiptNo} />
        <Section title={t('consult.public.next')} id="consult-public-next">
          <p>{t('consult.public.nextText')}</p>
        </Section>
      </Page>
    );
  }

  return (
    <Page title={t('consult.public.title')} intro={t('consult.public.intro')}>
      <QueryState query={options}>
        {(opts) => (
          <form onSubmit={onSubmit} noValidate>
            {attempted && invalid && <ErrorAlert>{t('consult.public.invalid')}</ErrorAlert>}
            <SelectField
              name="municipalityCode"
              label={t('consult.public.municipality')}
              value={d.municipalityCode}
              onChange={(v) => set({ municipalityCode: v })}
              emptyLabel="—"
              options={opts.municipalities.map((m) => ({ value: m.code, label: m.name }))}
              required
              error={show(errors.municipalityCode)}
            />
            <SelectField
              name="askerKind"
              label={t('consult.public.asker')}
              value={d.askerKind}
              onChange={(v) => set({ askerKind: v })}
              options={PUBLIC_ASKERS.map((a) => ({ value: a, label: vocab(t, ASKER_KIND_LABELS, a) }))}
              required
            />
            <TextField
              name="name"
              label={t('consult.public.name')}
              value={d.name}
              onChange={(v) => set({ name: v })}
              autoComplete="name"
              required
              error={show(errors.name)}
            />
            <TextField
              name="phone"
              type="tel"
              label={t('consult.public.phone')}
              value={d.phone}
              onChange={(v) => set({ phone: v })}
              autoComplete="tel"
            />
            <TextField
              name="email"
              type="email"
              label={t('consult.public.email')}
              value={d.email}
              onChange={(v) => set({ email: v })}
              autoComplete="email"
            />
            <TextAreaField
              label={t('consult.public.child')}
              hint={t('consult.public.childHint')}
              value={d.childDescription}
              onChange={(v) => set({ childDescription: v })}
            />
            <Fieldset legend={t('consult.public.topics')} required error={show(errors.topics)}>
              {TOPICS.map((code) => (
                <Checkbox
                  key={code}
                  label={vocab(t, TOPIC_LABELS, code)}
                  checked={d.topics.includes(code)}
                  onChange={(on) =>
                    set({ topics: on ? [...d.topics, code] : d.topics.filter((x) => x !== code) })
                  }
                />
              ))}
            </Fieldset>
            <SelectField
              name="urgency"
              label={t('consult.public.urgency')}
              value={d.urgency}
              onChange={(v) => set({ urgency: v })}
              options={URGENCIES.map((u) => ({ value: u, label: vocab(t, URGENCY_LABELS, u) }))}
            />
            <TextAreaField
              label={t('consult.public.narrative')}
              value={d.narrative}
              onChange={(v) => set({ narrative: v })}
              required
              rows={6}
              error={show(errors.narrative)}
            />
            {/* Honeypot: off-screen, hidden from assistive technology and out of the tab order. */}
            <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
              <label htmlFor="consult-website">{t('consult.public.website')}</label>
              <input
                id="consult-website"
                name="website"
                type="text"
                tabIndex={-1}
                autoComplete="off"
                value={d.website}
                onChange={(e) => set({ website: e.target.value })}
              />
            </div>
            {submit.error && <ApiErrorAlert error={submit.error} />}
            <Button type="submit" disabled={submit.isPending} className="w-full sm:w-auto">
              {t('consult.public.submit')}
            </Button>
          </form>
        )}
      </QueryState>
    </Page>
  );
}
