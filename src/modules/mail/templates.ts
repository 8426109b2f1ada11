/**
 * The messages, in Japanese and English by the recipient's language; pure. A message never carries health
 * information or a child's name: it says that something needs the reader's attention and links to it behind
 * sign-in (decision 0028). The links are absolute, from PUBLIC_URL.
 */
import type { MailKind } from '../../shared/vocab/mail';
import { type DigestMailInput, digestBody } from './templates-notify';
import { OUTSIDE_BODIES, type OutsideMailInput } from './templates-outside';
import { type SurveyMailInput, surveyInvitationBody } from './templates-surveys';

export type Locale = 'ja' | 'en';

export type MailContent = { subject: string; text: string };

export type TemplateInput =
  | { kind: 'invitation'; name: string; link: string; expiresDays: number }
  | { kind: 'password_reset'; name: string; link: string; expiresHours: number; requested: 'self' | 'admin' }
  | { kind: 'notification'; name: string; link: string }
  | OutsideMailInput
  | SurveyMailInput
  | DigestMailInput;

const PRODUCT = {
  ja: 'つなぐ（医療的ケア児支援センター）',
  en: 'Tsunagu (medical care children support centre)',
};

const FOOTER = {
  ja: `このメールは送信専用です。返信されても届きません。\n${PRODUCT.ja}`,
  en: `This address does not receive replies.\n${PRODUCT.en}`,
};

/** The subject and plain-text body of a message in the recipient's language. */
export function renderMail(input: TemplateInput, locale: Locale): MailContent {
  const body = BODIES[input.kind](input as never, locale);
  return { subject: body.subject, text: `${body.lines.join('\n')}\n\n--\n${FOOTER[locale]}\n` };
}

type Body = { subject: string; lines: string[] };

const BODIES: { [K in MailKind]: (input: Extract<TemplateInput, { kind: K }>, locale: Locale) => Body } = {
  ...OUTSIDE_BODIES,
  survey_invitation: surveyInvitationBody,
  notification_digest: digestBody,
  invitation: (i, l) =>
    l === 'ja'
      ? {
          subject: '【つなぐ】アカウントへの招待',
          lines: [
            `${i.name} 様`,
            '',
            'つなぐのアカウントが作成されました。次のリンクを開いて、パスワードを設定してください。',
            '',
            i.link,
            '',
            `このリンクは${i.expiresDays}日間、1回だけ使えます。心当たりのない場合は、このメールを破棄してください。`,
          ],
        }
      : {
          subject: '[Tsunagu] You are invited to an account',
          lines: [
            `Dear ${i.name},`,
            '',
            'An account has been made for you in Tsunagu. Open this link to set your password:',
            '',
            i.link,
            '',
            `The link works once, for ${i.expiresDays} days. If you did not expect this, delete this message.`,
          ],
        },
  password_reset: (i, l) =>
    l === 'ja'
      ? {
          subject: '【つなぐ】パスワード再設定のご案内',
          lines: [
            `${i.name} 様`,
            '',
            i.requested === 'self'
              ? 'パスワードの再設定が申し込まれました。次のリンクを開いて、新しいパスワードを設定してください。'
              : '管理者がパスワード再設定のリンクを発行しました。次のリンクを開いて、新しいパスワードを設定してください。',
            '',
            i.link,
            '',
            `このリンクは${i.expiresHours}時間、1回だけ使えます。申し込んだ覚えがない場合は、このメールを破棄してください（パスワードは変わりません）。`,
          ],
        }
      : {
          subject: '[Tsunagu] Reset your password',
          lines: [
            `Dear ${i.name},`,
            '',
            i.requested === 'self'
              ? 'A password reset was asked for your account. Open this link to set a new password:'
              : 'An administrator issued a password-reset link for your account. Open it to set a new password:',
            '',
            i.link,
            '',
            `The link works once, for ${i.expiresHours} hours. If you did not ask for this, delete this message (your password stays as it is).`,
          ],
        },
  notification: (i, l) =>
    l === 'ja'
      ? {
          subject: '【つなぐ】新しいお知らせがあります',
          lines: [
            `${i.name} 様`,
            '',
            'つなぐに確認が必要なお知らせがあります。内容はサインインしてご確認ください。',
            '',
            i.link,
          ],
        }
      : {
          subject: '[Tsunagu] Something needs your attention',
          lines: [
            `Dear ${i.name},`,
            '',
            'There is a notification for you in Tsunagu. Sign in to read it:',
            '',
            i.link,
          ],
        },
};
