/** The mail module's error codes (merged into the one table in server/errors.ts). */
export const MAIL_ERRORS = {
  mail_header_invalid: {
    status: 400,
    ja: 'メールの件名または宛名に改行や制御文字が含まれているため、送信できません。利用者の表示名を確認してください。',
    en: 'The mail cannot be sent: its subject or recipient name holds a line break or control character. Check the user’s display name.',
  },
  mail_not_resendable: {
    status: 409,
    ja: 'このメールは再送できません（送信待ち・送信中・送信済みのメールは再送の対象外です）。',
    en: 'This message cannot be sent again (it is queued, being sent or already sent).',
  },
  mail_not_sent: {
    status: 409,
    ja: '送信済みのメールだけを不達として記録できます。',
    en: 'Only a message that was sent can be recorded as bounced.',
  },
  mail_off: {
    status: 409,
    ja: 'このシステムはメールを送信しない設定です。電話など別の方法でご連絡ください。',
    en: 'This deployment does not send mail. Contact the person another way, such as by phone.',
  },
  reply_no_address: {
    status: 409,
    ja: 'この相談には返信先のメールアドレスがありません（申し込みフォームでアドレスが入力されていません）。',
    en: 'This consultation has no address to reply to (none was given on the form).',
  },
} as const;
