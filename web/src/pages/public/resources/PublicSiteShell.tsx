import { Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { Page } from '../../../components/Page';
import { useT } from '../../../i18n';
import { CentreFooter, NoticeBanner } from '../site/SiteFrame';

/**
 * The frame of the light public entry: skip link, banner with the language switch, the centre's emergency
 * notices, content, and the footer with the centre's contact (pages/public/site/SiteFrame.tsx) —
 * as the app's PublicShell, without the app's router, menu or session handling. Links out of the resources
 * site (home, sign-in, other public pages) are plain <a href>: they load the app's page in full.
 */
export function PublicSiteShell({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded-8 focus:bg-white focus:px-4 focus:text-std-16B-170"
      >
        {t('app.skip')}
      </a>
      <header className="border-b-4 border-key-900 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 md:px-6">
          <div>
            <a
              href="/"
              className="inline-flex min-h-11 items-center gap-3 text-std-24B-150 text-solid-gray-900 no-underline hover:text-key-900"
            >
              <img src="/favicon.svg" alt="" width={36} height={36} />
              <span lang="ja">{t('app.name')}</span>
            </a>
            <p className="text-dns-14N-130 text-solid-gray-700">{t('app.tagline')}</p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <NoticeBanner />
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-8 md:px-6">
        <div className="mx-auto max-w-2xl">{children ?? <Outlet />}</div>
      </main>
      <CentreFooter />
    </div>
  );
}

/** An address under /public/resources that is no page (the app's not-found page, with a full-page link home). */
export function PublicSiteNotFound() {
  const t = useT();
  return (
    <PublicSiteShell>
      <Page title={t('notFound.title')}>
        <p className="mb-6 text-std-16N-170">{t('notFound.body')}</p>
        <a href="/public/resources" className="inline-flex min-h-11 items-center text-std-16B-170">
          {t('resources.public.backToSearch')}
        </a>
      </Page>
    </PublicSiteShell>
  );
}
