import { enCore } from './en/core';
import { enResources } from './en/resources';
import type { Dictionaries } from './index';
import { jaCore } from './ja/core';
import { jaResources } from './ja/resources';

/**
 * The strings of the light public entry (web/src/public-main.tsx): the core area (banner, footer, the public
 * site's frame — its emergency notices and the centre's contact —, language switch, common buttons, errors) and
 * the resources area (search, listings, map, provider link; the staff screens' strings are an area of their own,
 * resources-staff, ≈8 KB gzip kept out of this entry). The public site's pages, the library, the trainings and
 * the survey page bring their strings with their lazily loaded chunks (addDictionaries, their strings.ts), as
 * decision 0009's budget asks. The other areas stay out of that bundle; public-dictionaries.test.ts checks that
 * every key the entry's pages use is here or in their chunk.
 */
export const PUBLIC_RESOURCES_DICTIONARIES: Dictionaries = {
  ja: { ...jaCore, ...jaResources },
  en: { ...enCore, ...enResources },
};
