/** The public site's error codes (merged into the one table in server/errors.ts). */
export const PUBLIC_SITE_ERRORS = {
  public_page_slug_taken: {
    status: 409,
    ja: 'このアドレス（またはこの種類の固定ページ）はすでにあります。別のアドレスにするか、既存のページを編集してください。',
    en: 'This address (or this kind of fixed page) already exists. Choose another address or edit the existing page.',
  },
  public_page_window_required: {
    status: 400,
    ja: '緊急のお知らせには表示の開始日時と終了日時を入れてください（終了は開始より後）。',
    en: 'An emergency notice needs a start and an end (the end after the start).',
  },
  public_page_japanese_required: {
    status: 400,
    ja: '公開するページには日本語の題名と本文が必要です（英語・やさしい日本語がないときは日本語で表示します）。',
    en: 'A published page needs a Japanese title and text (pages without English or easy Japanese are shown in Japanese).',
  },
  public_first_window_no_contact: {
    status: 400,
    ja: 'この課の連絡先が市町村カルテに記録されていません。先に市町村カルテで連絡先を記録するか、記録のある課を選んでください。',
    en: 'This division has no contact on the municipality page. Record it there first, or choose a division with a contact.',
  },
  public_first_window_not_coordinator: {
    status: 400,
    ja: '選んだ人はこの県のネットワークのコーディネーターではありません。コーディネーターとして登録された人を選んでください。',
    en: 'The person chosen is not a coordinator of this prefecture’s network. Choose someone registered as a coordinator.',
  },
} as const;
