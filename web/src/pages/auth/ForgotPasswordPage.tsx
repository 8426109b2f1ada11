import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { useForgotPassword } from '../../lib/queries/mail';

/**
 * "Forgot your password": asks for the address and answers alike whether or not it has an account (the server
 * answers 202 either way); the mailed link opens the reset page (/reset-password#token=…).
 */
export function ForgotPasswordPage() {
  const t = useT();
  const ask = useForgotPassword();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const emailRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setError(t('validation.required', { field: t('forgot.email') }));
      emailRef.current?.focus();
      return;
    }
    setError(undefined);
    ask.mutate(email.trim());
  };

  return (
    <Page title={t('forgot.title')} intro={t('forgot.intro')}>
      {ask.isSuccess ? (
        <StatusMessage>{ask.data.mailOn ? t('forgot.sent') : t('forgot.mailOff')}</StatusMessage>
      ) : (
        <form onSubmit={submit} noValidate className="max-w-md">
          <ApiErrorAlert error={ask.error} />
          <TextField
            ref={emailRef}
            label={t('forgot.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
            error={error}
          />
          <Button type="submit" disabled={ask.isPending}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <p className="mt-6 text-std-16N-170">
        <Link
          to="/signin"
          search={{ redirect: undefined }}
          className="text-key-900 underline underline-offset-4"
        >
          {t('forgot.toSignIn')}
        </Link>
      </p>
    </Page>
  );
}
