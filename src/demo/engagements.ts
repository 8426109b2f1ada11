/**
 * 市町村支援 (docs/municipal-support.md §2): a year of engagements with the demo prefecture's municipalities — a
 * hearing visit to each one with notes on the fixed items, four-division meetings with the municipalities on a
 * cycle (some held on time, some planned, a few overdue so the overdue list has work; two with a cycle and owner
 * of their own), and the support log with its analysis codes, a few entries recorded by the demo municipality's
 * own staff and some marked good examples. Fictional; deterministic for a seed and a date.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  engagementCadences,
  engagements,
  municipalities,
  regionMunicipalities,
  regions,
  users,
} from '../db/schema';
import { addMonths } from '../modules/engagements/cadence';
import { addDays, isoDateInJapan } from '../shared/dates';
import {
  APPROACHES,
  type Approach,
  type Assessment,
  type GoodExampleUse,
  type HearingItem,
  type LifeElement,
  type MunicipalAction,
  type MunicipalRequest,
  SUPPORT_OUTCOMES,
  type SupportOutcome,
} from '../shared/vocab/engagements';
import { DIVISIONS, type Division } from '../shared/vocab/network';
import { createRng, deriveSeed } from './random';

const HEARING_NOTES: Record<HearingItem, readonly string[]> = {
  child_finding: [
    '乳幼児健診と障害者手帳の交付時に保健師が把握している。',
    'NICU退院時の病院からの連絡で把握。就学後の把握は教育委員会任せになっている。',
    '実態把握の名簿を年1回更新。保育所・学校からの情報は入っていない。',
  ],
  coordinator_links: [
    '市のコーディネーターは未配置。圏域コーディネーターに個別に相談している。',
    '基幹相談支援センターに配置済み。月1回センターと情報交換をしている。',
    '配置を検討中。予算の目途が立っていない。',
  ],
  welfare_plan: [
    '障害児福祉計画に医療的ケア児の協議の場を位置づけ済み。',
    '次期計画で位置づける予定。数値目標はまだない。',
    '計画には記載があるが、具体的な取組は決まっていない。',
  ],
  disaster_response: [
    '人工呼吸器使用児の個別避難計画を作成中（3人中1人完了）。',
    '避難行動要支援者名簿には載っているが、電源確保の確認ができていない。',
    '福祉避難所との協定はあるが、医療的ケア児の受け入れは未確認。',
  ],
  issues: [
    '医療的ケア児を受け入れる保育所がない。短期入所は市外まで行く必要がある。',
    '就学先の学校に看護師が配置できるか分からない。',
    '庁内で担当課が決まっておらず、相談がたらい回しになる。',
  ],
};

type SupportCase = {
  subject: string;
  codes: [LifeElement, MunicipalRequest, Assessment, Approach, MunicipalAction, SupportOutcome];
  notes: Partial<Record<'request' | 'approach' | 'municipalAction' | 'outcome', string>>;
};

const SUPPORT_CASES: readonly SupportCase[] = [
  {
    subject: '保育所入園に向けた看護師配置の相談',
    codes: ['childcare', 'case_advice', 'no_resource', 'information', 'service_arranged', 'resolved'],
    notes: { request: '4月入園予定の児の吸引に対応できる保育所がない', outcome: '訪問看護の派遣で受け入れ' },
  },
  {
    subject: '就学相談での看護師配置の調整',
    codes: ['education', 'system_building', 'weak_coordination', 'coordination', 'system_built', 'improved'],
    notes: { approach: '教育委員会と障害福祉課の同席の場を設けた' },
  },
  {
    subject: '協議の場の立ち上げ方',
    codes: ['welfare_services', 'council', 'no_system', 'meeting_support', 'council_held', 'resolved'],
    notes: { municipalAction: '第1回の協議の場を開催。教育委員会も出席' },
  },
  {
    subject: 'コーディネーター配置の予算化',
    codes: ['welfare_services', 'coordinator', 'staffing', 'advice', 'considering', 'ongoing'],
    notes: { request: '他市町村の配置の例を知りたい' },
  },
  {
    subject: '人工呼吸器使用児の個別避難計画',
    codes: ['disaster', 'disaster_plan', 'lack_of_knowledge', 'training', 'system_built', 'improved'],
    notes: { approach: '防災担当課・訪問看護と計画作成の研修を実施' },
  },
  {
    subject: '短期入所先がない家族への対応',
    codes: ['family', 'resource_info', 'no_resource', 'referral', 'case_handled', 'raised_as_issue'],
    notes: { outcome: '圏域の地域課題として提起' },
  },
  {
    subject: '実態把握の方法',
    codes: ['medical', 'census', 'no_system', 'advice', 'considering', 'ongoing'],
    notes: { request: '母子保健と障害福祉で名簿が別になっている' },
  },
  {
    subject: '通学の移動支援',
    codes: ['transport', 'case_advice', 'individual_need', 'accompany', 'nothing_yet', 'unresolved'],
    notes: { request: '医療的ケアのある児の通学に付き添いが必要' },
  },
  {
    subject: '在宅での訪問サービスの組み合わせ',
    codes: ['home_care', 'case_advice', 'weak_coordination', 'coordination', 'service_arranged', 'resolved'],
    notes: {},
  },
  {
    subject: '計画への医療的ケア児支援の位置づけ',
    codes: ['welfare_services', 'plan', 'no_system', 'information', 'budgeted', 'improved'],
    notes: { municipalAction: '次期障害児福祉計画に協議の場とコーディネーター配置を記載' },
  },
];

export async function seedEngagements(
  tx: DbOrTx,
  opts: { prefectureCode: string; seed: number; now: Date; municipalityCode: string },
): Promise<number> {
  const pref = opts.prefectureCode;
  const rng = createRng(deriveSeed(opts.seed, 'engagements'));
  const today = isoDateInJapan(opts.now);
  const people = await tx
    .select({ id: users.id, role: users.role, centreId: users.scopeCentreId, regionId: users.scopeRegionId })
    .from(users)
    .where(eq(users.prefectureCode, pref))
    .orderBy(asc(users.email));
  const admin = people.find((u) => u.role === 'centre_admin');
  const staff = people.find((u) => u.role === 'centre_staff' && !u.centreId);
  const branchStaff = people.find((u) => u.role === 'centre_staff' && u.centreId);
  const coordinator = people.find((u) => u.role === 'regional_coordinator');
  const municipal = people.find((u) => u.role === 'municipal_staff');
  if (!admin || !staff) return 0;
  const munis = await tx
    .select({ code: municipalities.code, name: municipalities.name, regionId: regions.id })
    .from(municipalities)
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, municipalities.code),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(eq(municipalities.prefectureCode, pref))
    .orderBy(asc(municipalities.code));
  const recorders = [admin.id, staff.id, branchStaff?.id ?? staff.id, coordinator?.id ?? staff.id];
  const rows: (typeof engagements.$inferInsert)[] = [];
  const add = (
    r: Omit<typeof engagements.$inferInsert, 'prefectureCode' | 'updatedBy' | 'recordedBy'> & {
      by?: string;
    },
  ) => {
    const by = r.by ?? rng.pick(recorders);
    const at = new Date(`${r.occurredOn}T09:00:00+09:00`);
    const { by: _by, ...rest } = r;
    rows.push({ ...rest, prefectureCode: pref, recordedBy: by, updatedBy: by, createdAt: at, updatedAt: at });
  };
  const yearAgo = addDays(today, -365);

  // ヒアリング訪問: every municipality once in the year, most items noted.
  for (const m of munis) {
    const on = rng.dateBetween(yearAgo, addDays(today, -30));
    const hearing: Partial<Record<HearingItem, string>> = {};
    for (const item of Object.keys(HEARING_NOTES) as HearingItem[]) {
      if (item === 'issues' || rng.chance(0.85)) hearing[item] = rng.pick(HEARING_NOTES[item]);
    }
    add({
      municipalityCode: m.code,
      kind: 'hearing',
      occurredOn: on,
      subject: `${m.name} ヒアリング訪問`,
      place: `${m.name}役所`,
      divisions: rng.shuffle(DIVISIONS).slice(0, rng.int(1, 3)) as Division[],
      attendees: rng.chance(0.5) ? '基幹相談支援センター' : null,
      hearing,
    });
  }

  // 4課協議: about a third of the municipalities (the demo municipality among them) are on a cycle.
  const onCycle = munis.filter((m, i) => m.code === opts.municipalityCode || i % 3 === 0);
  const overdueCodes = new Set(onCycle.filter((_, i) => i % 4 === 1).map((m) => m.code));
  for (const m of onCycle) {
    const overdue = overdueCodes.has(m.code);
    // The last meeting: 5–8 months ago for the overdue ones, 1–3 months ago for the others.
    let last = overdue ? addDays(today, -rng.int(150, 240)) : addDays(today, -rng.int(25, 95));
    const held = [last];
    for (let k = 0; k < 3; k++) {
      last = addDays(addMonths(last, -3), -rng.int(0, 25));
      if (last >= yearAgo) held.push(last);
    }
    for (const [i, on] of held.reverse().entries()) {
      const divisions = rng.shuffle(DIVISIONS).slice(0, rng.int(2, 4)) as Division[];
      add({
        municipalityCode: m.code,
        kind: 'four_division',
        occurredOn: on,
        subject: `第${i + 1}回 4課協議（${m.name}）`,
        place: `${m.name}役所 会議室`,
        divisions,
        notes: '各課の把握している児の状況を共有し、就学・入園予定の児の支援を確認した。',
      });
    }
    if (!overdue && rng.chance(0.6)) {
      add({
        municipalityCode: m.code,
        kind: 'four_division',
        status: 'planned',
        occurredOn: addDays(today, rng.int(14, 60)),
        subject: `第${held.length + 1}回 4課協議（${m.name}）`,
        divisions: [],
      });
    }
  }

  // 市町村支援の記録: about 90 entries over the year; the demo municipality's staff record a few of their own.
  const goodUses: GoodExampleUse[][] = [['liaison_meeting'], ['training'], ['liaison_meeting', 'training']];
  for (let k = 0; k < 90; k++) {
    const m = k % 7 === 0 ? munis.find((x) => x.code === opts.municipalityCode)! : rng.pick(munis);
    const c = rng.pick(SUPPORT_CASES);
    const [lifeElement, request, assessment, usualApproach, municipalAction, usualOutcome] = c.codes;
    // Most entries follow the case's usual course; some took another approach or ended otherwise.
    const approach: Approach = rng.chance(0.7) ? usualApproach : rng.pick(APPROACHES);
    const outcome: SupportOutcome = rng.chance(0.65) ? usualOutcome : rng.pick(SUPPORT_OUTCOMES);
    const recent = rng.chance(0.25);
    const good = (outcome === 'resolved' || outcome === 'improved') && rng.chance(0.15);
    add({
      municipalityCode: m.code,
      kind: 'support',
      occurredOn: rng.dateBetween(yearAgo, today),
      subject: c.subject,
      lifeElement,
      request,
      assessment,
      approach,
      // Recent entries have not reached their outcome yet.
      municipalAction: recent ? null : municipalAction,
      outcome: recent ? null : outcome,
      analysisNotes: c.notes,
      goodExample: good,
      goodExampleUses: good ? rng.pick(goodUses) : [],
      goodExampleNote: good ? `${m.name}の取組として紹介` : null,
      by: m.code === opts.municipalityCode && municipal && k % 2 === 0 ? municipal.id : undefined,
    });
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(engagements).values(rows.slice(i, i + 200));

  // Two municipalities with a cycle and an owner of their own; one asked for a shorter cycle.
  const own = onCycle.filter((m) => m.code === opts.municipalityCode || overdueCodes.has(m.code)).slice(0, 2);
  const ids = new Set(own.map((m) => m.code));
  if (ids.size) {
    await tx.insert(engagementCadences).values(
      own.map((m, i) => ({
        municipalityCode: m.code,
        prefectureCode: pref,
        minMonths: i === 0 ? 3 : 2,
        maxMonths: i === 0 ? 4 : 3,
        ownerUserId: (i === 0 ? branchStaff?.id : coordinator?.id) ?? staff.id,
        note: i === 0 ? null : '就学前の児が多く、2〜3か月ごとに開催',
        updatedBy: admin.id,
        updatedAt: opts.now,
      })),
    );
  }
  return rows.length;
}
