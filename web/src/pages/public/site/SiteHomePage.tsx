import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { PUBLIC_TOOLS } from './links';
import { PrefecturePicker } from './PrefecturePicker';
import { usePublicSite } from './site-api';
import './strings';

const LINK =
  'flex min-h-11 items-center rounded-8 border border-solid-gray-420 bg-white px-4 py-3 text-std-16B-170 text-key-900 underline-offset-4 hover:bg-key-50';

/**
 * The public site's home (/public): the centre's name, the first window in every municipality first (MI-8:
 * families do not know where to ask), the centre's published pages and every public service — consultation
 * request, registration, care-score calculator, resource search, trainings, library. The notices and the
 * centre's contact come with the frame (SiteFrame.tsx).
 */
export function SiteHomePage() {
  const t = useT();
  const { locale } = useLocale();
  const site = usePublicSite(locale);
  const centreName = site.data?.site?.centre?.name;
  return (
    <Page title={centreName ?? t('publicSite.home.title')} intro={t('publicSite.home.intro')}>
      <QueryState query={site}>
        {(data) => (
          <>
            <PrefecturePicker data={data} />
            {data.site && (
              <>
                <p className="mb-8">
                  <a
                    href="/public/first-window"
                    className="flex min-h-11 flex-col rounded-8 border-2 border-key-900 bg-key-50 px-4 py-3 text-key-900"
                  >
                    <span className="text-std-18B-160 underline">{t('publicSite.home.firstWindow')}</span>
                    <span className="text-std-16N-170 text-solid-gray-800">
                      {t('publicSite.home.firstWindowHint')}
                    </span>
                  </a>
                </p>
                <section aria-labelledby="site-about" className="mb-8">
                  <h2 id="site-about" className="mb-3 text-std-20B-150">
                    {t('publicSite.home.about')}
                  </h2>
                  {data.site.pages.length === 0 ? (
                    <p>{t('publicSite.home.noPages')}</p>
                  ) : (
                    <ul className="grid gap-2">
                      {data.site.pages.map((p) => (
                        <li key={p.slug}>
                          <a href={`/public/pages/${p.slug}`} className={LINK}>
                            {p.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            )}
            <section aria-labelledby="site-tools" className="mb-8">
              <h2 id="site-tools" className="mb-3 text-std-20B-150">
                {t('publicSite.home.tools')}
              </h2>
              <ul className="grid gap-2">
                {PUBLIC_TOOLS.map((l) => (
                  <li key={l.href}>
                    <a href={l.href} className={LINK}>
                      {t(l.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
