/**
 * The survey request by mail (docs/knowledge.md §5): the recipient's name, the survey's title, its closing day
 * and the personal link — never an answer. A reminder says so. Pure; rendered by `renderMail` (templates.ts).
 */
import type { Locale } from './templates';

export type SurveyMailInput = {
  kind: 'survey_invitation';
  name: string;
  link: string;
  surveyTitle: string;
  /** The closing day as written for the reader (和暦 in Japanese), or null without one. */
  closes: string | null;
  reminder: boolean;
  anonymous: boolean;
};

export function surveyInvitationBody(i: SurveyMailInput, l: Locale): { subject: string; lines: string[] } {
  if (l === 'ja') {
    return {
      subject: `【つなぐ】${i.reminder ? '（再送）' : ''}アンケートへのご協力のお願い`,
      lines: [
        `${i.name} 様`,
        '',
        i.reminder
          ? `先日お送りした「${i.surveyTitle}」へのご回答がまだのようですので、改めてご案内します。以前のリンクは使えなくなりました。次のリンクからお答えください。`
          : `「${i.surveyTitle}」へのご協力をお願いします。次のリンクからお答えください。`,
        '',
        i.link,
        '',
        'このリンクはあなた専用で、1回だけ回答できます。',
        ...(i.anonymous ? ['このアンケートは無記名です。回答はあなたとは結び付けずに保存されます。'] : []),
        ...(i.closes ? [`回答の締切: ${i.closes}`] : []),
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
    };
  }
  return {
    subject: `[Tsunagu] ${i.reminder ? 'Reminder: ' : ''}Please answer our survey`,
    lines: [
      `Dear ${i.name},`,
      '',
      i.reminder
        ? `We have not yet received your answer to "${i.surveyTitle}". Your earlier link no longer works; please answer through this one:`
        : `Please help us by answering "${i.surveyTitle}" through this link:`,
      '',
      i.link,
      '',
      'The link is yours alone and takes one answer.',
      ...(i.anonymous ? ['The survey is anonymous: your answer is kept without any link to you.'] : []),
      ...(i.closes ? [`Answers close: ${i.closes}`] : []),
      'If you did not expect this, delete this message.',
    ],
  };
}
