import { Link } from '@tanstack/react-router';
import { AppShell, PublicShell } from '../components/AppShell';
import { Page } from '../components/Page';
import { useT } from '../i18n';
import { useSession } from '../lib/queries/auth';

/** 404 content; also shown for records out of the user's scope (the API answers 404 for both). */
export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p className="mb-6 text-std-16N-170">{t('notFound.body')}</p>
      <Link to="/" className="inline-flex min-h-11 items-center text-std-16B-170">
        {t('notFound.home')}
      </Link>
    </Page>
  );
}

/** The not-found page for unknown addresses, inside the layout that fits the session. */
export function RootNotFound() {
  const { data: session } = useSession();
  if (session?.authenticated) {
    return (
      <AppShell>
        <NotFoundPage />
      </AppShell>
    );
  }
  return (
    <PublicShell>
      <NotFoundPage />
    </PublicShell>
  );
}
