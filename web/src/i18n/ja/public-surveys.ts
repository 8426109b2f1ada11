/**
 * 日本語の文言：アンケートの回答ページ（/public/surveys/…）。軽量な公開用エントリの遅延読み込みのチャンクに入り、
 * ページを開いたときだけ読み込まれる（../ja.ts を参照）。
 */
export const jaPublicSurveys = {
  'publicSurvey.pageTitle': 'アンケート',
  'publicSurvey.closesAt': '回答の締切：{date}',
  'publicSurvey.noClosing': '締切は決まっていません。',
  'publicSurvey.anonymous':
    'このアンケートは無記名です。回答は、あなたのお名前やお送りしたリンクと結び付けずに保存されます。回答した日時も記録しません。',
  'publicSurvey.named':
    'この回答は、ご案内をお送りした方からの回答としてセンターに届きます。1つのリンクで回答できるのは1回だけです。',
  'publicSurvey.open': 'このアンケートは、どなたでも回答できます。お名前は伺いません。',
  'publicSurvey.requiredNote': '「必須」の印がある質問は、必ずお答えください。',
  'publicSurvey.municipality': 'お住まいの市町村（任意）',
  'publicSurvey.municipalityHint': '集計を地域ごとに見るために使います。',
  'publicSurvey.municipalityNone': '答えない',
  'publicSurvey.choose': '選んでください',
  'publicSurvey.numberHint': '{min}から{max}までの数字',
  'publicSurvey.numberMin': '{min}以上の数字',
  'publicSurvey.numberMax': '{max}以下の数字',
  'publicSurvey.numberAny': '数字でお答えください',
  'publicSurvey.dateHint': '西暦でも和暦でも入力できます（例：令和8年4月1日、R8.4.1、2026-04-01）',
  'publicSurvey.dateRead': '{date} として受け付けます。',
  'publicSurvey.textLimit': '{n}文字まで',
  'publicSurvey.submit': '回答を送信する',
  'publicSurvey.sending': '送信しています…',
  'publicSurvey.problemsTitle': '回答に不足または誤りがあります（{n}件）。次の質問を確認してください。',
  'publicSurvey.problem.required': 'お答えください。',
  'publicSurvey.problem.requiredMatrix': 'すべての行についてお答えください。',
  'publicSurvey.problem.not_a_choice': '選択肢から選んでください。',
  'publicSurvey.problem.not_a_number': '数字で入力してください。',
  'publicSurvey.problem.out_of_range': '{range}で入力してください。',
  'publicSurvey.problem.not_a_date':
    '日付として読めませんでした。「令和8年4月1日」「2026-04-01」のように入力してください。',
  'publicSurvey.problem.too_long': '{n}文字以内で入力してください。',
  'publicSurvey.problem.unknown_question': 'この質問は今は回答できません。',
  'publicSurvey.thanksTitle': 'ご回答ありがとうございました',
  'publicSurvey.thanksBody': '回答を受け付けました。このページは閉じていただいてかまいません。',
  'publicSurvey.thanksAnonymous': '回答は無記名で保存しました。あなたとは結び付けられていません。',
  'publicSurvey.closedTitle': 'このアンケートは締め切りました',
  'publicSurvey.closedBody':
    '回答の受付は終了しています。回答は保存されていません。ご不明な点はセンターにお問い合わせください。',
  'publicSurvey.usedTitle': 'このリンクからはすでに回答いただいています',
  'publicSurvey.usedBody':
    'お送りした個別のリンクで回答できるのは1回だけです。回答は変更されていません。回答を直したいときは、センターにご連絡ください。',
  'publicSurvey.invalidTitle': 'このアンケートのリンクは無効です',
  'publicSurvey.invalidBody':
    'お手元の案内に書かれた URL をもう一度ご確認いただくか、QR コードを読み取り直してください。再依頼の案内が届いている場合は、新しい案内のリンクをお使いください。',
  'publicSurvey.refusedTitle': '回答を送信できませんでした',
  'publicSurvey.refusedBody':
    '入力した内容はこの画面に残っています。しばらくしてからもう一度送信してください。',
  'publicSurvey.retry': 'もう一度読み込む',
  'publicSurvey.loadFailed': 'アンケートを読み込めませんでした。',
} as const;
