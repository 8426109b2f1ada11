import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { groupInFours } from '../../lib/format';
import { useConfirmTotp, useEnrolTotp, useSignOut, useVerifyTotp } from '../../lib/queries/auth';

/** The 6-digit code input shared by verification and enrolment. */
function CodeForm({
  onSubmit,
  pending,
  error,
  submitLabel,
}: {
  onSubmit: (code: string) => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
}) {
  const t = useT();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(clean)) {
      setInvalid(t('validation.code'));
      input.current?.focus();
      return;
    }
    setInvalid(null);
    onSubmit(clean);
  };
  useEffect(() => {
    if (error) setCode('');
  }, [error]);
  return (
    <form onSubmit={submit} noValidate className="max-w-md">
      <ApiErrorAlert error={error} />
      <TextField
        ref={input}
        label={t('signin.totpCode')}
        value={code}
        onChange={setCode}
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        error={invalid}
        className="font-mono"
      />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

function RestartButton() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <Button variant="text" className="mt-6" onClick={() => signOut.mutate()}>
      {t('signin.restart')}
    </Button>
  );
}

/** Step 2 for an enrolled user: the code from the authenticator app. */
export function TotpStep() {
  const t = useT();
  const verify = useVerifyTotp();
  return (
    <>
      <p className="mb-6 text-std-16N-170">{t('signin.totpIntro')}</p>
      <CodeForm
        onSubmit={(code) => verify.mutate({ code })}
        pending={verify.isPending}
        error={verify.error}
        submitLabel={t('signin.totpSubmit')}
      />
      <RestartButton />
    </>
  );
}

/**
 * Step 2 for a role that requires TOTP and has none: a new key (grouped in fours, and the otpauth URI as
 * text: no QR code library), then the first code to confirm it.
 */
export function EnrolStep() {
  const t = useT();
  const enrol = useEnrolTotp();
  const enrolMutate = enrol.mutate;
  const confirm = useConfirmTotp();
  const started = useRef(false);
  useEffect(() => {
    // Once per mount, also under StrictMode's double effects: a second call would replace the key.
    if (started.current) return;
    started.current = true;
    enrolMutate();
  }, [enrolMutate]);

  return (
    <>
      <p className="mb-6 max-w-3xl text-std-16N-170">{t('signin.enrolIntro')}</p>
      <ApiErrorAlert error={enrol.error} />
      {enrol.data && (
        <dl className="mb-6 max-w-3xl">
          <dt className="text-std-17B-170">{t('signin.enrolSecret')}</dt>
          <dd className="mb-4 break-all font-mono text-std-22B-150 tracking-wider" data-testid="totp-secret">
            {groupInFours(enrol.data.secret)}
          </dd>
          <dt className="text-std-17B-170">{t('signin.enrolUri')}</dt>
          <dd className="break-all font-mono text-mono-14N-150">{enrol.data.otpauthUri}</dd>
        </dl>
      )}
      {enrol.data && (
        <CodeForm
          onSubmit={(code) => confirm.mutate({ code })}
          pending={confirm.isPending}
          error={confirm.error}
          submitLabel={t('signin.enrolConfirm')}
        />
      )}
      <RestartButton />
    </>
  );
}
