/**
 * A reply by mail to the family that asked through the public form and left an address (decision 0032): a
 * short text written by staff, sent from the case page when they choose. The form warns not to write health
 * information (the mail leaves the product's protection); the subject is one line; nothing is sent with mail
 * off or without an address. The reply is recorded on the case's timeline (kind `mail_reply`) with its history
 * entry and audit entry, and queued, all in one transaction.
 */
import { z } from '@hono/zod-openapi';

import type { DbOrTx } from '../../db/client';
import { consultationActions, type consultations } from '../../db/schema';
import { AppError } from '../../server/errors';
import { multilineText } from '../../server/text-fields';
import { findControlCharacter } from '../../shared/control-characters';
import { recordAudit } from '../audit/record';
import { familyName } from '../mail/family-mail';
import { queueMail } from '../mail/outbox';
import type { MailSettings } from '../mail/settings';
import { lockConsultation, reachFor, recordConsultationChange, type Writer } from './access';

export const REPLY_LIMITS = { subject: 100, text: 2000 } as const;

const issue = (path: string, ja: string, en: string) => ({ path, message: `${ja} / ${en}`, ja, en });

/**
 * The reply's subject (one line: the input check refuses a line break in it before anything else) and text;
 * the rest is checked by {@link replyIssues}, so each refusal has its own words.
 */
export const ZReplyRequest = z
  .object({ subject: z.string().max(1000), text: multilineText(20_000) })
  .strict()
  .openapi('ConsultationReplyRequest');
export type ReplyBody = z.infer<typeof ZReplyRequest>;

/** What is wrong with a reply, as validation issues (empty when it can be sent). */
export function replyIssues(body: ReplyBody) {
  const issues = [];
  const subject = body.subject.trim();
  const text = body.text.trim();
  if (!subject) issues.push(issue('subject', '件名を入力してください。', 'Enter a subject.'));
  else if (findControlCharacter(subject, false))
    issues.push(
      issue(
        'subject',
        '件名は1行で入力してください（改行や制御文字は使えません）。',
        'The subject must be one line (no line breaks or control characters).',
      ),
    );
  else if ([...subject].length > REPLY_LIMITS.subject)
    issues.push(
      issue(
        'subject',
        `件名は${REPLY_LIMITS.subject}文字以内にしてください。`,
        `The subject may have at most ${REPLY_LIMITS.subject} characters.`,
      ),
    );
  if (!text) issues.push(issue('text', '本文を入力してください。', 'Enter the text.'));
  else if ([...text].length > REPLY_LIMITS.text)
    issues.push(
      issue(
        'text',
        `本文は${REPLY_LIMITS.text}文字以内にしてください。`,
        `The text may have at most ${REPLY_LIMITS.text} characters.`,
      ),
    );
  else if (findControlCharacter(text, true))
    issues.push(
      issue('text', '本文に使えない制御文字が含まれています。', 'The text holds a control character.'),
    );
  return issues;
}

/** Sends the reply: whoever may add to the case's timeline may reply (404 out of scope, 403 read-only). */
export async function replyToFamily(
  tx: DbOrTx,
  w: Writer,
  settings: MailSettings | undefined,
  unverifiedId: string,
  body: ReplyBody,
): Promise<string> {
  const reached = await reachFor(tx, w.actor, unverifiedId, 'addAction');
  const issues = replyIssues(body);
  if (issues.length) throw new AppError('validation_failed', { issues });
  if (!settings) throw new AppError('mail_off');
  if (!reached.row.askerEmail || !reached.row.receiptNo) throw new AppError('reply_no_address');
  const locked = await lockConsultation(tx, w, reached.row.id, null, async () => new AppError('not_found'));
  const subject = body.subject.trim();
  const text = body.text.trim();
  const locale = locked.askerLocale ?? 'ja';
  const name = familyName((locked.askerContact ?? '').split(' / ')[0] ?? '', locale);
  const mail = await queueMail(
    tx,
    settings,
    {
      userId: null,
      prefectureCode: locked.prefectureCode,
      email: locked.askerEmail,
      displayName: name,
      locale,
    },
    { kind: 'family_reply', name, link: '/public', receiptNo: locked.receiptNo!, subject, text },
    { createdBy: w.actor.userId, now: w.at },
  );
  const myTeam = reached.teams.find((t) => t.id === locked.ownerTeamId) ?? reached.teams[0];
  const [action] = await tx
    .insert(consultationActions)
    .values({
      consultationId: locked.id,
      kind: 'mail_reply',
      at: w.at,
      note: `${subject}\n\n${text}`,
      byUserId: w.actor.userId,
      teamId: myTeam?.id ?? null,
      createdAt: w.at,
    })
    .returning({ id: consultationActions.id });
  await recordConsultationChange(tx, w, locked, 'action', {
    action: [null, { id: action!.id, kind: 'mail_reply', followUpOf: null }],
  });
  await recordAudit(
    tx,
    { actor: w.actor, meta: w.meta, at: w.at },
    {
      action: 'update',
      entityType: 'consultation',
      entityIds: [locked.id],
      detail: { event: 'family_replied', mailId: 'id' in mail ? mail.id : null },
    },
  );
  return locked.id;
}

/** Whether the case page offers the reply: mail on and an address left on the form. */
export function canReplyByMail(row: typeof consultations.$inferSelect, mailOn: boolean): boolean {
  return mailOn && row.askerEmail !== null && row.receiptNo !== null;
}
