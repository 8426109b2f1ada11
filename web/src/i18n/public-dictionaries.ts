import { enCore } from './en/core';
import { enPublicLibrary } from './en/public-library';
import { enPublicSite } from './en/public-site';
import { enPublicTrainings } from './en/public-trainings';
import { enResources } from './en/resources';
import type { Dictionaries } from './index';
import { jaCore } from './ja/core';
import { jaPublicLibrary } from './ja/public-library';
import { jaPublicSite } from './ja/public-site';
import { jaPublicTrainings } from './ja/public-trainings';
import { jaResources } from './ja/resources';

/**
 * The strings of the light public resources entry (web/src/public-main.tsx): the core area (banner, footer,
 * language switch, common buttons, errors), the resources area (search, listings, map, provider link — the staff
 * screens' strings are an area of their own, resources-staff, ≈8 KB gzip kept out of this entry) and the
 * public training page's few strings (its page loads lazily; its strings are ≈1 KB gzip).
 * The other areas stay out of that bundle; public-dictionaries.test.ts checks every key its pages use is here.
 */
export const PUBLIC_RESOURCES_DICTIONARIES: Dictionaries = {
  ja: { ...jaCore, ...jaResources, ...jaPublicTrainings, ...jaPublicLibrary, ...jaPublicSite },
  en: { ...enCore, ...enResources, ...enPublicTrainings, ...enPublicLibrary, ...enPublicSite },
};
