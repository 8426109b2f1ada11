import type { jaPublicLibrary } from '../ja/public-library';

/** English strings: the public library (in the light public entry's dictionary, ../public-dictionaries.ts). */
export const enPublicLibrary: Record<keyof typeof jaPublicLibrary, string> = {
  'publicLibrary.title': 'Library',
  'publicLibrary.intro':
    'Forms, guides and explainer videos for children who need medical care and their families. No sign-in needed.',
  'publicLibrary.bySituation': 'Find by situation',
  'publicLibrary.empty': 'No items for this situation yet.',
  'publicLibrary.version': 'Version {n} (checked {date})',
  'publicLibrary.openFile': 'Open: {name} ({size})',
  'publicLibrary.openLink': 'Open the link',
  'publicLibrary.archived':
    'This item is no longer published and may be out of date. Ask the centre for the latest information.',
  'publicLibrary.cannotPlay': 'This browser cannot play the video. Open the file with the button below.',
};
