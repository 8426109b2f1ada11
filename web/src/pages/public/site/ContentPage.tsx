import { useParams } from '@tanstack/react-router';
import { Page } from '../../../components/Page';
import { useLocale, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatDay } from '../../../lib/format';
import { ContentLangSwitch } from './ContentLangSwitch';
import { htmlLang } from './links';
import { NewsTrainings } from './NewsTrainings';
import { SiteHtml } from './SiteHtml';
import { useContentLang, usePublicPage, usePublicSite } from './site-api';
import './strings';

/**
 * One page of the centre (/public/pages/{slug}): what the centre does, the three tiers, FAQ, news and events
 * (with the open trainings from the learning module's public catalogue), privacy, a free page or a notice — in
 * the language asked for, or in Japanese with a sentence saying so.
 */
export function ContentPage() {
  const t = useT();
  const { locale } = useLocale();
  const { slug } = useParams({ strict: false }) as { slug: string };
  const lang = useContentLang();
  const site = usePublicSite(locale);
  const prefecture = site.data?.site?.prefecture.code;
  const page = usePublicPage(prefecture, slug, lang);
  const missing = (site.data && !site.data.site) || (page.error && isApiError(page.error, 'not_found'));
  if (missing || page.error) {
    return (
      <Page title={t('publicSite.page.notFound')}>
        <a
          href="/public"
          className="inline-flex min-h-11 items-center text-std-16B-170 text-key-900 underline"
        >
          {t('publicSite.page.back')}
        </a>
      </Page>
    );
  }
  if (!page.data) {
    return (
      <p role="status" className="my-6 text-std-16N-170 text-solid-gray-700">
        {t('app.loading')}
      </p>
    );
  }
  const p = page.data;
  return (
    <Page title={p.title}>
      <ContentLangSwitch current={lang} path={`/public/pages/${p.slug}`} />
      {p.fellBack && (
        <p
          role="note"
          className="mb-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3 text-std-16N-170"
        >
          {t('publicSite.lang.fellBack', { lang: t(`publicSite.lang.${lang}`) })}
        </p>
      )}
      <SiteHtml html={p.html} lang={htmlLang(p.lang)} />
      {p.kind === 'news' && prefecture && <NewsTrainings prefecture={prefecture} />}
      <p className="mt-6 text-dns-14N-130 text-solid-gray-700">
        {t('publicSite.page.updated', { date: formatDay(p.updatedAt, locale) })}
      </p>
    </Page>
  );
}
