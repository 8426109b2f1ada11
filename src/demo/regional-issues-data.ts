/**
 * The issues and development projects behind the demo's 地域課題と社会資源の開発 (regional-issues.ts): for each
 * issue its place, who raised it and when, the levels it reached with the proposal's and the answer's text, how it
 * ended, its evidence count and next step; for each project its kind, place, the days of the stages reached, the
 * places and operator, and the issue it came from. Days are counted back from the seeding date. Data only.
 */
import type { IssueLevel, IssueOutcome, ProjectKind, ProjectStage } from '../shared/vocab/regional-issues';

export type Who = 'admin' | 'coordinator' | 'branch' | 'municipal';

export type IssueSpec = {
  title: string;
  description: string;
  place: 'municipality' | 'demoRegion' | 'otherRegion';
  careItem: string | null;
  raisedBy: Who;
  raisedAgo: number;
  /** The levels reached after the region, with days ago and the text (the proposal's, the answer's). */
  steps: [IssueLevel, number, string | null][];
  closed?: [IssueOutcome, number, string | null];
  evidence: number;
  nextStep?: [string, number];
  owner: Who;
  /** Raised from the municipality's newest held engagement before it (a hearing or a four-division meeting). */
  fromEngagement?: true;
};

export const ISSUES: IssueSpec[] = [
  {
    title: '保育所で医療的ケア児を受け入れる看護師がいない',
    description:
      '吸引が必要な3歳児の入園希望が続いているが、市内の保育所に看護師の配置がなく、受け入れを断っている。保護者は就労をあきらめかけている。',
    place: 'municipality',
    careItem: 'suction',
    raisedBy: 'municipal',
    raisedAgo: 18,
    fromEngagement: true,
    steps: [],
    evidence: 3,
    nextStep: ['保育課・障害福祉課と4課協議で受け入れ条件を確認', 14],
    owner: 'coordinator',
  },
  {
    title: '放課後等デイサービスの看護師が一人配置で孤立している',
    description:
      '圏域の放課後等デイサービスの看護師から、判断に迷うときの相談先がないとの声が複数の事業所から出ている。',
    place: 'demoRegion',
    careItem: null,
    raisedBy: 'coordinator',
    raisedAgo: 52,
    steps: [],
    evidence: 2,
    nextStep: ['圏域の協議の場で報告し、連絡会の立ち上げを相談', 21],
    owner: 'coordinator',
  },
  {
    title: '停電時に人工呼吸器の電源を確保できない家庭がある',
    description:
      '台風時の停電で、外部バッテリーの予備がない家庭が複数あった。個別避難計画に電源確保の記載がない市町村もある。',
    place: 'demoRegion',
    careItem: 'ventilator',
    raisedBy: 'branch',
    raisedAgo: 120,
    steps: [['prefecture_council', 35, null]],
    evidence: 4,
    nextStep: ['次回の県の協議の場（検討会議）で危機管理部局と協議', 40],
    owner: 'admin',
  },
  {
    title: '学校への看護師配置に市町村の財源がない',
    description:
      '小中学校に通う医療的ケア児が増えているが、看護師を配置する財源がなく、保護者の付き添いが続いている。',
    place: 'demoRegion',
    careItem: 'tube_feeding_gastric',
    raisedBy: 'coordinator',
    raisedAgo: 240,
    steps: [
      ['prefecture_council', 180, null],
      ['proposal', 90, '市町村立学校への看護師配置に対する県の補助制度の創設を提言する。'],
    ],
    evidence: 5,
    nextStep: ['県教育委員会の回答を確認', 30],
    owner: 'admin',
  },
  {
    title: '特別支援学校の通学バスに医療的ケア児が乗れない',
    description: '通学バスに看護師が同乗しないため、医療的ケア児は保護者の送迎に頼っている。',
    place: 'otherRegion',
    careItem: 'suction',
    raisedBy: 'admin',
    raisedAgo: 300,
    steps: [
      ['prefecture_council', 250, null],
      ['proposal', 160, '通学バスへの看護師同乗の試行を提言する。'],
      ['answered', 12, '来年度、県立特別支援学校2校で看護師同乗の試行事業を実施する。'],
    ],
    evidence: 3,
    nextStep: ['試行校の決定を待って終了の判断', 45],
    owner: 'admin',
  },
  {
    title: '就学前の移行支援の手順が市町村ごとに違う',
    description: '就学相談の時期や引継ぎの様式が市町村で異なり、転居した家庭が混乱している。',
    place: 'otherRegion',
    careItem: null,
    raisedBy: 'admin',
    raisedAgo: 520,
    steps: [
      ['prefecture_council', 470, null],
      ['proposal', 420, '県として就学移行の標準手順と様式を示すことを提言する。'],
      ['answered', 330, '県の手引きに就学移行の標準手順と様式を掲載した。'],
    ],
    closed: ['answered', 300, '手引きの配布を確認して終了'],
    evidence: 2,
    owner: 'admin',
  },
  {
    title: '圏域に医療型短期入所がない',
    description:
      '人工呼吸器を使う子の短期入所先が圏域になく、隣の圏域の病院も満床が続く。複数の家庭と訪問看護ステーションから同じ相談がある。',
    place: 'demoRegion',
    careItem: 'ventilator',
    raisedBy: 'coordinator',
    raisedAgo: 700,
    steps: [['prefecture_council', 650, null]],
    closed: ['development', 600, '医療型短期入所の開設の取組を開始'],
    evidence: 6,
    owner: 'coordinator',
  },
  {
    title: '入浴介助を受けられる事業所がない',
    description: '訪問入浴の事業所で医療的ケア児の受け入れを断られたとの相談。',
    place: 'municipality',
    careItem: null,
    raisedBy: 'municipal',
    raisedAgo: 90,
    steps: [],
    closed: ['individual', 70, '事業所の調整で受け入れが決まったため個別対応として終了'],
    evidence: 1,
    owner: 'coordinator',
  },
];

