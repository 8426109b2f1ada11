import type { ContentLang } from '../../../../../src/shared/vocab/public-site';
import { useT } from '../../../i18n';
import { htmlLang } from './links';

const LANGS: readonly ContentLang[] = ['ja', 'en', 'easy'];

/**
 * The page's language (日本語 / English / やさしい日本語): plain links to the same page with ?lang=, the
 * current one marked; a language not written falls back to Japanese, and the page says so.
 */
export function ContentLangSwitch({ current, path }: { current: ContentLang; path: string }) {
  const t = useT();
  return (
    <nav aria-label={t('publicSite.lang.label')} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {LANGS.map((l) => (
          <li key={l}>
            <a
              href={`${path}?lang=${l}`}
              lang={htmlLang(l)}
              aria-current={l === current ? 'true' : undefined}
              className={`inline-flex min-h-11 items-center rounded-8 border px-3 text-std-16N-170 ${
                l === current
                  ? 'border-key-900 bg-key-900 text-white'
                  : 'border-solid-gray-420 bg-white text-key-900 underline'
              }`}
            >
              {t(`publicSite.lang.${l}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
