/** 日本語の文言：メール送信（送信メールの一覧、パスワードを忘れたとき）（../ja.ts を参照）。 */
export const jaMail = {
  'nav.outbox': '送信メール',
  'outbox.title': '送信メール',
  'outbox.intro':
    '招待・パスワード再設定などのメールの送信状況です。メールの本文には健康情報を含めず、サインイン後の画面へのリンクだけを送ります。届かなかったメールは原因を確認してから再送できます。',
  'outbox.mailOff':
    'メール送信は設定されていません（SMTP_URL と MAIL_FROM）。招待やパスワード再設定のリンクは、これまでどおり画面に表示されます。',
  'outbox.status': '状態',
  'outbox.statusAll': 'すべて',
  'outbox.to': '宛先',
  'outbox.subject': '件名',
  'outbox.kind': '種類',
  'outbox.attempts': '試行',
  'outbox.attemptsValue': '{n}回',
  'outbox.nextAttempt': '次の試行',
  'outbox.problem': '理由',
  'outbox.relayAnswer': 'メールサーバーの応答',
  'outbox.created': '作成',
  'outbox.sentAt': '送信',
  'outbox.noAddress': '（アドレスなし）',
  'outbox.resend': '再送',
  'outbox.resent': '{to} 宛てのメールを再送の待ち行列に入れました。',
  'outbox.empty': '該当するメールはありません。',
  'outbox.counts': '件数',
  'bounces.title': '不達のアドレス',
  'bounces.intro':
    '宛先不達になったアドレスには、不達を解除するまでメールを送りません（送信できず「このアドレスは不達のため、送信を止めています」になります）。送信済みのメールについて、後から送信元（MAIL_FROM）のメールボックスに不達の通知（バウンス）が届いたときは、そのメールの「不達として記録」を押してください。アドレスを直したら、解除するか再送してください。',
  'bounces.table': '不達のアドレスの一覧',
  'bounces.none': '不達のアドレスはありません。',
  'bounces.since': '不達になった日時',
  'bounces.messages': '{n}通',
  'bounces.clear': '不達を解除',
  'bounces.confirmClear':
    '{address} の不達を解除します。このアドレスに再びメールが送られます。アドレスが正しいことを確認しましたか？',
  'bounces.cleared': '{address} の不達を解除しました。止めていたメールは「再送」で送れます。',
  'bounces.record': '不達として記録',
  'bounces.recordSubmit': '記録する',
  'bounces.note': '不達の理由（任意）',
  'bounces.noteHint': '届いた不達の通知に書かれた理由を1行で（例：550 5.1.1 User unknown）。',
  'bounces.userNote': 'メール不達（{since}から）：解除するまでメールを送りません',
  'forgot.link': 'パスワードをお忘れの方',
  'forgot.title': 'パスワードをお忘れの方',
  'forgot.intro':
    '登録されているメールアドレスを入力してください。アカウントがある場合は、パスワード再設定のリンク（24時間有効）をメールでお送りします。',
  'forgot.email': 'メールアドレス',
  'forgot.submit': '再設定のリンクを送る',
  'forgot.sent':
    '受け付けました。登録されたアドレスであれば、まもなくメールが届きます。届かない場合は迷惑メールのフォルダを確認するか、しばらくしてからもう一度お試しください。',
  'forgot.mailOff':
    'このシステムではメールを送信していません。パスワードの再設定は、所属の管理者に依頼してください（管理者が再設定のリンクを発行します）。',
  'forgot.toSignIn': 'サインイン画面へ戻る',
  'users.mailed': 'メールでも送信しました（送信状況は「送信メール」で確認できます）。',
  'users.mailNoAddress': 'この利用者にはメールアドレスがないため、メールは送られていません。',
  'notifyMail.title': 'お知らせのメール',
  'notifyMail.intro':
    'お知らせの種類ごとに、画面に加えてメールでも受け取るかを選べます。「すぐにメール」はお知らせのたびに、「毎朝のまとめメール」は開庁日の朝7時ごろに1通にまとめて送ります。メールには健康情報や名前を書かず、サインイン後の画面へのリンクだけを送ります。',
  'notifyMail.mailOff':
    'このシステムではメールを送信していません（管理者がメールの送信を設定すると、ここでの選択に従って送られます）。',
  'notifyMail.none':
    'このアカウントでメールの受け取り方を選べるお知らせはありません。研修の選考結果と修了証は、メール送信が設定されていれば、その都度1通のメールでもお知らせします。',
  'notifyMail.save': 'メールの設定を保存',
  'notifyMail.saved': 'お知らせのメールの設定を保存しました。',
} as const;
