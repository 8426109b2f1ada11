import type { z } from '@hono/zod-openapi';
import type { ZIssuedLink } from '../../../../src/modules/surveys/schemas';

/**
 * Personal links handed from the screen that issued them to the printed letters (/surveys/{id}/letter). A link
 * is shown only when issued — the server keeps its hash — so the letters keep them for this tab only
 * (sessionStorage: gone when the tab closes, never sent anywhere).
 */
export type IssuedLink = z.infer<typeof ZIssuedLink>;

const key = (surveyId: string) => `tsunagu.surveyLetters.${surveyId}`;

/** Keeps links just issued for the survey's letters (replacing any kept before). */
export function keepLinksForLetters(surveyId: string, links: IssuedLink[]): void {
  try {
    window.sessionStorage.setItem(key(surveyId), JSON.stringify(links));
  } catch {
    // Storage disabled: the letters page issues its own.
  }
}

/** The links kept for the survey's letters in this tab, or null. */
export function linksForLetters(surveyId: string): IssuedLink[] | null {
  try {
    const raw = window.sessionStorage.getItem(key(surveyId));
    const links = raw ? (JSON.parse(raw) as unknown) : null;
    return Array.isArray(links) &&
      links.every((l) => typeof l?.url === 'string' && typeof l?.name === 'string')
      ? (links as IssuedLink[])
      : null;
  } catch {
    return null;
  }
}

export function forgetLinksForLetters(surveyId: string): void {
  try {
    window.sessionStorage.removeItem(key(surveyId));
  } catch {
    // nothing kept
  }
}
