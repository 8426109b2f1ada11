/** 日本語の文言：アンケートの案内状の印刷（/surveys/{id}/letter、個別リンクごとに1枚、QR コード付き）（../ja.ts を参照）。 */
export const jaSurveyLetter = {
  'surveyLetter.title': 'アンケートの案内状の印刷',
  'surveyLetter.back': 'アンケートへ戻る',
  'surveyLetter.print': '印刷する',
  'surveyLetter.lead':
    '個別リンクごとに A4 で1枚の案内状です（宛名、アンケート名、回答のお願い、リンクの URL と QR コード、締切）。',
  'surveyLetter.ready': '{n}件の個別リンクの案内状です。このタブを閉じると、リンクはこの画面から消えます。',
  'surveyLetter.whyIssue':
    '個別リンクは発行したときにしか表示されません（センターにはリンクそのものは残りません）。案内状を作るには、まだ回答していない方に新しいリンクを発行します。',
  'surveyLetter.waiting': 'まだ回答していない方：{n}人',
  'surveyLetter.warning':
    '発行すると、その方々にこれまでお送りしたリンクは使えなくなります（メールで送ったリンクも含みます）。',
  'surveyLetter.issue': '未回答の方のリンクを発行して案内状を作る',
  'surveyLetter.issuing': '発行しています…',
  'surveyLetter.noneWaiting': 'まだ回答していない個別リンクの送付先はありません。',
  'surveyLetter.notOpen': 'このアンケートは回答を受け付けていないため、案内状は作れません。',
  'surveyLetter.forget': '案内状を消す',
  'surveyLetter.to': '{name} 様',
  'surveyLetter.request':
    '「{title}」へのご協力をお願いいたします。スマートフォンで下の QR コードを読み取るか、URL を入力してお答えください。',
  'surveyLetter.personal':
    'このリンクはあなた専用です。回答できるのは1回だけです。他の方に渡さないでください。',
  'surveyLetter.anonymous':
    'このアンケートは無記名です。回答は、あなたのお名前やこのリンクと結び付けずに保存されます。',
  'surveyLetter.address': '回答ページの URL',
  'surveyLetter.qr': '回答ページの QR コード',
  'surveyLetter.closes': '回答の締切：{date}',
  'surveyLetter.noClosing': '締切は決まっていません。お早めにお答えください。',
  'surveyLetter.from': '医療的ケア児支援センター',
  'surveyLetter.count': '{n}枚',
} as const;
