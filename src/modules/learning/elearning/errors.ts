/** The e-learning error codes (merged into the one table in server/errors.ts). */
export const ELEARNING_ERRORS = {
  elearning_media_too_large: {
    status: 413,
    ja: 'ファイルが大きすぎます。上限（detail.limitBytes）以下のファイルを選んでください。',
    en: 'The file is too large. Choose a file within the limit (detail.limitBytes).',
  },
  elearning_media_not_video: {
    status: 422,
    ja: '動画ファイルではありません。MP4 または WebM の動画を選んでください。',
    en: 'This is not a video. Choose an MP4 or WebM video.',
  },
  elearning_media_duration_unknown: {
    status: 422,
    ja: '動画の長さを読み取れません。ファイルが途中で切れていないか確認するか、MP4 に書き出し直してください。',
    en: 'The length of the video cannot be read. Check the file is complete, or export it again as MP4.',
  },
  elearning_media_not_captions: {
    status: 422,
    ja: '字幕ファイルではありません。UTF-8 の WebVTT（先頭が WEBVTT）を選んでください。',
    en: 'This is not a captions file. Choose WebVTT in UTF-8 (starting with WEBVTT).',
  },
  elearning_media_not_pdf: {
    status: 422,
    ja: 'PDF ファイルではありません。資料は PDF で登録してください。',
    en: 'This is not a PDF. Documents are stored as PDF.',
  },
  elearning_media_empty: { status: 422, ja: 'ファイルが空です。', en: 'The file is empty.' },
  elearning_chunk_size: {
    status: 400,
    ja: '分割送信の大きさが合いません（detail.expectedBytes バイトで送ってください）。',
    en: 'The chunk has the wrong size (send detail.expectedBytes bytes).',
  },
  elearning_upload_incomplete: {
    status: 409,
    ja: 'まだ届いていない部分があります（detail.missing）。残りを送ってから完了してください。',
    en: 'Some chunks have not arrived yet (detail.missing). Send them, then finish the upload.',
  },
  elearning_media_not_ready: {
    status: 409,
    ja: 'このファイルはまだアップロード中です。',
    en: 'This file is still being uploaded.',
  },
  elearning_upload_finished: {
    status: 409,
    ja: 'このアップロードはすでに完了しています。',
    en: 'This upload is already finished.',
  },
  elearning_media_in_use: {
    status: 409,
    ja: 'このファイルは講義で使われています。講義から外してから削除してください。',
    en: 'A lesson uses this file. Remove it from the lesson before deleting it.',
  },
  elearning_media_wrong_kind: {
    status: 400,
    ja: 'この欄には使えない種類のファイルです（動画・字幕・資料を確認してください）。',
    en: 'That kind of file cannot be used here (check video, captions and documents).',
  },
  elearning_not_a_lesson: {
    status: 400,
    ja: '動画を付けられるのは e ラーニングの講義だけです。',
    en: 'Only e-learning lessons have videos.',
  },
  elearning_progress_refused: {
    status: 400,
    ja: '視聴の記録を受け付けられません（区間が動画の長さを超えているか、形式が正しくありません）。',
    en: 'The watching report was refused (an interval is outside the video or malformed).',
  },
  elearning_no_video: {
    status: 409,
    ja: 'この講義にはまだ動画がありません。',
    en: 'This lesson has no video yet.',
  },
  elearning_no_quiz: {
    status: 409,
    ja: 'この講義には確認テストがありません。',
    en: 'This lesson has no quiz.',
  },
  elearning_attempts_used: {
    status: 409,
    ja: '受験できる回数をすべて使いました。研修の担当者にご相談ください。',
    en: 'You have used every attempt. Please contact the training staff.',
  },
  elearning_already_passed: {
    status: 409,
    ja: 'この確認テストにはすでに合格しています。',
    en: 'You have already passed this quiz.',
  },
  elearning_attempt_closed: {
    status: 409,
    ja: 'この解答はすでに提出されています。',
    en: 'This attempt has already been submitted.',
  },
  elearning_answers_invalid: {
    status: 400,
    ja: '解答に、出題されていない問題や選択肢が含まれています。',
    en: 'The answers name a question or choice this attempt did not ask.',
  },
  elearning_question_invalid: {
    status: 400,
    ja: '問題の選択肢か正解に誤りがあります（detail.problem）。',
    en: 'The question’s choices or correct answer are not valid (detail.problem).',
  },
} as const;
