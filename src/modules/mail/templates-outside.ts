/**
 * Mail to people outside the centre's staff (decision 0032): learners (the sign-up link, training results, the
 * reminder before a session, a certificate), municipalities (a registration of their resident accepted, KA-2) and
 * families who left an address on a public form (the acknowledgement with its receipt number, a reply written
 * by staff). Pure; rendered by `renderMail` (templates.ts). No health information and no child's name: a mail says
 * that something happened and links behind sign-in; a family's mail names only its receipt number. The one text
 * not written here is staff's reply, which the reply form warns about (consultations/reply.ts).
 */
import { weekdayOf } from '../../shared/dates';
import { renderSystemText, type SystemText } from '../../shared/vocab/system-text';
import { formatWareki } from '../../shared/wareki';
import type { Locale } from './templates';

/** A day of a session: its date (ISO) and start time (HH:MM), as the reminder lists them. */
export type SessionDay = { on: string; startsAt: string | null };

const WEEKDAYS = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 令和8年12月10日（木）13:30 in Japanese, Thu 10 Dec 2026 13:30 in English (the product's one date style). */
export function sessionDayText(d: SessionDay, l: Locale): string {
  const time = d.startsAt ? ` ${d.startsAt.slice(0, 5)}` : '';
  const wd = WEEKDAYS[l][weekdayOf(d.on)];
  if (l === 'ja') return `${formatWareki(d.on)}（${wd}）${time}`;
  const [y, m, day] = d.on.split('-').map(Number) as [number, number, number];
  return `${wd} ${day} ${MONTHS[m - 1]} ${y}${time}`;
}

export type OutsideMailInput =
  | { kind: 'learner_sign_up_confirm'; name: string; link: string; expiresHours: number }
  | { kind: 'training_result'; name: string; link: string; result: SystemText }
  | {
      kind: 'training_reminder';
      name: string;
      link: string;
      session: string;
      days: SessionDay[];
      place: string | null;
    }
  | { kind: 'training_certificate'; name: string; link: string; course: string; serial: string }
  | { kind: 'registration_shared'; name: string; link: string; receiptNo: string }
  | {
      kind: 'family_acknowledgement';
      name: string;
      link: string;
      form: 'consultation' | 'registration';
      receiptNo: string;
    }
  | { kind: 'family_reply'; name: string; link: string; receiptNo: string; subject: string; text: string };

type Body = { subject: string; lines: string[] };
type Of<K extends OutsideMailInput['kind']> = Extract<OutsideMailInput, { kind: K }>;

const dear = (name: string, l: Locale) => (l === 'ja' ? `${name} 様` : `Dear ${name},`);

export function learnerSignUpConfirmBody(i: Of<'learner_sign_up_confirm'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: '【つなぐ】受講者登録の確認',
        lines: [
          dear(i.name, l),
          '',
          '研修の受講者登録のお申し込みを受け付けました。次のリンクを開いて「登録を完了する」を押すと、アカウントが作成され、登録したパスワードでサインインできます。',
          '',
          i.link,
          '',
          `このリンクは${i.expiresHours}時間、1回だけ使えます。申し込んだ覚えがない場合は、このメールを破棄してください（アカウントは作成されません）。`,
        ],
      }
    : {
        subject: '[Tsunagu] Confirm your learner sign-up',
        lines: [
          dear(i.name, l),
          '',
          'We received your sign-up as a learner. Open this link and press “Complete sign-up”: your account is then created and you can sign in with the password you chose.',
          '',
          i.link,
          '',
          `The link works once, for ${i.expiresHours} hours. If you did not sign up, delete this message (no account is created).`,
        ],
      };
}

export function trainingResultBody(i: Of<'training_result'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: '【つなぐ】研修の受講についてのお知らせ',
        lines: [
          dear(i.name, l),
          '',
          `${renderSystemText(i.result, 'ja')}。`,
          '詳しくはサインインして「マイ研修」でご確認ください。',
          '',
          i.link,
        ],
      }
    : {
        subject: '[Tsunagu] About your training application',
        lines: [
          dear(i.name, l),
          '',
          `${renderSystemText(i.result, 'en')}.`,
          'Sign in and open “My learning” for details.',
          '',
          i.link,
        ],
      };
}

