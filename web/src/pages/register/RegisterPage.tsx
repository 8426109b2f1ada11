import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { type ApiIssue, isApiError } from '../../lib/api';
import { useRegistrationOptions, useSubmitRegistration } from '../../lib/queries/registrations';
import { CareItemFields, DeviceFields, DiagnosisFields, LivingFields } from './CareFields';
import { AddressFields, ChildFields } from './ChildFields';
import { ErrorSummary, issueText } from './ErrorSummary';
import {
  checkDraft,
  emptyDraft,
  errorsOnStep,
  type FieldErrors,
  type FormDraft,
  firstStepWithErrors,
  STEPS,
  stepOf,
  toBody,
} from './form';
import { ConsentFields, GuardianFields, SubmitterFields } from './PeopleFields';
import { Review } from './Review';
import { StepButtons, StepHeading, StepIndicator } from './Steps';

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
 * 医療的ケア児の登録 (KA-2): the public form a family, or a hospital on its behalf, fills in on a phone. Four short
 * steps (the child; medical care; guardians and the sender; a summary with the consents and 送信する) over one
 * draft and one submit: 次へ checks only the step's own fields, going back loses nothing, and the server's
 * answer sends the family to the first step holding a field it refused. The browser checks what it can, the
 * server checks everything; the answer is a receipt number. A hidden field (honeypot) that people never see
 * catches form-filling bots.
 */
export function RegisterPage() {
  const t = useT();
  const { locale } = useLocale();
  const options = useRegistrationOptions();
  const submit = useSubmitRegistration();
  const [draft, setDraftState] = useState<FormDraft>(emptyDraft);
  const [step, setStep] = useState(0);
  /** Steps whose 次へ (or the submit) was pressed: their errors show, and clear as they are fixed. */
  const [checked, setChecked] = useState<readonly number[]>([]);
  const [serverIssues, setServerIssues] = useState<ApiIssue[]>([]);
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const [focusTo, setFocusTo] = useState<{ to: 'heading' | 'summary' } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const setDraft = (update: (d: FormDraft) => FormDraft) => setDraftState(update);

  // After a step change or a refused 次へ: to the top, then focus on the step's heading or its error summary.
  useEffect(() => {
    if (!focusTo) return;
    window.scrollTo({ top: 0 });
    if (focusTo.to === 'heading') headingRef.current?.focus({ preventScroll: true });
    else summaryRef.current?.focus();
  }, [focusTo]);

  const errors: FieldErrors = {
    ...errorsOnStep(Object.fromEntries(serverIssues.map((i) => [i.path, issueText(i, locale)])), step),
    ...(checked.includes(step) ? errorsOnStep(checkDraft(draft, t), step) : {}),
  };

  const goTo = (next: number, to: 'heading' | 'summary' = 'heading') => {
    setStep(next);
    setFocusTo({ to });
  };

  /** 次へ: the step's own fields only; the server's old objections to them are dropped (it checks again). */
  const onNext = () => {
    setChecked((c) => (c.includes(step) ? c : [...c, step]));
    setServerIssues((issues) => issues.filter((i) => stepOf(i.path) !== step));
    const found = errorsOnStep(checkDraft(draft, t), step);
    goTo(Object.keys(found).length ? step : step + 1, Object.keys(found).length ? 'summary' : 'heading');
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (step < STEPS.length - 1) return onNext();
    setServerIssues([]);
    const first = firstStepWithErrors(checkDraft(draft, t));
    if (first !== null) {
      setChecked((c) => (c.includes(first) ? c : [...c, first]));
      return goTo(first, 'summary');
    }
    submit.mutate(toBody(draft), {
      onSuccess: (res) => {
        setReceiptNo(res.receiptNo);
        window.scrollTo({ top: 0 });
      },
      onError: (err) => {
        const issues = isApiError(err, 'validation_failed') ? err.issues : [];
        setServerIssues(issues);
        const where = firstStepWithErrors(Object.fromEntries(issues.map((i) => [i.path, ''])));
        goTo(where ?? step, where === null && !issues.length ? 'heading' : 'summary');
      },
    });
  };

  if (receiptNo) {
    return (
      <Receipt
        receiptNo={receiptNo}
        onAnother={() => {
          setDraftState(emptyDraft());
          setChecked([]);
          setStep(0);
          setReceiptNo(null);
          submit.reset();
        }}
      />
    );
  }

  const setChild = (patch: Partial<FormDraft['child']>) =>
    setDraftState((d) => ({ ...d, child: { ...d.child, ...patch } }));
  const props = { draft, setDraft, errors };
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Page title={t('register.title')} intro={step === 0 ? t('register.intro') : undefined}>
      <QueryState query={options}>
        {(opts) => (
          <form onSubmit={onSubmit} noValidate>
            <StepIndicator at={step} />
            <StepHeading at={step} headingRef={headingRef} />
            {hasErrors && <ErrorSummary errors={errors} summaryRef={summaryRef} />}
            {submit.error && !isApiError(submit.error, 'validation_failed') && step === STEPS.length - 1 && (
              <ApiErrorAlert error={submit.error} />
            )}
            {step === 0 && (
              <>
                <p className="mb-6 text-std-16N-170">{t('register.requiredNote')}</p>
                <ChildFields draft={draft} onChange={setChild} errors={errors} />
                <AddressFields draft={draft} onChange={setChild} errors={errors} options={opts} />
                <DiagnosisFields {...props} />
              </>
            )}
            {step === 1 && (
              <>
                <CareItemFields draft={draft} setDraft={setDraft} options={opts} />
                <DeviceFields {...props} options={opts} />
                <LivingFields {...props} />
              </>
            )}
            {step === 2 && (
              <>
                <GuardianFields {...props} />
                <SubmitterFields {...props} />
              </>
            )}
            {step === 3 && (
              <>
                <Review draft={draft} options={opts} onChange={(i) => goTo(i)} />
                <ConsentFields draft={draft} setDraft={setDraft} />
              </>
            )}
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
            <StepButtons at={step} onBack={() => goTo(step - 1)} sending={submit.isPending} />
          </form>
        )}
      </QueryState>
    </Page>
  );
}
