/**
 * 日本語：市町村アンケートの「把握している医療的ケア児の人数」と実態把握（ME-3; docs/knowledge.md §5）— アンケートの
 * 画面の確認と反映、作成画面の質問、実態把握の集計の「報告数」の列。
 */
export const jaSurveyCensus = {
  'sv.census.action': '実態把握への人数の反映',
  'sv.census.addQuestion': '「把握している医療的ケア児の人数」の質問を追加',
  'sv.census.questionTitle': '貴市町村で把握している医療的ケア児の人数',
  'sv.census.questionNote':
    'この質問への各市町村の回答は、実態把握の「報告数」として反映できます（市町村あての個別リンクで届いた回答だけ）。0以上の整数で答えてもらいます。',
  'sv.census.title': '{title}：実態把握への人数の反映',
  'sv.census.explain':
    '市町村あての個別リンクで届いた回答の人数を、その市町村の実態把握の提供元の「報告数」として年度ごとに反映します。照合で数えた人数と並べて見られ、差は市町村へのフィードバックの手がかりになります。自動では反映されません。',
  'sv.census.nendo': '年度',
  'sv.census.noQuestion':
    'このアンケートには「把握している医療的ケア児の人数」の質問がありません（無記名のアンケートでは使えません）。',
  'sv.census.none': '市町村あての個別リンクからの回答はまだありません。',
  'sv.census.run': '照合数は{nendo}の照合結果（{status}）です。',
  'sv.census.openRun': '照合結果を開く',
  'sv.census.noRun': '{nendo}の照合結果はまだありません。照合数は、実態把握で照合すると表示されます。',
  'sv.census.caption': '市町村の回答と実態把握（{nendo}）',
  'sv.census.municipality': '市町村（回答者）',
  'sv.census.answer': '回答の人数',
  'sv.census.linked': '照合数',
  'sv.census.gap': '差（照合数−回答）',
  'sv.census.sources': '提供元の報告数',
  'sv.census.applyCol': '反映',
  'sv.census.notAnswered': '未回答',
  'sv.census.notWhole': '人数として使えない数値',
  'sv.census.noSource': '提供元がありません（実態把握の画面で、この市町村の提供元を登録してください）',
  'sv.census.noFigure': 'ー',
  'sv.census.state.new': '未登録',
  'sv.census.state.applied': 'この回答を反映済み',
  'sv.census.state.differs': '別の数値',
  'sv.census.target': '{municipality}の反映先',
  'sv.census.apply': '報告数として反映',
  'sv.census.applyLabel': '{municipality}の回答（{n}人）を報告数として反映',
  'sv.census.appliedDone': '{municipality}の{source}の報告数を{n}人にしました。',
  'census.reported.title': '市町村の報告数との比較',
  'census.reported.intro':
    '市町村がアンケートで答えた人数（報告数）と、照合で数えた人数の比較です。差は、市町村へのフィードバック（相違リスト）で確かめてください。',
  'census.reported.caption': '市町村別の照合数と報告数',
  'census.reported.municipality': '市町村',
  'census.reported.linked': '照合数',
  'census.reported.reported': '報告数',
  'census.reported.gap': '差（照合数−報告数）',
  'census.reported.sources': '提供元（反映日）',
  'census.reported.none': 'この年度の報告数はまだありません。市町村アンケートの回答から反映できます。',
} as const;
