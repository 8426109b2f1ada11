import { type Locale, useLocale, useT } from '../i18n';
import { useSaveLocale, useSession } from '../lib/queries/auth';

const LOCALES: readonly Locale[] = ['ja', 'en'];

/**
 * A language picked on the sign-in screen is an explicit wish: after sign-in it is saved to the profile
 * instead of being replaced by the profile's language.
 */
const PICKED_KEY = 'tsunagu.localePickedBeforeSignIn';

function markPickedBeforeSignIn(): void {
  try {
    window.sessionStorage.setItem(PICKED_KEY, '1');
  } catch {
    // storage unavailable: the profile's language will apply after sign-in
  }
}

export function takeLanguagePickedBeforeSignIn(): boolean {
  try {
    const picked = window.sessionStorage.getItem(PICKED_KEY) === '1';
    window.sessionStorage.removeItem(PICKED_KEY);
    return picked;
  } catch {
    return false;
  }
}

/**
 * 日本語 / English. Remembered on the device, and in the user's profile when signed in.
 * Each language name is written in its own language and marked with lang for screen readers.
 */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { data: session } = useSession();
  const save = useSaveLocale();
  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (session?.authenticated) save.mutate(next);
    else markPickedBeforeSignIn();
  };
  return (
    <fieldset className="flex items-center gap-1 print:hidden">
      <legend className="sr-only">{t('app.language')}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          onClick={() => choose(l)}
          className={
            'min-h-11 min-w-11 rounded-8 border-2 px-3 text-oln-16B-100 ' +
            (locale === l
              ? 'border-key-900 bg-key-900 text-white'
              : 'border-solid-gray-600 bg-white text-solid-gray-900 hover:bg-key-50')
          }
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </fieldset>
  );
}
