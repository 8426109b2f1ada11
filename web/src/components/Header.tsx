import { Link } from '@tanstack/react-router';
import { useLocale, useT } from '../i18n';
import { type SessionUser, useDemoAccounts, useSignOut } from '../lib/queries/auth';
import { roleLabel } from '../lib/roles';
import { Button } from './Button';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

/** Who is signed in, on one line: a long name is cut short with an ellipsis and shown whole on hover (title). */
function SignedInAs({ text }: { text: string }) {
  return (
    <p title={text} className="min-w-0 max-w-[min(20rem,100%)] truncate text-std-16N-170 text-solid-gray-900">
      {text}
    </p>
  );
}

/** The banner: product name, the signed-in user and role, language, sign-out. */
export function Header({ user }: { user: SessionUser | null }) {
  const t = useT();
  const { locale } = useLocale();
  const signOut = useSignOut();
  // The demo's role switch exists only on the seeded demo database (null elsewhere: no link).
  const { data: demoAccounts } = useDemoAccounts();
  return (
    <header className="border-b-4 border-key-900 bg-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center xl:flex-nowrap justify-between gap-x-6 gap-y-2 px-4 py-3 md:px-6">
        <div className="shrink-0">
          <Link
            to="/"
            className="inline-flex min-h-11 items-center gap-3 text-std-24B-150 text-solid-gray-900 no-underline hover:text-key-900"
          >
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span lang="ja">{t('app.name')}</span>
          </Link>
          <p className="text-dns-14N-130 text-solid-gray-700">{t('app.tagline')}</p>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-3 xl:flex-nowrap">
          {user && (
            <SignedInAs
              text={t('app.signedInAs', { name: user.displayName, role: roleLabel(user.role, locale) })}
            />
          )}
          {user && <NotificationBell />}
          <LanguageSwitch />
          {user && demoAccounts && demoAccounts.length > 0 && (
            <Link
              to="/signin"
              hash="demo-roles"
              className="inline-flex min-h-11 items-center text-std-16N-170 text-key-900 underline underline-offset-4"
            >
              {t('demo.switchRole')}
            </Link>
          )}
          {user && (
            <Button variant="secondary" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('app.signOut')}
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}
