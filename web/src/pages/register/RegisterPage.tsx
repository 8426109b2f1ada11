import { type FormEvent, type Ref, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { type Locale, type Translate, useLocale, useT } from '../../i18n';
import { type ApiIssue, isApiError } from '../../lib/api';
import { useRegistrationOptions, useSubmitRegistration } from '../../lib/queries/registrations';
import { CareItemFields, DeviceFields, DiagnosisFields, LivingFields } from './CareFields';
import { AddressFields, ChildFields } from './ChildFields';
import { checkDraft, emptyDraft, type FieldErrors, type FormDraft, toBody } from './form';
import { ConsentFields, GuardianFields, SubmitterFields } from './PeopleFields';

/** The name of the field at an error path, for the summary at the top of the form. */
function labelOf(path: string, t: Translate): string {
  const [a, b, c, d] = path.split('.');
  const n = Number(c) + 1;
  if (a === 'child') {
    if (b === 'diagnoses') return t('register.diagnosis', { n });
    if (b === 'devices')
      return d === 'batteryHours' ? t('register.batteryHours') : t('register.deviceKind', { n });
    if (b === 'careItems') return t('register.careItems');
    const child: Record<string, Parameters<Translate>[0]> = {
      familyName: 'register.familyName',
      givenName: 'register.givenName',
      familyKana: 'register.familyKana',
      givenKana: 'register.givenKana',
      birthDate: 'register.birthDate',
      sex: 'register.sex',
      municipalityCode: 'register.municipality',
      address: 'register.street',
      livingSituation: 'register.livingSituation',
    };
    const key = b ? child[b] : undefined;
    return `${t('register.child')}：${key ? t(key) : b}`;
  }
  const person: Record<string, Parameters<Translate>[0]> = {
    familyName: 'register.familyName',
    givenName: 'register.givenName',
    familyKana: 'register.familyKana',
    givenKana: 'register.givenKana',
    relationship: 'register.relationship',
    phone: 'register.phone',
    email: 'register.email',
    name: 'register.submitterName',
    organisation: 'register.hospital',
  };
  if (a === 'guardians' && c !== undefined) {
    // guardians.<index>.<field>
    const key = person[c];
    return `${t('register.guardianN', { n: Number(b) + 1 })}：${key ? t(key) : c}`;
  }
  if (a === 'guardians') return t('register.guardians');
  if (a === 'submitter') {
    const key = b ? person[b] : undefined;
    return `${t('register.submitter')}：${key ? t(key) : ''}`;
  }
  return path;
}

function issueText(issue: ApiIssue, locale: Locale): string {
  return (locale === 'ja' ? issue.ja : issue.en) ?? issue.message;
}

/** The list of problems, announced at once, each a button that moves focus to its field. */
function ErrorSummary({ errors, summaryRef }: { errors: FieldErrors; summaryRef: Ref<HTMLDivElement> }) {
  const t = useT();
  const entries = Object.entries(errors);
  return (
    <div
      ref={summaryRef}
      role="alert"
      tabIndex={-1}
      className="my-4 rounded-8 border-2 border-error-2 bg-red-50 px-4 py-3 text-std-16N-170 text-error-2"
    >
      <p className="text-std-17B-170">{t('register.errorSummary', { n: entries.length })}</p>
      <ul className="mt-1 list-disc pl-6">
        {entries.map(([path, message]) => (
          <li key={path}>
            <button
              type="button"
              className="block min-h-11 w-full text-left underline underline-offset-4"
              onClick={() => document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`)?.focus()}
            >
              {labelOf(path, t)}：{message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After sending: the receipt number and what happens next. */
function Receipt({ receiptNo, onAnother }: { receiptNo: string; onAnother: () => void }) {
  const t = useT();
  return (
    <Page title={t('register.doneTitle')} intro={t('register.doneIntro')}>
      <CopyField label={t('register.receiptNo')} value={receiptNo} />
      <Section id="register-next" title={t('register.nextTitle')}>
        <ol className="mb-6 list-decimal space-y-2 pl-6 text-std-16N-170">
          <li>{t('register.next1')}</li>
          <li>{t('register.next2')}</li>
          <li>{t('register.next3')}</li>
          <li>{t('register.next4')}</li>
        </ol>
      </Section>
      <Button variant="secondary" onClick={onAnother}>
        {t('register.another')}
      </Button>
    </Page>
  );
}

/**
 * 医療的ケア児の登録 (KA-2): the public form a family, or a hospital on its behalf, fills in on a phone. One
 * column of sections; the browser checks what it can, the server checks everything; the answer is a receipt
 * number. A hidden field (honeypot) that people never see catches form-filling bots.
 */
export function RegisterPage() {
  const t = useT();
  const { locale } = useLocale();
  const options = useRegistrationOptions();
  const submit = useSubmitRegistration();
  const [draft, setDraftState] = useState<FormDraft>(emptyDraft);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ApiIssue[]>([]);
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const setDraft = (update: (d: FormDraft) => FormDraft) => setDraftState(update);

  const errors: FieldErrors = {
    ...Object.fromEntries(serverIssues.map((i) => [i.path, issueText(i, locale)])),
    ...(attempted ? checkDraft(draft, t) : {}),
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setServerIssues([]);
    const found = checkDraft(draft, t);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    submit.mutate(toBody(draft), {
      onSuccess: (res) => {
        setReceiptNo(res.receiptNo);
        window.scrollTo({ top: 0 });
      },
      onError: (err) => {
        if (isApiError(err, 'validation_failed')) setServerIssues(err.issues);
        requestAnimationFrame(() => summaryRef.current?.focus());
      },
    });
  };

  if (receiptNo) {
    return (
      <Receipt
        receiptNo={receiptNo}
        onAnother={() => {
          setDraftState(emptyDraft());
          setAttempted(false);
          setReceiptNo(null);
          submit.reset();
        }}
      />
    );
  }

  const setChild = (patch: Partial<FormDraft['child']>) =>
    setDraftState((d) => ({ ...d, child: { ...d.child, ...patch } }));
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Page title={t('register.title')} intro={t('register.intro')}>
      <QueryState query={options}>
        {(opts) => (
          <form onSubmit={onSubmit} noValidate>
            {hasErrors && <ErrorSummary errors={errors} summaryRef={summaryRef} />}
            {submit.error && !isApiError(submit.error, 'validation_failed') && (
              <ApiErrorAlert error={submit.error} />
            )}
            <p className="mb-6 text-std-16N-170">{t('register.requiredNote')}</p>
            <ChildFields draft={draft} onChange={setChild} errors={errors} />
            <AddressFields draft={draft} onChange={setChild} errors={errors} options={opts} />
            <DiagnosisFields draft={draft} setDraft={setDraft} errors={errors} />
            <CareItemFields draft={draft} setDraft={setDraft} options={opts} />
            <DeviceFields draft={draft} setDraft={setDraft} errors={errors} options={opts} />
            <LivingFields draft={draft} setDraft={setDraft} errors={errors} />
            <GuardianFields draft={draft} setDraft={setDraft} errors={errors} />
            <SubmitterFields draft={draft} setDraft={setDraft} errors={errors} />
            <ConsentFields draft={draft} setDraft={setDraft} />
            {/* Honeypot: off-screen, hidden from assistive technology and out of the tab order. */}
            <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
              <label htmlFor="register-website">Website</label>
              <input
                id="register-website"
                name="website"
                type="text"
                tabIndex={-1}
                autoComplete="off"
                value={draft.website}
                onChange={(e) => setDraftState((d) => ({ ...d, website: e.target.value }))}
              />
            </div>
            <Button type="submit" disabled={submit.isPending} className="w-full sm:w-auto">
              {submit.isPending ? t('register.sending') : t('register.submit')}
            </Button>
          </form>
        )}
      </QueryState>
    </Page>
  );
}
