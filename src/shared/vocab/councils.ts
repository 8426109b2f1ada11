import type { Labels } from './label';

/**
 * 協議の場 (councils and meetings): the kinds of body the centres run or attend, from the prefecture's council
 * down to a branch's meeting. The tier a body's meetings are counted under comes from its owner (the
 * prefecture, a branch or a region), not from its kind: a regional council is usually owned by its region, but a
 * prefecture may run one for a region itself.
 */
export const COUNCIL_BODY_KINDS = [
  'prefectural_council',
  'intra_government_liaison',
  'regional_council',
  'branch_meeting',
  'hq_branch_meeting',
  'coordinator_liaison',
  'chief_coordinator_meeting',
  'centre_prefecture_liaison',
  'core_working_group',
  'prefecture_city_meeting',
] as const;
export type CouncilBodyKind = (typeof COUNCIL_BODY_KINDS)[number];

export const COUNCIL_BODY_KIND_LABELS = {
  prefectural_council: { ja: '県の検討会議（協議会）', en: 'Prefectural council' },
  intra_government_liaison: { ja: '庁内連絡会議', en: 'Intra-government liaison meeting' },
  regional_council: { ja: '圏域の協議会', en: 'Regional council' },
  branch_meeting: { ja: '支部会議', en: 'Branch meeting' },
  hq_branch_meeting: { ja: '本部・支部会議', en: 'HQ–branch meeting' },
  coordinator_liaison: { ja: 'コーディネーター連絡会', en: 'Coordinator liaison meeting' },
  chief_coordinator_meeting: { ja: '統括コーディネーター会議', en: 'Chief-coordinator meeting' },
  centre_prefecture_liaison: { ja: 'センター・県連絡会議', en: 'Centre–prefecture liaison meeting' },
  core_working_group: { ja: 'コアワーキンググループ', en: 'Core working group' },
  prefecture_city_meeting: { ja: '県・政令市連絡会議', en: 'Prefecture–designated-city meeting' },
} as const satisfies Labels<CouncilBodyKind>;

/** The tier a body sits at: its owner. */
export const COUNCIL_TIERS = ['prefecture', 'branch', 'region'] as const;
export type CouncilTier = (typeof COUNCIL_TIERS)[number];

export const COUNCIL_TIER_LABELS = {
  prefecture: { ja: '県全体', en: 'Prefecture' },
  branch: { ja: '支部', en: 'Branch' },
  region: { ja: '圏域', en: 'Region' },
} as const satisfies Labels<CouncilTier>;

/** A member's category (委員の区分), as charters list them. */
export const COUNCIL_MEMBER_CATEGORIES = [
  'person_concerned',
  'family',
  'parents_group',
  'academic',
  'medical',
  'welfare',
  'education',
  'government',
] as const;
export type CouncilMemberCategory = (typeof COUNCIL_MEMBER_CATEGORIES)[number];

export const COUNCIL_MEMBER_CATEGORY_LABELS = {
  person_concerned: { ja: '当事者', en: 'Person concerned' },
  family: { ja: '家族', en: 'Family' },
  parents_group: { ja: '親の会', en: 'Parents’ group' },
  academic: { ja: '学識経験者', en: 'Academic' },
  medical: { ja: '医療', en: 'Medical' },
  welfare: { ja: '福祉', en: 'Welfare' },
  education: { ja: '教育', en: 'Education' },
  government: { ja: '行政', en: 'Government' },
} as const satisfies Labels<CouncilMemberCategory>;

/** A member's role in the body. */
export const COUNCIL_MEMBER_ROLES = ['chair', 'vice_chair', 'member', 'secretariat'] as const;
export type CouncilMemberRole = (typeof COUNCIL_MEMBER_ROLES)[number];

export const COUNCIL_MEMBER_ROLE_LABELS = {
  chair: { ja: '会長・座長', en: 'Chair' },
  vice_chair: { ja: '副会長', en: 'Vice-chair' },
  member: { ja: '委員', en: 'Member' },
  secretariat: { ja: '事務局', en: 'Secretariat' },
} as const satisfies Labels<CouncilMemberRole>;

/** Where a meeting stands. */
export const COUNCIL_MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type CouncilMeetingStatus = (typeof COUNCIL_MEETING_STATUSES)[number];

export const COUNCIL_MEETING_STATUS_LABELS = {
  planned: { ja: '予定', en: 'Planned' },
  held: { ja: '開催済み', en: 'Held' },
  cancelled: { ja: '中止', en: 'Cancelled' },
} as const satisfies Labels<CouncilMeetingStatus>;

/** How a member took part in a meeting. */
export const COUNCIL_ATTENDANCE_STATUSES = ['present', 'online', 'proxy', 'absent'] as const;
export type CouncilAttendanceStatus = (typeof COUNCIL_ATTENDANCE_STATUSES)[number];

export const COUNCIL_ATTENDANCE_STATUS_LABELS = {
  present: { ja: '出席', en: 'Present' },
  online: { ja: 'オンライン出席', en: 'Online' },
  proxy: { ja: '代理出席', en: 'Proxy' },
  absent: { ja: '欠席', en: 'Absent' },
} as const satisfies Labels<CouncilAttendanceStatus>;

/** Where an action item (宿題・検討事項) stands. */
export const COUNCIL_ACTION_STATUSES = ['open', 'done'] as const;
export type CouncilActionStatus = (typeof COUNCIL_ACTION_STATUSES)[number];

export const COUNCIL_ACTION_STATUS_LABELS = {
  open: { ja: '未完了', en: 'Open' },
  done: { ja: '完了', en: 'Done' },
} as const satisfies Labels<CouncilActionStatus>;

/**
 * A body's recurring schedule: none, every N months on a day of the month, or every N months on the n-th
 * (or last) weekday of the month.
 */
export const COUNCIL_SCHEDULE_KINDS = ['none', 'monthly_day', 'monthly_weekday'] as const;
export type CouncilScheduleKind = (typeof COUNCIL_SCHEDULE_KINDS)[number];

export const COUNCIL_SCHEDULE_KIND_LABELS = {
  none: { ja: '定めない', en: 'No fixed schedule' },
  monthly_day: { ja: '毎月（日にち指定）', en: 'Monthly on a day of the month' },
  monthly_weekday: { ja: '毎月（第n曜日）', en: 'Monthly on a weekday' },
} as const satisfies Labels<CouncilScheduleKind>;
