/** The good-practice module's error codes (merged into the one table in server/errors.ts). */
export const GOOD_PRACTICE_ERRORS = {
  story_personal_data: {
    status: 409,
    ja: 'この事例には、元の記録にある個人情報（氏名・生年月日・住所・電話番号）が含まれています。削除してから確認してください。',
    en: 'This story contains personal data from its source record (a name, birth date, address or telephone number). Remove it before checking.',
  },
  story_flags_open: {
    status: 409,
    ja: '個人情報の可能性がある箇所が残っています。一つずつ確認して「個人情報ではない」を選ぶか、本文を直してください。',
    en: 'Some findings of the personal-data check are still open. Look at each one and mark it as not personal data, or change the text.',
  },
  story_confirmations_missing: {
    status: 400,
    ja: '確認項目（氏名・生年月日・住所・連絡先がないこと）をすべて確認してください。',
    en: 'Confirm every statement (no names, birth dates, addresses or contact details).',
  },
  story_self_check: {
    status: 409,
    ja: '個人情報の確認は、この事例を書いた人・最後に直した人以外の職員が行ってください。',
    en: 'The personal-data check must be done by someone other than the author and the last editor.',
  },
  story_wrong_status: {
    status: 409,
    ja: 'この事例は今の状態ではその操作ができません（下書き → 個人情報確認済み → 公開 の順に進みます）。',
    en: 'This story cannot do that in its current state (draft → checked for personal data → published).',
  },
  story_no_public_consent: {
    status: 409,
    ja: '公開サイトに載せるには、公開された事例で、関係者の公開への同意（だれが・いつ・どのように）が記録されている必要があります。',
    en: 'A story goes on the public site only when it is published and the consent to publication (who, when, how) is recorded.',
  },
} as const;
