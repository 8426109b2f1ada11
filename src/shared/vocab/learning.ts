import type { Labels } from './label';

/**
 * The learning vocabularies (研修・人材育成, decision 0020). Codes are stable English identifiers; each names the
 * practice it comes from where there is one (../shared/domain/practices.md).
 */

/** The kinds of training course a centre runs. */
export const COURSE_KINDS = [
  'supporter_elearning',
  'coordinator_course',
  'follow_up',
  'brush_up',
  'made_to_order',
  'outreach_guidance',
  'nurse_recruitment',
  'first_entry',
  'supervise_orientation',
  'case_study',
  'online_study_group',
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_KIND_LABELS = {
  supporter_elearning: { ja: '支援者向けeラーニング', en: 'Supporter e-learning' },
  coordinator_course: { ja: '医療的ケア児等コーディネーター養成研修', en: 'Coordinator course' },
  follow_up: { ja: 'フォローアップ研修', en: 'Follow-up training' },
  brush_up: { ja: 'ブラッシュアップ研修', en: 'Brush-up training' },
  made_to_order: { ja: 'オーダーメイド研修', en: 'Made-to-order training' },
  outreach_guidance: { ja: '出張技術指導', en: 'Outreach technical guidance' },
  nurse_recruitment: { ja: '看護職員確保研修', en: 'Nurse recruitment training' },
  first_entry: { ja: '入園・入学時研修', en: 'First school or nursery entry training' },
  supervise_orientation: { ja: 'スーパーバイズチーム研修', en: 'Supervise team orientation' },
  case_study: { ja: '事例検討会', en: 'Case study session' },
  online_study_group: { ja: 'オンライン勉強会', en: 'Online study group' },
} as const satisfies Labels<CourseKind>;

/** The practice each course kind comes from (shown as a hint; the domain's practice IDs). */
export const COURSE_KIND_PRACTICES = {
  supporter_elearning: 'NA-7',
  coordinator_course: 'MI-5',
  follow_up: 'MI-5',
  brush_up: 'NA-7',
  made_to_order: 'MI-6',
  outreach_guidance: 'ME-5',
  nurse_recruitment: 'KU-5',
  first_entry: 'KU-3',
  supervise_orientation: 'ME-2',
  case_study: 'ME-7',
  online_study_group: 'KU-6',
} as const satisfies Record<CourseKind, string>;

/** Professions a learner gives in the profile (a fixed list, each medical or welfare). */
export const PROFESSIONS = [
  'physician',
  'nurse',
  'public_health_nurse',
  'midwife',
  'assistant_nurse',
  'physical_therapist',
  'occupational_therapist',
  'speech_therapist',
  'social_worker',
  'care_worker',
  'nursery_teacher',
  'teacher',
  'support_specialist',
  'administrative_official',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const PROFESSION_LABELS = {
  physician: { ja: '医師', en: 'Physician' },
  nurse: { ja: '看護師', en: 'Nurse' },
  public_health_nurse: { ja: '保健師', en: 'Public health nurse' },
  midwife: { ja: '助産師', en: 'Midwife' },
  assistant_nurse: { ja: '准看護師', en: 'Assistant nurse' },
  physical_therapist: { ja: '理学療法士', en: 'Physical therapist' },
  occupational_therapist: { ja: '作業療法士', en: 'Occupational therapist' },
  speech_therapist: { ja: '言語聴覚士', en: 'Speech-language-hearing therapist' },
  social_worker: { ja: '社会福祉士', en: 'Certified social worker' },
  care_worker: { ja: '介護福祉士', en: 'Certified care worker' },
  nursery_teacher: { ja: '保育士', en: 'Nursery teacher' },
  teacher: { ja: '教員', en: 'Teacher' },
  support_specialist: { ja: '相談支援専門員', en: 'Consultation support specialist' },
  administrative_official: { ja: '行政職', en: 'Administrative official' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<Profession>;

/** The two groups selection balances (MI-5): medical and welfare professionals. */
export const PROFESSION_GROUPS = ['medical', 'welfare'] as const;
export type ProfessionGroup = (typeof PROFESSION_GROUPS)[number];

export const PROFESSION_GROUP_LABELS = {
  medical: { ja: '医療職', en: 'Medical' },
  welfare: { ja: '福祉職等', en: 'Welfare and other' },
} as const satisfies Labels<ProfessionGroup>;

/** Each profession's group. */
export const PROFESSION_GROUP_OF = {
  physician: 'medical',
  nurse: 'medical',
  public_health_nurse: 'medical',
  midwife: 'medical',
  assistant_nurse: 'medical',
  physical_therapist: 'medical',
  occupational_therapist: 'medical',
  speech_therapist: 'medical',
  social_worker: 'welfare',
  care_worker: 'welfare',
  nursery_teacher: 'welfare',
  teacher: 'welfare',
  support_specialist: 'welfare',
  administrative_official: 'welfare',
  other: 'welfare',
} as const satisfies Record<Profession, ProfessionGroup>;

/** The parts a course is made of: a day in a room or online, an e-learning lesson, an assignment. */
export const COURSE_PART_KINDS = ['day', 'lesson', 'assignment'] as const;
export type CoursePartKind = (typeof COURSE_PART_KINDS)[number];

export const COURSE_PART_KIND_LABELS = {
  day: { ja: '講義・演習日', en: 'Day' },
  lesson: { ja: 'eラーニング講座', en: 'E-learning lesson' },
  assignment: { ja: '課題', en: 'Assignment' },
} as const satisfies Labels<CoursePartKind>;

/** How a session is held. */
export const DELIVERY_MODES = ['in_person', 'online', 'hybrid'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_LABELS = {
  in_person: { ja: '会場', en: 'In person' },
  online: { ja: 'オンライン', en: 'Online' },
  hybrid: { ja: '会場とオンライン', en: 'In person and online' },
} as const satisfies Labels<DeliveryMode>;

/**
 * A session's state: a draft is not shown to anyone outside staff; open sessions appear in the catalogue (and
 * take applications within their window); closed ones take no more applications; completed and cancelled
 * sessions are history.
 */
export const SESSION_STATUSES = ['draft', 'open', 'closed', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_STATUS_LABELS = {
  draft: { ja: '準備中', en: 'Draft' },
  open: { ja: '募集中', en: 'Open' },
  closed: { ja: '募集終了', en: 'Closed' },
  completed: { ja: '実施済み', en: 'Completed' },
  cancelled: { ja: '中止', en: 'Cancelled' },
} as const satisfies Labels<SessionStatus>;

/** An application's state through selection (MI-5). */
export const APPLICATION_STATUSES = ['applied', 'selected', 'waiting', 'not_selected', 'cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS = {
  applied: { ja: '申込済み', en: 'Applied' },
  selected: { ja: '受講決定', en: 'Selected' },
  waiting: { ja: '補欠', en: 'Waiting list' },
  not_selected: { ja: '選外', en: 'Not selected' },
  cancelled: { ja: '取消', en: 'Cancelled' },
} as const satisfies Labels<ApplicationStatus>;
