import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MessageKey } from './ja';

export type Locale = 'ja' | 'en';
export type { MessageKey };
/**
 * Translates a key of the dictionaries in one language, named by `locale` (the labels of coded values, kept in
 * src/shared/vocab/, are read in that language: ./vocab.ts).
 */
export type Translate = ((key: MessageKey, vars?: Record<string, string | number>) => string) & {
  readonly locale: Locale;
};

/**
 * The strings a page bundle carries, per language. The app passes every area (ja.ts, en.ts); the light public
 * resources entry passes only the areas its pages use (public-dictionaries.ts), so this module imports no
 * dictionary itself — importing it must not pull every string of the app into a bundle.
 */
export type Dictionaries = Record<Locale, Partial<Record<MessageKey, string>>>;

const STORAGE_KEY = 'tsunagu.locale';

// Set once by the entry (installDictionaries) before the first render; read by translate(), which also serves
// code outside React (API error messages).
let installed: Dictionaries = { ja: {}, en: {} };

/** Gives translate() and the provider their strings; called by each entry before it renders. */
export function installDictionaries(dictionaries: Dictionaries): void {
  installed = dictionaries;
}

// Strings a lazily loaded page brings with its own chunk (the light entry's survey page), kept apart from the
// entry's so that the provider installing those again on a language change does not drop them.
let added: Dictionaries = { ja: {}, en: {} };

/** Adds the strings of a page loaded lazily (called when its chunk loads, before it renders). */
export function addDictionaries(more: Dictionaries): void {
  added = { ja: { ...added.ja, ...more.ja }, en: { ...added.en, ...more.en } };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** The language chosen on this device before sign-in (Japanese by default). */
export function storedLocale(): Locale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : 'ja';
  } catch {
    return 'ja';
  }
}

/**
 * Looks a key up and fills {placeholders}. A key missing from the installed dictionaries (a bundle that left
 * its area out) shows the key itself rather than breaking the page.
 */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = installed[locale][key] ?? added[locale][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

type LocaleState = { locale: Locale; setLocale: (locale: Locale) => void };

const LocaleContext = createContext<LocaleState | null>(null);

/**
 * Holds the UI language, mirrors it to <html lang> and remembers it on this device. `dictionaries` are the
 * strings of this bundle (installed for translate() as well).
 */
export function LocaleProvider({
  dictionaries,
  children,
}: {
  dictionaries: Dictionaries;
  children: ReactNode;
}) {
  installDictionaries(dictionaries);
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useLocale outside LocaleProvider');
  return ctx;
}

/** The translate function of one language. */
export function translatorFor(locale: Locale): Translate {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  return Object.assign(t, { locale });
}

/** The translate function for the current language. */
export function useT(): Translate {
  const { locale } = useLocale();
  return useMemo(() => translatorFor(locale), [locale]);
}
