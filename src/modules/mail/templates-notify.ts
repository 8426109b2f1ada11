/**
 * The daily digest by mail (decision 0030): for each topic, how many and a link behind sign-in — new
 * notifications of the kinds the reader chose for the digest, overdue follow-ups and next actions due today,
 * council action items due or overdue, four-division meetings overdue. Counts only: never a child's name, a
 * case or a notification's text. Pure; rendered by `renderMail` (templates.ts).
 */
import type { Label } from '../../shared/vocab/label';
import { NOTIFICATION_MAIL_KIND_LABELS } from '../../shared/vocab/notification-mail';
import type { Locale } from './templates';

export const DIGEST_WORK_TOPICS = [
  'consultations_overdue',
  'consultations_due_today',
  'council_actions_overdue',
  'council_actions_due_today',
  'four_division_overdue',
] as const;
export type DigestWorkTopic = (typeof DIGEST_WORK_TOPICS)[number];
/** A notification kind (new notifications of it) or a kind of work that is due. */
export type DigestTopic =
  | Exclude<keyof typeof NOTIFICATION_MAIL_KIND_LABELS, 'work_reminders'>
  | DigestWorkTopic;

const WORK_LABELS: Record<DigestWorkTopic, Label> = {
  consultations_overdue: {
    ja: '期限を過ぎた相談（次の対応・フォローアップ）',
    en: 'Consultations overdue (next action or follow-up)',
  },
  consultations_due_today: { ja: '今日が期限の相談', en: 'Consultations due today' },
  council_actions_overdue: { ja: '期限を過ぎた協議の場の宿題', en: 'Council action items overdue' },
  council_actions_due_today: { ja: '今日が期限の協議の場の宿題', en: 'Council action items due today' },
  four_division_overdue: {
    ja: '開催時期を過ぎた四部局会議（担当の市町村）',
    en: 'Four-division meetings overdue (your municipalities)',
  },
};

export type DigestItem = { topic: DigestTopic; count: number; link: string };

export type DigestMailInput = {
  kind: 'notification_digest';
  name: string;
  /** The home page (made absolute by queueMail). */
  link: string;
  /** The day in the reader's writing (e.g. 12月7日 / 7 Dec). */
  day: string;
  /** Each with an absolute link. */
  items: DigestItem[];
};

function topicLabel(topic: DigestTopic, l: Locale): string {
  return topic in WORK_LABELS
    ? WORK_LABELS[topic as DigestWorkTopic][l]
    : NOTIFICATION_MAIL_KIND_LABELS[topic as Exclude<DigestTopic, DigestWorkTopic>][l];
}

export function digestBody(i: DigestMailInput, l: Locale): { subject: string; lines: string[] } {
  const news = i.items.filter((x) => !(x.topic in WORK_LABELS));
  const work = i.items.filter((x) => x.topic in WORK_LABELS);
  const line = (x: DigestItem) => [
    `・${topicLabel(x.topic, l)}: ${x.count}${l === 'ja' ? '件' : ''}`,
    `  ${x.link}`,
  ];
  const lines =
    l === 'ja'
      ? [
          `${i.name} 様`,
          '',
          `${i.day}の時点で、つなぐに確認が必要なものがあります。内容はサインインしてご確認ください。`,
          ...(news.length ? ['', '■ 新しいお知らせ', ...news.flatMap(line)] : []),
          ...(work.length ? ['', '■ 期限の来た対応', ...work.flatMap(line)] : []),
          '',
          'このメールの設定は、アカウント画面の「お知らせのメール」で変更できます。',
          i.link,
        ]
      : [
          `Dear ${i.name},`,
          '',
          `As of ${i.day}, some things in Tsunagu need your attention. Sign in to read them.`,
          ...(news.length ? ['', '■ New notifications', ...news.flatMap(line)] : []),
          ...(work.length ? ['', '■ Work that is due', ...work.flatMap(line)] : []),
          '',
          'Change this mail under “Notifications by mail” on your account page.',
          i.link,
        ];
  return {
    subject: l === 'ja' ? `【つなぐ】${i.day}のまとめ` : `[Tsunagu] Your digest for ${i.day}`,
    lines,
  };
}