export function trainingReminderBody(i: Of<'training_reminder'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: `【つなぐ】研修のご案内：${i.session}`,
        lines: [
          dear(i.name, l),
          '',
          `受講が決まっている研修「${i.session}」が近づいています。`,
          ...i.days.map((d, n) => `${n === 0 ? '日程：' : '　　　'}${sessionDayText(d, l)}`),
          `会場：${i.place ?? 'オンライン（参加方法は「マイ研修」でご確認ください）'}`,
          '',
          '持ち物や変更は、サインインして「マイ研修」でご確認ください。',
          '',
          i.link,
        ],
      }
    : {
        subject: `[Tsunagu] Your training is coming up: ${i.session}`,
        lines: [
          dear(i.name, l),
          '',
          `The training “${i.session}” you have a seat in is coming up.`,
          ...i.days.map((d, n) => `${n === 0 ? 'Dates: ' : '       '}${sessionDayText(d, l)}`),
          `Place: ${i.place ?? 'online (see “My learning” for how to join)'}`,
          '',
          'Sign in and open “My learning” for what to bring and any change.',
          '',
          i.link,
        ],
      };
}

export function trainingCertificateBody(i: Of<'training_certificate'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: '【つなぐ】修了証が発行されました',
        lines: [
          dear(i.name, l),
          '',
          `「${i.course}」の修了証（番号 ${i.serial}）が発行されました。サインインして「マイ研修」から印刷できます。`,
          '',
          i.link,
        ],
      }
    : {
        subject: '[Tsunagu] Your certificate has been issued',
        lines: [
          dear(i.name, l),
          '',
          `Your certificate of “${i.course}” (number ${i.serial}) has been issued. Sign in and print it from “My learning”.`,
          '',
          i.link,
        ],
      };
}

export function registrationSharedBody(i: Of<'registration_shared'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: '【つなぐ】貴市区町村の住民の登録が受理されました',
        lines: [
          dear(i.name, l),
          '',
          `貴市区町村にお住まいの方の登録申請（受付番号 ${i.receiptNo}）が受理され、市区町村との情報共有に同意されています。内容はサインインしてご確認ください。`,
          '',
          i.link,
        ],
      }
    : {
        subject: '[Tsunagu] A registration for your municipality was accepted',
        lines: [
          dear(i.name, l),
          '',
          `A registration for a resident of your municipality (receipt ${i.receiptNo}) was accepted, with the consent to share it with the municipality. Sign in to open it.`,
          '',
          i.link,
        ],
      };
}

const FORM_NAME = {
  consultation: { ja: '相談のお申し込み', en: 'consultation request' },
  registration: { ja: '登録のお申し込み', en: 'registration' },
};

export function familyAcknowledgementBody(i: Of<'family_acknowledgement'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: `【つなぐ】${FORM_NAME[i.form].ja}を受け付けました（受付番号 ${i.receiptNo}）`,
        lines: [
          dear(i.name, l),
          '',
          `${FORM_NAME[i.form].ja}を受け付けました。受付番号は ${i.receiptNo} です。お問い合わせの際はこの番号をお伝えください。`,
          '担当者から改めてご連絡します。急ぎの場合や体調に関わることは、このメールではなく、かかりつけの医療機関やお住まいの市区町村の窓口にご連絡ください。',
          '',
          i.link,
        ],
      }
    : {
        subject: `[Tsunagu] We received your ${FORM_NAME[i.form].en} (receipt ${i.receiptNo})`,
        lines: [
          dear(i.name, l),
          '',
          `We received your ${FORM_NAME[i.form].en}. Your receipt number is ${i.receiptNo}; please give it when you contact us.`,
          'Someone will contact you. For anything urgent or about health, do not answer this message: call your doctor or your municipality’s office.',
          '',
          i.link,
        ],
      };
}

export function familyReplyBody(i: Of<'family_reply'>, l: Locale): Body {
  return l === 'ja'
    ? {
        subject: `【つなぐ】${i.subject}（受付番号 ${i.receiptNo}）`,
        lines: [
          dear(i.name, l),
          '',
          i.text,
          '',
          `（受付番号 ${i.receiptNo} についての担当者からのご連絡です。）`,
          i.link,
        ],
      }
    : {
        subject: `[Tsunagu] ${i.subject} (receipt ${i.receiptNo})`,
        lines: [dear(i.name, l), '', i.text, '', `(From the staff handling receipt ${i.receiptNo}.)`, i.link],
      };
}

/** The bodies by kind, spread into templates.ts's table. */
export const OUTSIDE_BODIES: {
  [K in OutsideMailInput['kind']]: (input: Of<K>, locale: Locale) => Body;
} = {
  learner_sign_up_confirm: learnerSignUpConfirmBody,
  training_result: trainingResultBody,
  training_reminder: trainingReminderBody,
  training_certificate: trainingCertificateBody,
  registration_shared: registrationSharedBody,
  family_acknowledgement: familyAcknowledgementBody,
  family_reply: familyReplyBody,
};
