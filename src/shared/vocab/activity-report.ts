import type { Labels } from './label';

/**
 * The yearly activity report (事業実績, docs/municipal-support.md §6): its sections, and a short label for
 * every figure saying what it counts. Codes are stable identifiers; each has its Japanese and English label.
 */

export const REPORT_SECTIONS = [
  'consultations',
  'trainings',
  'engagements',
  'councils',
  'issues',
  'census',
  'registry',
  'directory',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_LABELS = {
  consultations: { ja: '相談支援', en: 'Consultations' },
  trainings: { ja: '研修', en: 'Trainings' },
  engagements: { ja: '市町村支援', en: 'Engagements with municipalities' },
  councils: { ja: '協議の場', en: 'Councils and meetings' },
  issues: { ja: '地域課題と資源開発', en: 'Regional issues and resource development' },
  census: { ja: '実態把握', en: 'Census' },
  registry: { ja: '登録児童', en: 'Children registered' },
  directory: { ja: '社会資源', en: 'Resource directory' },
} as const satisfies Labels<ReportSection>;

/** What each section counts, printed under its title. */
export const REPORT_SECTION_NOTES = {
  consultations: {
    ja: '年度中に受け付けた相談（閲覧できる相談チームの範囲）。',
    en: 'Consultations opened in the fiscal year (within the consultation teams you read).',
  },
  trainings: {
    ja: '初日が年度中の研修回（中止を除く）。受講者は選考された申込者、出席者は1日以上出席した人。',
    en: 'Sessions whose first day falls in the fiscal year (not cancelled). Participants: selected applicants; attendees: present on at least one day.',
  },
  engagements: {
    ja: '年度中に実施した市町村への関わり（実施済みのみ）。',
    en: 'Engagements with municipalities held in the fiscal year.',
  },
  councils: {
    ja: '年度中に開催した会議（階層別）と、現在未完了の対応事項。',
    en: 'Meetings held in the fiscal year by tier, and action items open now.',
  },
  issues: {
    ja: '年度中に提起・引き上げ・回答された地域課題と、資源開発の進み具合（段階は現在）。',
    en: 'Regional issues raised, carried up and answered in the fiscal year; development projects (stages as of now).',
  },
  census: {
    ja: '年度の公表済み実態把握の結果（医療的ケア児の人数）。',
    en: "The fiscal year's published census results (children with medical care needs).",
  },
  registry: {
    ja: '年度末までに登録され、在宅・入院中の児童（年度末時点のライフステージ別・件数のみ）。登録日は保護者の同意または登録申請の日（どちらもなければ台帳に記録した日）。',
    en: "Children registered by the fiscal year's end and living at home or in hospital, by life stage on that day (counts only). Registered on the day of the guardian's consent or registration form (else the day the record was made).",
  },
  directory: {
    ja: '掲載中のサービス、年度中に確認されたもの、年度末（当年度は本日）時点で12か月以上未確認のもの。',
    en: "Listed services, those confirmed in the fiscal year, and those not confirmed for 12 months at the year's end (today for the current year).",
  },
} as const satisfies Labels<ReportSection>;

export const REPORT_FIGURE_LABELS = {
  received: { ja: '受付件数', en: 'Consultations received' },
  closed: { ja: '終結件数', en: 'Closed' },
  open: { ja: '継続中', en: 'Still open' },
  handoffsAccepted: { ja: '引き継ぎ（受理）', en: 'Hand-offs accepted' },
  handoffMedianHours: { ja: '引き継ぎまでの時間（中央値・時間）', en: 'Time to hand-off, median (hours)' },
  municipalFirstContacts: { ja: '市町村が初回受付した件数', en: 'First contacts taken by municipalities' },
  municipalFirstShare: { ja: '市町村の初回受付割合', en: 'Municipal share of first contacts' },
  byFirstTier: { ja: '初回受付の階層', en: 'First contact by tier' },
  byResolvedTier: { ja: '終結した階層', en: 'Closed at tier' },
  byAskerKind: { ja: '相談者（経路）', en: 'Asker (route)' },
  sessions: { ja: '研修回数', en: 'Sessions held' },
  participants: { ja: '受講者数', en: 'Participants' },
  attendees: { ja: '出席者数', en: 'Attendees' },
  attendanceDays: { ja: '延べ出席日数', en: 'Attendance days' },
  completed: { ja: '修了者数（修了証）', en: 'Completions (certificates)' },
  byCourseKind: { ja: '研修の種類別の出席者', en: 'Attendees by course kind' },
  byProfessionGroup: { ja: '職種別の出席者', en: 'Attendees by profession' },
  engagementsByKind: { ja: '種類別の件数', en: 'By kind' },
  municipalities: { ja: '関わった市町村数', en: 'Municipalities reached' },
  goodExamples: { ja: '好事例', en: 'Good examples' },
  heldTotal: { ja: '開催した会議', en: 'Meetings held' },
  heldByTier: { ja: '階層別の開催数', en: 'Meetings held by tier' },
  heldByKind: { ja: '会議体の種類別', en: 'Meetings held by kind of body' },
  openActionItems: { ja: '未完了の対応事項', en: 'Open action items' },
  overdueActionItems: { ja: 'うち期限超過', en: 'Of which overdue' },
  raised: { ja: '提起された地域課題', en: 'Issues raised' },
  carriedUp: { ja: '引き上げられた課題', en: 'Issues carried up' },
  toCouncil: { ja: 'うち県の協議の場へ', en: 'Of which to the prefectural council' },
  proposed: { ja: 'うち県への提言', en: 'Of which proposed to the prefecture' },
  answered: { ja: '回答を得た課題', en: 'Issues answered' },
  toDevelopment: { ja: '資源開発に至った課題', en: 'Issues that became development projects' },
  projectsByStage: { ja: '資源開発（現在の段階別）', en: 'Development projects by stage (now)' },
  openings: { ja: '年度中の開設', en: 'Openings in the year' },
  openedPlaces: { ja: '開設した定員', en: 'Places opened' },
  censusChildren: { ja: '把握した児童数', en: 'Children found' },
  censusNotPublished: {
    ja: 'この年度の結果はまだ公表されていません',
    en: 'No result published for this year yet',
  },
  byRegion: { ja: '圏域別', en: 'By region' },
  byAgeBand: { ja: '年齢別', en: 'By age' },
  changeNew: { ja: '前年度から新たに把握', en: 'New since last year' },
  changeContinuing: { ja: '前年度から継続', en: 'Continuing from last year' },
  registryTotal: { ja: '登録児童数', en: 'Children registered' },
  byLifeStage: { ja: 'ライフステージ別', en: 'By life stage' },
  listed: { ja: '掲載中のサービス', en: 'Services listed' },
  confirmed: { ja: '年度中に確認', en: 'Confirmed in the year' },
  stale: { ja: '12か月以上未確認', en: 'Not confirmed for 12 months' },
} as const satisfies Labels<string>;
export type ReportFigure = keyof typeof REPORT_FIGURE_LABELS;

export const REPORT_UNAVAILABLE = {
  ja: 'この項目はあなたの権限では閲覧できません。',
  en: 'You do not have access to this section.',
} as const;
