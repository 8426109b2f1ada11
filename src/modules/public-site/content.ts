/**
 * What a public page shows (pure): its content in the language asked for, or in Japanese when that language
 * is not written (and the answer says so), and whether an emergency notice is on show at a moment.
 */
import type { ContentLang } from '../../shared/vocab/public-site';

export type PageTexts = {
  titleJa: string;
  titleEn: string;
  titleEasy: string;
  bodyJa: string;
  bodyEn: string;
  bodyEasy: string;
};

/** The languages a page is written in: Japanese always, English and やさしい日本語 when both title and text are. */
export function writtenLangs(p: PageTexts): ContentLang[] {
  const langs: ContentLang[] = ['ja'];
  if (p.titleEn.trim() && p.bodyEn.trim()) langs.push('en');
  if (p.titleEasy.trim() && p.bodyEasy.trim()) langs.push('easy');
  return langs;
}

/** The content to show for `asked`: that language when written, Japanese otherwise (`fellBack`). */
export function pickLang(
  p: PageTexts,
  asked: ContentLang,
): { lang: ContentLang; fellBack: boolean; title: string; body: string } {
  const lang = writtenLangs(p).includes(asked) ? asked : 'ja';
  const title = lang === 'en' ? p.titleEn : lang === 'easy' ? p.titleEasy : p.titleJa;
  const body = lang === 'en' ? p.bodyEn : lang === 'easy' ? p.bodyEasy : p.bodyJa;
  return { lang, fellBack: lang !== asked, title, body };
}

/** A page's title in a language, falling back to Japanese (for lists and links). */
export function titleIn(p: Pick<PageTexts, 'titleJa' | 'titleEn' | 'titleEasy'>, lang: ContentLang): string {
  const t = lang === 'en' ? p.titleEn : lang === 'easy' ? p.titleEasy : p.titleJa;
  return t.trim() ? t : p.titleJa;
}

/**
 * Whether an emergency notice is on show at `now`: published, started (or no start) and not yet ended. The end
 * is exclusive — a notice ending at 17:00 is gone at 17:00.
 */
export function noticeOnShow(
  n: { status: string; startsAt: Date | null; endsAt: Date | null },
  now: Date,
): boolean {
  if (n.status !== 'published') return false;
  if (n.startsAt && n.startsAt.getTime() > now.getTime()) return false;
  if (n.endsAt && n.endsAt.getTime() <= now.getTime()) return false;
  return true;
}
