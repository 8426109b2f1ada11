import { useLocale, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { usePublicSite } from './site-api';

/**
 * What every public page carries (docs/knowledge.md §3): the centre's emergency notices while they are on show,
 * above the page, and the centre's contact details in the footer. Both read the site's frame
 * (GET /api/public/site, cached for half a minute), so a notice appears on every public page — the light entry's
 * and the app's forms alike — without each page asking for it.
 */
export function NoticeBanner() {
  const t = useT();
  const { locale } = useLocale();
  const site = usePublicSite(locale).data?.site;
  if (!site || site.notices.length === 0) return null;
  return (
    <section
      aria-label={t('publicSite.notice.label')}
      className="border-b-4 border-error-1 bg-red-50 print:hidden"
    >
      {site.notices.map((n) => (
        <div key={n.slug} className="mx-auto max-w-screen-2xl px-4 py-3 md:px-6">
          <p className="text-std-16B-170 text-red-1100">
            {t('publicSite.notice.label')}：
            <a
              href={`/public/pages/${n.slug}`}
              className="text-red-1100 underline"
              lang={n.lang === 'en' ? 'en' : 'ja'}
            >
              {n.title}
            </a>
          </p>
          <div
            className="text-std-16N-170 text-solid-gray-900 [&_a]:underline [&_p]:mb-1"
            lang={n.lang === 'en' ? 'en' : 'ja'}
            // Rendered and sanitised on the server from the centre's Markdown (src/shared/markdown.ts).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised Markdown
            dangerouslySetInnerHTML={{ __html: n.html }}
          />
          {n.endsAt && (
            <p className="text-dns-14N-130 text-solid-gray-700">
              {t('publicSite.notice.until', { date: formatDateTime(n.endsAt, locale) })}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

/** The footer of every public page: the centre's name, phone, address and operator, and the site's home. */
export function CentreFooter() {
  const t = useT();
  const { locale } = useLocale();
  const site = usePublicSite(locale).data?.site;
  const centre = site?.centre;
  const privacy = site?.pages.find((p) => p.kind === 'privacy');
  return (
    <footer className="mt-12 border-t border-solid-gray-300 bg-solid-gray-50 print:hidden">
      <div className="mx-auto max-w-screen-2xl px-4 py-4 text-dns-14N-130 text-solid-gray-800 md:px-6">
        {centre && (
          <section aria-label={t('publicSite.footer.label')} className="mb-3">
            <p className="text-std-16B-170" lang="ja">
              {centre.name}
            </p>
            {centre.phone && (
              <p>
                {t('publicSite.footer.phone')}：
                <a href={`tel:${centre.phone.replace(/[^\d+]/g, '')}`} className="text-key-900 underline">
                  {centre.phone}
                </a>
              </p>
            )}
            {centre.address && (
              <p>
                {t('publicSite.footer.address')}：<span lang="ja">{centre.address}</span>
              </p>
            )}
            {centre.operator && (
              <p>
                {t('publicSite.footer.operator')}：<span lang="ja">{centre.operator}</span>
              </p>
            )}
          </section>
        )}
        <p className="flex flex-wrap gap-x-6 gap-y-1">
          <a href="/public" className="inline-flex min-h-11 items-center text-key-900 underline">
            {t('publicSite.footer.home')}
          </a>
          {privacy && (
            <a
              href={`/public/pages/${privacy.slug}`}
              className="inline-flex min-h-11 items-center text-key-900 underline"
            >
              {t('publicSite.footer.privacy')}
            </a>
          )}
        </p>
        <p className="mt-2 text-solid-gray-700">{t('app.footer')}</p>
      </div>
    </footer>
  );
}
