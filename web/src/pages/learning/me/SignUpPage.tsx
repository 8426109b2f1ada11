import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { useSignUp, useSignUpOptions } from '../../../lib/queries/learning-learners';
import { LearnerFields, type LearnerFieldValues, learnerFieldErrors, workplaceBody } from './LearnerFields';

const MIN_PASSWORD = 12;

/**
 * 受講者の新規登録: a nurse, teacher or care worker signs up for the centre's trainings. Where the deployment sends
 * mail, a link to the address confirms the sign-up (SignUpConfirmPage); otherwise the centre confirms it. Then
 * they sign in on the usual sign-in page.
 */
export function SignUpPage() {
  const t = useT();
  const options = useSignUpOptions();
  const signUp = useSignUp();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [prefecture, setPrefecture] = useState('');
  const [fields, setFields] = useState<LearnerFieldValues>({
    profession: '',
    workplace: {},
    municipalityCode: '',
  });
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  return (
    <Page title={t('learners.signUp.title')} intro={t('learners.signUp.intro')}>
      <QueryState query={options}>
        {(opts) => {
          const pref = prefecture || (opts.prefectures.length === 1 ? opts.prefectures[0]!.code : '');
          const munis = opts.municipalities.filter((m) => m.prefectureCode === pref);
          const submit = (e: FormEvent) => {
            e.preventDefault();
            const next = {
              displayName: displayName.trim()
                ? undefined
                : t('validation.required', { field: t('learners.name') }),
              email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : t('learners.emailInvalid'),
              password:
                [...password].length >= MIN_PASSWORD
                  ? undefined
                  : t('learners.passwordShort', { n: MIN_PASSWORD }),
              prefecture: pref ? undefined : t('validation.required', { field: t('learners.prefecture') }),
              ...learnerFieldErrors(fields, t),
            };
            setErrors(next);
            if (Object.values(next).some(Boolean)) return;
            signUp.mutate({
              displayName: displayName.trim(),
              email: email.trim(),
              password,
              profession: fields.profession as Exclude<typeof fields.profession, ''>,
              workplace: workplaceBody(fields.workplace),
              municipalityCode: fields.municipalityCode,
              locale: t.locale,
              website,
            });
          };
          if (signUp.isSuccess) {
            return (
              <>
                <StatusMessage>{t('learners.signUp.received')}</StatusMessage>
                <p className="mb-4 text-std-16N-170">
                  {signUp.data.confirmation === 'email'
                    ? t('learners.signUp.nextEmail')
                    : t('learners.signUp.next')}
                </p>
                <Link to="/signin" className="text-key-900 underline underline-offset-4">
                  {t('learners.signUp.toSignIn')}
                </Link>
              </>
            );
          }
          return (
            <form onSubmit={submit} noValidate className="max-w-2xl">
              <ApiErrorAlert error={signUp.error} />
              <TextField
                label={t('learners.name')}
                required
                value={displayName}
                onChange={setDisplayName}
                autoComplete="name"
                maxLength={100}
                error={errors.displayName}
              />
              <TextField
                label={t('learners.email')}
                type="email"
                required
                value={email}
                onChange={setEmail}
                autoComplete="email"
                hint={t('learners.emailHint')}
                error={errors.email}
              />
              <TextField
                label={t('learners.password')}
                type="password"
                required
                value={password}
                onChange={setPassword}
                autoComplete="new-password"
                hint={t('learners.passwordHint', { n: MIN_PASSWORD })}
                error={errors.password}
              />
              {opts.prefectures.length > 1 && (
                <SelectField
                  label={t('learners.prefecture')}
                  required
                  value={pref}
                  onChange={(v) => {
                    setPrefecture(v);
                    setFields((f) => ({ ...f, workplace: {}, municipalityCode: '' }));
                  }}
                  options={opts.prefectures.map((p) => ({
                    value: p.code,
                    label: t.locale === 'ja' ? p.name : p.nameEn,
                  }))}
                  emptyLabel={t('learners.choose')}
                  error={errors.prefecture}
                />
              )}
              {pref && (
                <LearnerFields
                  prefectureCode={pref}
                  municipalities={munis}
                  value={fields}
                  onChange={setFields}
                  errors={errors}
                />
              )}
              {/* Honeypot: off-screen, hidden from assistive technology and out of the tab order. */}
              <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
                <label htmlFor="learner-website">Website</label>
                <input
                  id="learner-website"
                  name="website"
                  type="text"
                  tabIndex={-1}
                  autoComplete="off"
                  value={website}
                  onChange={(e) => setWebsite(e.target.value)}
                />
              </div>
              <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('learners.signUp.privacy')}</p>
              <Button type="submit" disabled={signUp.isPending}>
                {signUp.isPending ? t('learners.sending') : t('learners.signUp.submit')}
              </Button>
            </form>
          );
        }}
      </QueryState>
    </Page>
  );
}
