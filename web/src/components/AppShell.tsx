import { Navigate, Outlet, useLocation } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocale, useT } from '../i18n';
import { useSaveLocale, useSession } from '../lib/queries/auth';
import { CentreFooter, NoticeBanner } from '../pages/public/site/SiteFrame';
import { Header } from './Header';
import { takeLanguagePickedBeforeSignIn } from './LanguageSwitch';
import { Nav } from './Nav';

function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded-8 focus:bg-white focus:px-4 focus:text-std-16B-170"
    >
      {t('app.skip')}
    </a>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="mt-12 border-t border-solid-gray-300 bg-solid-gray-50 print:hidden">
      <p className="mx-auto max-w-screen-2xl px-4 py-4 text-dns-14N-130 text-solid-gray-700 md:px-6">
        {t('app.footer')}
      </p>
    </footer>
  );
}

/**
 * Pages open without signing in (sign-in, invitation, password reset, the public forms): banner, content,
 * footer. The public site's pages (/public/…) also carry the centre's emergency notices and its contact.
 */
export function PublicShell({ children }: { children?: ReactNode }) {
  const site = useLocation().pathname.startsWith('/public');
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <Header user={null} />
      {site && <NoticeBanner />}
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-8 md:px-6">
        <div className="mx-auto max-w-2xl">{children ?? <Outlet />}</div>
      </main>
      {site ? <CentreFooter /> : <Footer />}
    </div>
  );
}

/**
 * The signed-in layout: banner, menu (a side column from 1280 px, a wrapped bar above the content on tablets), content.
 * Follows the session: when it ends (sign-out, expiry, 401 from any call) the user goes to sign-in.
 */
export function AppShell({ children }: { children?: ReactNode }) {
  const { data: session } = useSession();
  const { locale, setLocale } = useLocale();
  const location = useLocation();
  const user = session?.user ?? null;
  const syncedUser = useRef<string | null>(null);

  const saveLocale = useSaveLocale();
  const saveLocaleMutate = saveLocale.mutate;

  // Once per sign-in: a language picked on the sign-in screen is saved to the profile; otherwise the
  // profile's language is adopted. Later switches are saved by the language switch itself.
  useEffect(() => {
    if (!user || syncedUser.current === user.id) return;
    syncedUser.current = user.id;
    if (user.locale === locale) return;
    if (takeLanguagePickedBeforeSignIn()) saveLocaleMutate(locale);
    else setLocale(user.locale);
  }, [user, locale, setLocale, saveLocaleMutate]);

  if (!session?.authenticated || !user) {
    // Never chain redirects (/signin?redirect=/signin?…) while a navigation is still settling.
    if (location.pathname.startsWith('/signin')) return null;
    return <Navigate to="/signin" search={{ redirect: location.href }} replace />;
  }
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <Header user={user} />
      <div className="mx-auto flex w-full max-w-screen-2xl flex-1 flex-col xl:flex-row">
        <div className="border-b border-solid-gray-300 px-4 py-3 md:px-6 xl:w-60 xl:shrink-0 xl:border-r xl:border-b-0 xl:py-6 print:hidden">
          <Nav role={user.role} scopeKind={user.scopeKind} />
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 md:px-6 xl:px-8">
          {children ?? <Outlet />}
        </main>
      </div>
      <Footer />
    </div>
  );
}
