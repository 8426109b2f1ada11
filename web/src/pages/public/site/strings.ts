import { addDictionaries } from '../../../i18n';
import { enPublicSite } from '../../../i18n/en/public-site';
import { jaPublicSite } from '../../../i18n/ja/public-site';

/**
 * The strings of these pages, brought by their lazily loaded chunk rather than the light public entry (decision
 * 0009's budget): each page imports this module, which adds them before the page renders. The app has them
 * already; adding them again there changes nothing.
 */
addDictionaries({ ja: jaPublicSite, en: enPublicSite });
