/**
 * Mail to a family (or anyone) who left an address on a public form (decision 0032): the acknowledgement with
 * its receipt number, queued in the transaction that stores the form. The family has no account: the message
 * names the receipt number only — not the child, not what was written — and links to the public site.
 */
import type { DbOrTx } from '../../db/client';
import { headerProblem } from './headers';
import { queueMail } from './outbox';
import type { MailSettings } from './settings';

/** The name as a header may carry it: a name with control characters is addressed without it. */
export function familyName(name: string, locale: 'ja' | 'en'): string {
  const trimmed = name.trim();
  return trimmed && !headerProblem(trimmed) ? trimmed : locale === 'ja' ? 'お申し込みの方' : 'Applicant';
}

/** Queues the acknowledgement of a public form to the address it gave; nothing without one or with mail off. */
export async function mailFamilyAcknowledgement(
  tx: DbOrTx,
  settings: MailSettings | undefined,
  f: {
    prefectureCode: string;
    email: string | undefined | null;
    name: string;
    locale: 'ja' | 'en' | undefined;
    form: 'consultation' | 'registration';
    receiptNo: string;
  },
  now: Date,
): Promise<void> {
  if (!settings || !f.email?.trim()) return;
  const locale = f.locale ?? 'ja';
  const name = familyName(f.name, locale);
  await queueMail(
    tx,
    settings,
    { userId: null, prefectureCode: f.prefectureCode, email: f.email, displayName: name, locale },
    { kind: 'family_acknowledgement', name, link: '/public', form: f.form, receiptNo: f.receiptNo },
    { createdBy: null, now },
  );
}
