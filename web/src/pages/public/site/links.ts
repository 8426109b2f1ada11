import type { MessageKey } from '../../../i18n';

/**
 * The public pages the home links to (each a plain link: some are the app's pages, some the light entry's).
 * The library is built by the library module at /public/library.
 */
export const PUBLIC_TOOLS: readonly { href: string; label: MessageKey }[] = [
  { href: '/public/consultations', label: 'publicSite.home.consultation' },
  { href: '/public/register', label: 'publicSite.home.register' },
  { href: '/public/care-score', label: 'publicSite.home.careScore' },
  { href: '/public/resources', label: 'publicSite.home.resources' },
  { href: '/public/trainings', label: 'publicSite.home.trainings' },
  { href: '/public/library', label: 'publicSite.home.library' },
  { href: '/public/good-practices', label: 'publicSite.home.goodPractices' },
];

/** The content language's code for the lang attribute (やさしい日本語 is Japanese). */
export const htmlLang = (lang: string) => (lang === 'en' ? 'en' : 'ja');
