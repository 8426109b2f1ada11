import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { groupInFours } from '../../lib/format';
import { useChangePassword, useConfirmTotp, useEnrolTotp, useSession } from '../../lib/queries/auth';
import { requiresTotp, roleLabel } from '../../lib/roles';
import { MIN_PASSWORD_LENGTH } from '../auth/TokenPasswordPage';
import { NotificationMail } from './NotificationMail';

function ChangePassword() {
  const t = useT();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; again?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      current: current ? undefined : t('validation.required', { field: t('account.currentPassword') }),
      next: next.length >= MIN_PASSWORD_LENGTH ? undefined : t('validation.passwordLength'),
      again: again === next ? undefined : t('validation.passwordMismatch'),
    };
    setErrors(found);
    if (found.current || found.next || found.again) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-md">
      <ApiErrorAlert error={change.error} />
      <StatusMessage>{change.isSuccess ? t('account.passwordChanged') : null}</StatusMessage>
      <TextField
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
        error={errors.current}
      />
      <TextField
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={next}
        onChange={setNext}
        hint={t('token.passwordHint')}
        error={errors.next}
      />
      <TextField
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={again}
        onChange={setAgain}
        error={errors.again}
      />
      <Button type="submit" disabled={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </form>
  );
}

/** Optional TOTP for roles that do not require it: start, show the key, confirm with a code. */
function OptionalTotp() {
  const t = useT();
  const enrol = useEnrolTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const session = useSession();
  if (confirm.isSuccess) return <StatusMessage>{t('account.totpEnabled')}</StatusMessage>;
  if (session.data?.totpEnabled || isApiError(enrol.error, 'forbidden'))
    return <p>{t('account.totpAlready')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setInvalid(t('validation.code'));
    setInvalid(null);
    confirm.mutate({ code: code.trim() });
  };
  return (
    <>
      <p className="mb-4">{t('account.totpOptional')}</p>
      <ApiErrorAlert error={enrol.error} />
      {!enrol.data ? (
        <Button variant="secondary" onClick={() => enrol.mutate()} disabled={enrol.isPending}>
          {t('account.totpSetup')}
        </Button>
      ) : (
        <form onSubmit={submit} noValidate className="max-w-2xl">
          <p className="mb-2">{t('signin.enrolIntro')}</p>
          <dl className="mb-4">
            <dt className="text-std-17B-170">{t('signin.enrolSecret')}</dt>
            <dd className="mb-3 break-all font-mono text-std-22B-150">{groupInFours(enrol.data.secret)}</dd>
            <dt className="text-std-17B-170">{t('signin.enrolUri')}</dt>
            <dd className="break-all font-mono text-mono-14N-150">{enrol.data.otpauthUri}</dd>
          </dl>
          <ApiErrorAlert error={confirm.error} />
          <TextField
            label={t('signin.totpCode')}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            error={invalid}
          />
          <Button type="submit" disabled={confirm.isPending}>
            {t('signin.enrolConfirm')}
          </Button>
        </form>
      )}
    </>
  );
}

/** アカウント: who I am, password change, two-factor status, notifications by mail. */
export function AccountPage() {
  const t = useT();
  const { locale } = useLocale();
  const user = useSession().data?.user;
  if (!user) return null;
  return (
    <Page title={t('account.title')}>
      <Section id="account-profile" title={t('account.profile')}>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-bold">{t('users.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt className="font-bold">{t('users.email')}</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="font-bold">{t('users.role')}</dt>
          <dd>{roleLabel(user.role, locale)}</dd>
        </dl>
      </Section>
      <Section id="account-password" title={t('account.changePassword')}>
        <ChangePassword />
      </Section>
      <Section id="account-totp" title={t('account.totp')}>
        {requiresTotp(user.role) ? <p>{t('account.totpRequired')}</p> : <OptionalTotp />}
      </Section>
      <Section id="account-notification-mail" title={t('notifyMail.title')}>
        <NotificationMail />
      </Section>
    </Page>
  );
}
