/** 日本語の文言：公開の資料ライブラリ（軽量な公開用エントリでは、ページのチャンクとともに読み込まれる。pages/public/library/strings.ts）。 */
export const jaPublicLibrary = {
  'publicLibrary.title': '資料ライブラリ',
  'publicLibrary.intro':
    '医療的ケアが必要なお子さんとご家族のための様式・手引き・解説動画です。サインインせずにご覧いただけます。',
  'publicLibrary.bySituation': '場面から探す',
  'publicLibrary.empty': 'この場面の資料はまだありません。',
  'publicLibrary.version': '第{n}版（{date} 確認）',
  'publicLibrary.openFile': '資料を開く：{name}（{size}）',
  'publicLibrary.openLink': 'リンク先を開く',
  'publicLibrary.archived':
    'この資料は公開を終了しました。内容が古い可能性があります。最新の情報はセンターにお問い合わせください。',
  'publicLibrary.cannotPlay':
    'このブラウザでは動画を再生できません。下のボタンからファイルを開いてください。',
} as const;
