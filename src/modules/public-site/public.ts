/**
 * The public reads of the site (no sign-in, nothing personal): the frame every public page shows — the
 * prefectures served, the centre's contact, the emergency notices on show and the published pages — and one
 * published page by its address, rendered from Markdown on the server (src/shared/markdown.ts: raw HTML and
 * unsafe links never reach the answer; the public pages carry no Markdown code). A draft is never answered:
 * an unpublished page answers 404 as an unknown one.
 */
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, prefectures, publicPages } from '../../db/schema';
import { AppError } from '../../server/errors';
import { renderMarkdown } from '../../shared/markdown';
import { type ContentLang, FIXED_PUBLIC_PAGE_KINDS } from '../../shared/vocab/public-site';
import { noticeOnShow, pickLang, titleIn, writtenLangs } from './content';

export async function publicSite(
  db: DbOrTx,
  q: { prefecture?: string | undefined; lang: ContentLang },
  now: Date,
) {
  const prefs = await db
    .select({ code: prefectures.code, name: prefectures.name, nameEn: prefectures.nameEn })
    .from(prefectures)
    .orderBy(asc(prefectures.code));
  const code = q.prefecture ?? (prefs.length === 1 ? prefs[0]!.code : undefined);
  const prefecture = prefs.find((p) => p.code === code);
  if (!prefecture) return { prefectures: prefs, site: null };
  const [centre] = await db
    .select({
      name: centres.name,
      operator: centres.operator,
      address: centres.address,
      phone: centres.phone,
    })
    .from(centres)
    .where(and(eq(centres.prefectureCode, prefecture.code), eq(centres.kind, 'hq')))
    .limit(1);
  const pages = await db
    .select()
    .from(publicPages)
    .where(
      and(
        eq(publicPages.prefectureCode, prefecture.code),
        eq(publicPages.status, 'published'),
        or(isNull(publicPages.endsAt), gt(publicPages.endsAt, now)),
        or(isNull(publicPages.startsAt), lte(publicPages.startsAt, now)),
      ),
    )
    .orderBy(asc(publicPages.slug));
  const fixedOrder = (k: string) => {
    const i = (FIXED_PUBLIC_PAGE_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? 99 : i;
  };
  const notices = pages
    .filter((p) => p.kind === 'emergency' && noticeOnShow(p, now))
    .sort((a, b) => (b.startsAt?.getTime() ?? 0) - (a.startsAt?.getTime() ?? 0))
    .map((p) => {
      const c = pickLang(p, q.lang);
      return {
        slug: p.slug,
        lang: c.lang,
        fellBack: c.fellBack,
        title: c.title,
        html: renderMarkdown(c.body),
        endsAt: p.endsAt?.toISOString() ?? null,
      };
    });
  return {
    prefectures: prefs,
    site: {
      prefecture,
      centre: centre ?? null,
      notices,
      pages: pages
        .filter((p) => p.kind !== 'emergency')
        .sort((a, b) => fixedOrder(a.kind) - fixedOrder(b.kind))
        .map((p) => ({ kind: p.kind, slug: p.slug, title: titleIn(p, q.lang) })),
    },
  };
}

/** One published page (a notice while on show), in the language asked for or in Japanese; else 404. */
export async function publicPage(
  db: DbOrTx,
  q: { prefecture: string; lang: ContentLang },
  slug: string,
  now: Date,
) {
  const [p] = await db
    .select()
    .from(publicPages)
    .where(
      and(
        eq(publicPages.prefectureCode, q.prefecture),
        eq(publicPages.slug, slug),
        eq(publicPages.status, 'published'),
      ),
    );
  if (!p || (p.kind === 'emergency' && !noticeOnShow(p, now))) throw new AppError('not_found');
  const c = pickLang(p, q.lang);
  return {
    kind: p.kind,
    slug: p.slug,
    lang: c.lang,
    fellBack: c.fellBack,
    langs: writtenLangs(p),
    title: c.title,
    html: renderMarkdown(c.body),
    updatedAt: p.updatedAt.toISOString(),
  };
}
