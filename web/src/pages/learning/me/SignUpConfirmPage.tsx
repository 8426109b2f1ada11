import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { useT } from '../../../i18n';
import { useConfirmSignUp } from '../../../lib/queries/learning-learners';

/** The one-time token from `#token=…` (a fragment never reaches server logs or Referer headers). */
function tokenFromHash(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
}

/**
 * The page of the mailed sign-up link (/learning/sign-up/confirm#token=…). Opening it changes nothing — a mail
 * scanner that follows links must not confirm anyone — the learner presses the button.
 */
export function SignUpConfirmPage() {
  const t = useT();
  const [token] = useState(tokenFromHash);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const confirm = useConfirmSignUp();
  return (
    <Page title={t('learners.confirm.title')} intro={t('learners.confirm.intro')}>
      {!token && <ErrorAlert>{t('learners.confirm.missing')}</ErrorAlert>}
      {confirm.isSuccess ? (
        <StatusMessage>{t('learners.confirm.done')}</StatusMessage>
      ) : (
        token && (
          <>
            <ApiErrorAlert error={confirm.error} />
            <Button type="button" disabled={confirm.isPending} onClick={() => confirm.mutate(token)}>
              {t('learners.confirm.submit')}
            </Button>
          </>
        )
      )}
      <p className="mt-6 text-std-16N-170">
        <Link
          to="/signin"
          search={{ redirect: undefined }}
          className="text-key-900 underline underline-offset-4"
        >
          {t('learners.signUp.toSignIn')}
        </Link>
      </p>
    </Page>
  );
}
