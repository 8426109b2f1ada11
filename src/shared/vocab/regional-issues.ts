import type { Labels } from './label';

/**
 * The vocabularies of regional issues (地域課題, NA-1, KA-4) and resource-development projects (社会資源の開発,
 * KA-3; docs/municipal-support.md §4–5, decision 0023): where an issue stands on its way from the region to the
 * prefecture's answer, where it came from, how it ended, what its history records; a project's kind and stage.
 */

/** The level an issue has reached: raised in the region, taken to the prefectural council, proposed, answered. */
export const ISSUE_LEVELS = ['region', 'prefecture_council', 'proposal', 'answered'] as const;
export type IssueLevel = (typeof ISSUE_LEVELS)[number];

export const ISSUE_LEVEL_LABELS = {
  region: { ja: '圏域で検討', en: 'In the region' },
  prefecture_council: { ja: '県の協議の場', en: 'Prefectural council' },
  proposal: { ja: '県へ提言', en: 'Proposed to the prefecture' },
  answered: { ja: '県が回答', en: 'Answered by the prefecture' },
} as const satisfies Labels<IssueLevel>;

/** Open or ended. */
export const ISSUE_STATUSES = ['open', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_STATUS_LABELS = {
  open: { ja: '検討中', en: 'Open' },
  closed: { ja: '終了', en: 'Ended' },
} as const satisfies Labels<IssueStatus>;

/** Where an issue was raised from (an id of another module's record, or none). */
export const ISSUE_SOURCE_KINDS = ['consultation', 'hearing', 'meeting', 'bottleneck'] as const;
export type IssueSourceKind = (typeof ISSUE_SOURCE_KINDS)[number];

export const ISSUE_SOURCE_KIND_LABELS = {
  consultation: { ja: '相談から', en: 'From a consultation' },
  hearing: {
    ja: '市町村への訪問・協議・支援の記録から',
    en: 'From a municipal visit, meeting or support record',
  },
  meeting: { ja: '会議（協議の場）から', en: 'From a meeting' },
  bottleneck: { ja: '社会資源の課題から', en: 'From a resource bottleneck' },
} as const satisfies Labels<IssueSourceKind>;

/** How an issue ended. */
export const ISSUE_OUTCOMES = ['resolved', 'individual', 'development', 'answered', 'withdrawn'] as const;
export type IssueOutcome = (typeof ISSUE_OUTCOMES)[number];

export const ISSUE_OUTCOME_LABELS = {
  resolved: { ja: '地域で解決', en: 'Resolved in the region' },
  individual: { ja: '個別の困りごととして対応', en: 'Handled as one person’s trouble' },
  development: { ja: '社会資源の開発へ', en: 'Became a development project' },
  answered: { ja: '県の回答で終了', en: 'Ended with the prefecture’s answer' },
  withdrawn: { ja: '取り下げ', en: 'Withdrawn' },
} as const satisfies Labels<IssueOutcome>;

/** What an entry of an issue's history records. */
export const ISSUE_EVENT_KINDS = [
  'raised',
  'edited',
  'carried_up',
  'sent_back',
  'answered',
  'closed',
  'reopened',
  'consultation_linked',
  'consultation_unlinked',
  'project_started',
] as const;
export type IssueEventKind = (typeof ISSUE_EVENT_KINDS)[number];

export const ISSUE_EVENT_KIND_LABELS = {
  raised: { ja: '提起', en: 'Raised' },
  edited: { ja: '内容の変更', en: 'Details changed' },
  carried_up: { ja: '上の段階へ', en: 'Carried up' },
  sent_back: { ja: '前の段階へ差し戻し', en: 'Sent back' },
  answered: { ja: '県の回答を記録', en: 'Answer recorded' },
  closed: { ja: '終了', en: 'Ended' },
  reopened: { ja: '再開', en: 'Reopened' },
  consultation_linked: { ja: '相談を根拠に追加', en: 'Consultation linked' },
  consultation_unlinked: { ja: '根拠の相談を外す', en: 'Consultation unlinked' },
  project_started: { ja: '開発の取組を開始', en: 'Development project started' },
} as const satisfies Labels<IssueEventKind>;

/** Kinds of resource-development projects (KA-3, KA-4). */
export const PROJECT_KINDS = [
  'medical_short_stay',
  'school_nurse',
  'nursery_nurse',
  'day_service_nurse_liaison',
  'day_service',
  'home_visit_nursing',
  'other',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_KIND_LABELS = {
  medical_short_stay: { ja: '医療型短期入所の開設', en: 'Medical short-stay places' },
  school_nurse: { ja: '学校への看護師配置', en: 'Nurses placed in schools' },
  nursery_nurse: { ja: '保育所への看護師配置', en: 'Nurses placed in nurseries' },
  day_service_nurse_liaison: {
    ja: '通所事業所の看護師の連絡会',
    en: 'Liaison group for day-service nurses',
  },
  day_service: { ja: '通所支援（児童発達支援・放課後等デイ）の開設', en: 'Day services opened' },
  home_visit_nursing: { ja: '小児の訪問看護の拡充', en: 'Paediatric home-visit nursing' },
  other: { ja: 'その他の開発', en: 'Other development' },
} as const satisfies Labels<ProjectKind>;

/** The stages of a project, in order; each has its date. */
export const PROJECT_STAGES = ['operator_advised', 'paperwork', 'designated', 'opened'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS = {
  operator_advised: { ja: '事業者へ助言', en: 'Operator advised' },
  paperwork: { ja: '指定の手続き中', en: 'Paperwork' },
  designated: { ja: '指定済み', en: 'Designated' },
  opened: { ja: '開設', en: 'Opened' },
} as const satisfies Labels<ProjectStage>;

/** Whether a project goes on. */
export const PROJECT_STATUSES = ['active', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS = {
  active: { ja: '進行中', en: 'Active' },
  stopped: { ja: '中止', en: 'Stopped' },
} as const satisfies Labels<ProjectStatus>;
