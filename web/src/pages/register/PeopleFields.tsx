import { Button } from '../../components/Button';
import { Fieldset, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import type { ConsentPurpose, SubmitterKind } from '../../lib/queries/registrations';
import { CONSENT_PURPOSES } from '../../lib/queries/registrations';
import { emptyGuardian, type FieldErrors, type FormDraft, type GuardianDraft, MAX_GUARDIANS } from './form';
import { Part } from './Steps';

type Props = {
  draft: FormDraft;
  setDraft: (update: (d: FormDraft) => FormDraft) => void;
  errors: FieldErrors;
};

/** Parents and other guardians (1–4): name, reading, relationship, how to reach them. */
export function GuardianFields({ draft, setDraft, errors }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<GuardianDraft>) =>
    setDraft((d) => ({ ...d, guardians: d.guardians.map((g, j) => (j === i ? { ...g, ...patch } : g)) }));
  const field = (i: number, key: keyof GuardianDraft) => ({
    name: `guardians.${i}.${key}`,
    value: draft.guardians[i]![key],
    onChange: (v: string) => set(i, { [key]: v }),
    error: errors[`guardians.${i}.${key}`],
  });
  return (
    <Part id="register-guardians" title={t('register.guardians')}>
      {draft.guardians.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <fieldset key={i} className="mb-4 rounded-8 border border-solid-gray-300 p-4">
          <legend className="px-1 text-std-17B-170">{t('register.guardianN', { n: i + 1 })}</legend>
          <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
            <TextField
              label={t('register.familyName')}
              {...field(i, 'familyName')}
              required
              autoComplete="off"
            />
            <TextField
              label={t('register.givenName')}
              {...field(i, 'givenName')}
              required
              autoComplete="off"
            />
            <TextField label={t('register.familyKana')} {...field(i, 'familyKana')} autoComplete="off" />
            <TextField label={t('register.givenKana')} {...field(i, 'givenKana')} autoComplete="off" />
          </div>
          <TextField
            label={t('register.relationship')}
            hint={t('register.relationshipHint')}
            {...field(i, 'relationship')}
            required
            autoComplete="off"
          />
          <TextField
            label={t('register.phone')}
            hint={t('register.phoneHint')}
            {...field(i, 'phone')}
            type="tel"
            required
            autoComplete={i === 0 ? 'tel' : 'off'}
          />
          <TextField
            label={t('register.email')}
            {...field(i, 'email')}
            type="email"
            autoComplete={i === 0 ? 'email' : 'off'}
          />
          {draft.guardians.length > 1 && (
            <Button
              variant="text"
              onClick={() => setDraft((d) => ({ ...d, guardians: d.guardians.filter((_, j) => j !== i) }))}
            >
              {t('register.removeGuardian', { n: i + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      {draft.guardians.length < MAX_GUARDIANS && (
        <Button
          variant="secondary"
          onClick={() => setDraft((d) => ({ ...d, guardians: [...d.guardians, emptyGuardian()] }))}
        >
          {t('register.addGuardian')}
        </Button>
      )}
    </Part>
  );
}

/** Who is sending the form: the family itself, or a hospital (NICU) on the family's behalf. */
export function SubmitterFields({ draft, setDraft, errors }: Props) {
  const t = useT();
  const setKind = (submitterKind: SubmitterKind) => setDraft((d) => ({ ...d, submitterKind }));
  const set = (patch: Partial<FormDraft['submitter']>) =>
    setDraft((d) => ({ ...d, submitter: { ...d.submitter, ...patch } }));
  return (
    <Part id="register-submitter" title={t('register.submitter')}>
      <Fieldset legend={t('register.submitterKind')} required>
        {(['family', 'hospital'] as const).map((kind) => (
          <label key={kind} className="flex min-h-11 items-center gap-3 text-std-16N-170">
            <input
              type="radio"
              name="submitterKind"
              value={kind}
              checked={draft.submitterKind === kind}
              onChange={() => setKind(kind)}
              className="size-6 shrink-0 accent-key-900"
            />
            {t(`register.submitterKind.${kind}`)}
          </label>
        ))}
      </Fieldset>
      {draft.submitterKind === 'family' ? (
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('register.submitterFamily')}</p>
      ) : (
        <>
          <TextField
            name="submitter.organisation"
            label={t('register.hospital')}
            value={draft.submitter.organisation}
            onChange={(v) => set({ organisation: v })}
            error={errors['submitter.organisation']}
            required
            autoComplete="organization"
          />
          <TextField
            name="submitter.name"
            label={t('register.submitterName')}
            value={draft.submitter.name}
            onChange={(v) => set({ name: v })}
            error={errors['submitter.name']}
            required
            autoComplete="name"
          />
          <TextField
            name="submitter.phone"
            label={t('register.phone')}
            value={draft.submitter.phone}
            onChange={(v) => set({ phone: v })}
            error={errors['submitter.phone']}
            type="tel"
            required
            autoComplete="tel"
          />
          <TextField
            name="submitter.email"
            label={t('register.email')}
            value={draft.submitter.email}
            onChange={(v) => set({ email: v })}
            error={errors['submitter.email']}
            type="email"
            autoComplete="email"
          />
        </>
      )}
    </Part>
  );
}

/** Consents: one explicit checkbox per purpose with a plain explanation; nothing is pre-ticked. */
export function ConsentFields({ draft, setDraft }: Omit<Props, 'errors'>) {
  const t = useT();
  const set = (purpose: ConsentPurpose, on: boolean) =>
    setDraft((d) => ({ ...d, consents: { ...d.consents, [purpose]: on } }));
  return (
    <Part id="register-consents" title={t('register.consents')}>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('register.consentsIntro')}</p>
      {CONSENT_PURPOSES.map((purpose) => (
        <div key={purpose} className="mb-4 flex gap-3 rounded-8 border border-solid-gray-300 p-4">
          <input
            id={`consent-${purpose}`}
            type="checkbox"
            checked={draft.consents[purpose]}
            onChange={(e) => set(purpose, e.target.checked)}
            aria-describedby={`consent-${purpose}-desc`}
            className="mt-1 size-6 shrink-0 accent-key-900"
          />
          <div>
            <label htmlFor={`consent-${purpose}`} className="block text-std-17B-170 text-solid-gray-900">
              {t(`register.consent.${purpose}`)}
            </label>
            <p id={`consent-${purpose}-desc`} className="text-std-16N-170 text-solid-gray-700">
              {t(`register.consent.${purpose}.desc`)}
            </p>
          </div>
        </div>
      ))}
    </Part>
  );
}
