import { Link, useLocation, useRouter, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { useSession, useSignIn } from '../../lib/queries/auth';
import { safeRedirect } from '../../lib/redirect';
import { DEMO_PANEL_ID, DemoRolePanel } from './DemoRolePanel';
import { EnrolStep, TotpStep } from './TotpSteps';

function PasswordStep() {
  const t = useT();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      email: email.trim() ? undefined : t('validation.required', { field: t('signin.email') }),
      password: password ? undefined : t('validation.required', { field: t('signin.password') }),
    };
    setErrors(next);
    if (next.email) return emailRef.current?.focus();
    if (next.password) return passwordRef.current?.focus();
    signIn.mutate({ email: email.trim(), password }, { onError: () => setPassword('') });
  };

  return (
    <form onSubmit={submit} noValidate className="max-w-md">
      <p className="mb-6 text-std-16N-170">{t('signin.intro')}</p>
      <ApiErrorAlert error={signIn.error} />
      <TextField
        ref={emailRef}
        label={t('signin.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={setEmail}
        error={errors.email}
      />
      <TextField
        ref={passwordRef}
        label={t('signin.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <Button type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? t('signin.submitting') : t('signin.submit')}
      </Button>
      <p className="mt-6 text-std-16N-170">
        <Link to="/forgot-password" className="text-key-900 underline underline-offset-4">
          {t('forgot.link')}
        </Link>
      </p>
      {/* Learners of the centre's trainings sign up themselves (pages/learning/me/SignUpPage.tsx). */}
      <p className="mt-2 text-std-16N-170">
        <Link to="/learning/sign-up" className="text-key-900 underline underline-offset-4">
          {t('learners.signUp.link')}
        </Link>
      </p>
    </form>
  );
}

/**
 * Sign-in in up to three steps, each following the session the server returns: password, then the
 * TOTP code, or TOTP enrolment for a role that requires it and has none yet.
 */
export function SignInPage() {
  const t = useT();
  const { data: session } = useSession();
  const search = useSearch({ from: '/public/signin' });
  const router = useRouter();
  // The demo's "Switch role" link (#demo-roles) keeps a signed-in user here, on the demo's role panel.
  const switching = useLocation({ select: (l) => l.hash }) === DEMO_PANEL_ID;

  useEffect(() => {
    // The target may carry a query string (/children?status=at_home): hand it to history as a whole.
    if (session?.authenticated && !switching) router.history.replace(safeRedirect(search.redirect));
  }, [session?.authenticated, switching, search.redirect, router]);

  if (session?.authenticated && switching) {
    return (
      <Page title={t('demo.switchRole')}>
        <DemoRolePanel />
      </Page>
    );
  }

  const step = session?.mustEnrolTotp ? 'enrol' : session?.mustVerifyTotp ? 'totp' : 'password';
  const title =
    step === 'enrol' ? t('signin.enrolTitle') : step === 'totp' ? t('signin.totpTitle') : t('signin.title');
  return (
    <Page title={title} key={step}>
      {step === 'password' && <PasswordStep />}
      {step === 'password' && <DemoRolePanel />}
      {step === 'totp' && <TotpStep />}
      {step === 'enrol' && <EnrolStep />}
    </Page>
  );
}
