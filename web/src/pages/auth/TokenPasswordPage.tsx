import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { type TokenPurpose, useCompleteToken } from '../../lib/queries/auth';

export const MIN_PASSWORD_LENGTH = 12;

/** The one-time token from `#token=…` (a fragment never reaches server logs or Referer headers). */
function tokenFromHash(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
}

/** Invitation acceptance (/invite) and password reset (/reset-password): choose a password. */
export function TokenPasswordPage({ purpose }: { purpose: TokenPurpose }) {
  const t = useT();
  const [token] = useState(tokenFromHash);
  useEffect(() => {
    // Keep the token out of the address bar and the browser history once it has been read.
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const complete = useCompleteToken(purpose);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const invite = purpose === 'invitation';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!token) return;
    const next = {
      password: password.length >= MIN_PASSWORD_LENGTH ? undefined : t('validation.passwordLength'),
      confirmation: confirmation === password ? undefined : t('validation.passwordMismatch'),
    };
    setErrors(next);
    if (next.password || next.confirmation) return;
    complete.mutate({ token, password });
  };

  return (
    <Page
      title={invite ? t('token.inviteTitle') : t('token.resetTitle')}
      intro={invite ? t('token.inviteIntro') : t('token.resetIntro')}
    >
      {!token && <ErrorAlert>{t('token.missing')}</ErrorAlert>}
      {complete.isSuccess ? (
        <>
          <StatusMessage>{t('token.done')}</StatusMessage>
          <Link
            to="/signin"
            search={{ redirect: undefined }}
            className="inline-flex min-h-11 items-center text-std-16B-170"
          >
            {t('token.toSignIn')}
          </Link>
        </>
      ) : (
        token && (
          <form onSubmit={submit} noValidate className="max-w-md">
            <ApiErrorAlert error={complete.error} />
            <TextField
              label={t('token.newPassword')}
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={password}
              onChange={setPassword}
              hint={t('token.passwordHint')}
              error={errors.password}
            />
            <TextField
              label={t('token.confirmPassword')}
              type="password"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={setConfirmation}
              error={errors.confirmation}
            />
            <Button type="submit" disabled={complete.isPending}>
              {t('token.submit')}
            </Button>
          </form>
        )
      )}
    </Page>
  );
}
