import { Navigate, Outlet, useLocation } from '@tanstack/react-router';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n';
import { type SessionUser, useSaveLocale, useSession } from '../lib/queries/auth';
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
 * The menu's column. On a phone (below 768 px) the menu folds behind a メニュー button (aria-expanded): it opens
 * below the button, closes again on Escape (focus back on the button) and once a page of the menu is opened.
 */
function MenuColumn({ user }: { user: SessionUser }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = useLocation().pathname;
  const [shownAt, setShownAt] = useState(pathname);
  if (shownAt !== pathname) {
    setShownAt(pathname);
    setOpen(false);
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the open menu closes it.
    <div
      onKeyDown={onKeyDown}
      className="border-b border-solid-gray-300 px-4 py-3 md:px-6 xl:w-60 xl:shrink-0 xl:border-r xl:border-b-0 xl:py-6 print:hidden"
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="staff-menu"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-11 items-center gap-2 rounded-8 border border-solid-gray-600 px-4 text-std-16B-170 text-solid-gray-900 hover:bg-key-50 md:hidden"
      >
        <span aria-hidden="true">{open ? '×' : '☰'}</span>
        {t('app.menu')}
      </button>
      <div id="staff-menu" className={`${open ? 'mt-3 block' : 'hidden'} md:mt-0 md:block`}>
        <Nav role={user.role} scopeKind={user.scopeKind} />
      </div>
    </div>
  );
}

/**
 * The signed-in layout: banner, menu (a side column from 1280 px, a wrapped bar above the content on tablets, folded behind a button on phones), content.
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
        <MenuColumn user={user} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 md:px-6 xl:px-8">
          {children ?? <Outlet />}
        </main>
      </div>
      <Footer />
    </div>
  );
}
