import type { Labels } from './label';

/**
 * The kinds of mail to people outside the centre's staff (decision 0032): learners, municipalities, families who
 * left an address on a public form. Part of MAIL_KINDS (mail.ts).
 */
export const OUTSIDE_MAIL_KINDS = [
  'learner_sign_up_confirm',
  'training_result',
  'training_reminder',
  'training_certificate',
  'registration_shared',
  'family_acknowledgement',
  'family_reply',
] as const;
export type OutsideMailKind = (typeof OUTSIDE_MAIL_KINDS)[number];

export const OUTSIDE_MAIL_KIND_LABELS = {
  learner_sign_up_confirm: { ja: '受講者登録の確認', en: 'Learner sign-up confirmation' },
  training_result: { ja: '研修の選考結果', en: 'Training selection result' },
  training_reminder: { ja: '研修の事前案内', en: 'Training reminder' },
  training_certificate: { ja: '修了証の発行', en: 'Certificate issued' },
  registration_shared: { ja: '登録受理の市区町村への連絡', en: 'Registration accepted, to the municipality' },
  family_acknowledgement: { ja: '申し込みの受付通知', en: 'Acknowledgement of a public form' },
  family_reply: { ja: '相談者への返信', en: 'Reply to a family' },
} as const satisfies Labels<OutsideMailKind>;