type ProjectSpec = {
  kind: ProjectKind;
  title: string;
  place: 'municipality' | 'demoRegion' | 'otherRegion';
  stage: ProjectStage;
  /** Days ago of each stage reached, in order. */
  days: number[];
  places: number | null;
  operatorName: string | null;
  fromIssue?: string;
  listing?: boolean;
  nextStep?: string;
};

export const PROJECTS: ProjectSpec[] = [
  {
    kind: 'medical_short_stay',
    title: '湘南東部の医療型短期入所（2床）',
    place: 'demoRegion',
    stage: 'opened',
    days: [600, 520, 420, 380],
    places: 2,
    operatorName: '医療法人 しおさい会 しおさいこども病院',
    fromIssue: '圏域に医療型短期入所がない',
    listing: true,
  },
  {
    kind: 'medical_short_stay',
    title: '県央の医療型短期入所（3床）',
    place: 'otherRegion',
    stage: 'opened',
    days: [900, 820, 760, 730],
    places: 3,
    operatorName: '医療法人社団 みどりの丘会',
  },
  {
    kind: 'medical_short_stay',
    title: '重症心身障害児施設の短期入所枠の拡充',
    place: 'otherRegion',
    stage: 'designated',
    days: [200, 140, 30],
    places: 2,
    operatorName: '社会福祉法人 かながわ療育会',
    nextStep: '開設日と受け入れ体制の確認',
  },
  {
    kind: 'school_nurse',
    title: '市立小学校への看護師配置',
    place: 'municipality',
    stage: 'paperwork',
    days: [120, 60],
    places: 2,
    operatorName: '教育委員会 学校教育課',
    nextStep: '来年度予算の要求内容を確認',
  },
  {
    kind: 'day_service_nurse_liaison',
    title: '通所事業所の看護師の連絡会',
    place: 'demoRegion',
    stage: 'operator_advised',
    days: [25],
    places: null,
    operatorName: '圏域の訪問看護ステーション連絡会',
    nextStep: '第1回連絡会の日程調整',
  },
];
