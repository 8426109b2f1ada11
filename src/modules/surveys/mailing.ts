/**
 * Personal links by mail (decision 0028): with mail on, every link issued to a recipient with an e-mail address
 * is queued in the outbox in the transaction that issued it, so the message exists exactly when the link does.
 * The mail carries the recipient's name, the survey's title, its closing day and the link — never an answer.
 * With mail off nothing is queued and the links go out as before (on screen, a mail-merge file, printed letters).
 */
import type { DbOrTx } from '../../db/client';
import { isoDateInJapan } from '../../shared/dates';
import { formatWareki } from '../../shared/wareki';
import { queueMail } from '../mail/outbox';
import type { MailSettings } from '../mail/settings';
import type { Locale } from '../mail/templates';
import type { IssuedLink } from './invitations';

type SurveyForMail = { prefectureCode: string; title: string; closesAt: Date | null; anonymous: boolean };

/** The closing day as a reader of `locale` reads it; pure. */
export function closesText(closesAt: Date | null, locale: Locale): string | null {
  if (!closesAt) return null;
  const day = isoDateInJapan(closesAt);
  return locale === 'ja' ? `${formatWareki(day)}（${day}）23時59分` : `${day} 23:59 (Japan time)`;
}

/** A name as a mail header may carry it: control characters and line breaks become spaces; pure. */
export function headerSafeName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim() || '-';
}

/**
 * Queues one message per link with an e-mail address; answers the ids of the invitations mailed (an address
 * that is not usable leaves a `failed` row in the outbox, which administrators see, and is not counted).
 */
export async function mailLinks(
  tx: DbOrTx,
  settings: MailSettings | undefined,
  survey: SurveyForMail,
  links: IssuedLink[],
  opts: { reminder: boolean; locale: Locale; createdBy: string; now: Date },
): Promise<Set<string>> {
  const mailed = new Set<string>();
  if (!settings) return mailed;
  const closes = closesText(survey.closesAt, opts.locale);
  for (const l of links) {
    if (!l.email.trim()) continue;
    const name = headerSafeName(l.name);
    const out = await queueMail(
      tx,
      settings,
      {
        userId: null,
        prefectureCode: survey.prefectureCode,
        email: l.email,
        displayName: name,
        locale: opts.locale,
      },
      {
        kind: 'survey_invitation',
        name,
        link: l.url,
        surveyTitle: survey.title,
        closes,
        reminder: opts.reminder,
        anonymous: survey.anonymous,
      },
      { createdBy: opts.createdBy, now: opts.now },
    );
    if (out.status === 'queued') mailed.add(l.invitationId);
  }
  return mailed;
}
