/** 事業実績報告（年度ごとの活動報告）の画面の文字列。 */
export const jaActivityReport = {
  'nav.activityReport': '事業実績報告',
  'ar.title': '事業実績報告',
  'ar.intro':
    '年度ごとの事業実績を、相談・研修・市町村支援・協議の場・地域課題・実態把握・登録児童・社会資源の各項目から集計します。県に提出し協議の場で示す資料として、印刷または Excel で出力できます。',
  'ar.documentTitle': '{nendo}（{seireki}）事業実績報告',
  'ar.fiscalYear': '年度',
  'ar.area': '対象',
  'ar.wholePrefecture': '県全体',
  'ar.print': '印刷する',
  'ar.downloadJa': 'Excel（日本語）',
  'ar.downloadEn': 'Excel（英語）',
  'ar.period': '期間：{start}〜{end}',
  'ar.generated': '作成：{at}',
  'ar.figuresCaption': '{section}の主な数値',
  'ar.figure': '項目',
  'ar.value': '数値',
  'ar.key': '区分',
  'ar.count': '件数',
  'ar.noRows': '該当なし',
  'ar.unavailable': 'この項目はあなたの権限では閲覧できません。',
  'ar.hours': '{n}時間',
} as const;
