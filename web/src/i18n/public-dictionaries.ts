import { enCore } from './en/core';
import { enResources } from './en/resources';
import type { Dictionaries } from './index';
import { jaCore } from './ja/core';
import { jaResources } from './ja/resources';

/**
 * The strings of the light public resources entry (web/src/public-main.tsx): the core area (banner, footer,
 * language switch, common buttons, errors) and the resources area (search, listings, map, provider link).
 * The other areas stay out of that bundle; public-dictionaries.test.ts checks every key its pages use is here.
 */
export const PUBLIC_RESOURCES_DICTIONARIES: Dictionaries = {
  ja: { ...jaCore, ...jaResources },
  en: { ...enCore, ...enResources },
};
