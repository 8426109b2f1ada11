/**
 * Fictional consultations (相談) for the demo prefecture: a few hundred over the last three 年度, owned by
 * municipality, region, branch and centre teams, some about registered children, some handed off, backed
 * up or closed, with timelines that include referrals and their follow-ups. Deterministic for a seed.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  centres,
  children,
  consultationActions,
  consultationHandoffs,
  consultations,
  municipalities,
  regionMunicipalities,
  regions,
  users,
} from '../db/schema';
import { searchTextOf } from '../modules/consultations/policy';
import { subjectFrom } from '../modules/consultations/subject';
import { ensureTeam, type TeamRow } from '../modules/consultations/teams';
import { isoDateInJapan } from '../shared/dates';
import {
  ASKER_KINDS,
  CHANNELS,
  MUNICIPAL_DIVISIONS,
  OUTCOMES,
  TOPICS,
  type Topic,
} from '../shared/vocab/consultations';
import { createRng, deriveSeed } from './random';

/** Narratives by topic: what families and supporters actually ask (fictional, no one real). */
const NARRATIVES: Record<Topic, string[]> = {
  medical_care: [
    '退院後の在宅生活に向けて、訪問診療と訪問看護の調整をしたい。',
    '吸引の回数が増えて家族が眠れていない。夜間の支援を探している。',
  ],
  welfare_services: [
    '相談支援専門員が見つからず、サービス等利用計画が作れない。',
    '居宅介護で医療的ケアに対応できる事業所を知りたい。',
  ],
  education: [
    '気管切開のある子の就学先について、教育委員会との話し合いの進め方を知りたい。',
    '特別支援学校の訪問教育から通学に切り替えたい。看護師の配置はどうなるか。',
  ],
  childcare: [
    '人工呼吸器を使う子の保育所入所を希望している。看護師のいる園を探したい。',
    '経管栄養の子を受け入れた保育所の例を知りたい。',
  ],
  short_stay: ['医療型短期入所の空きがなく、家族が疲れている。利用できる施設を探したい。'],
  disaster: ['停電に備えて人工呼吸器の外部バッテリーと避難先を確認したい。個別避難計画の作り方も知りたい。'],
  transport: ['経管栄養の子の通学の送迎手段がない。福祉タクシー以外の方法を知りたい。'],
  money: ['医療費助成と障害児福祉手当の申請方法を知りたい。'],
  work_after_school: ['放課後等デイサービスで看護師が確保できず、保護者が仕事を続けられない。'],
  other: ['きょうだい児の学校行事の間、見守りを頼める人を探している。'],
};

const RESOURCES = [
  '訪問看護ステーションひまわり',
  '県立こども医療センター 地域連携室',
  'デイサービスたんぽぽ',
  '市障害福祉課 相談窓口',
];

/**
 * Generates `count` consultations for the prefecture. Teams are created the way the app creates them
 * (`ensureTeam`); demo users carry the cases of their own team.
 */
export async function generateConsultations(
  tx: DbOrTx,
  opts: { seed: number; prefectureCode: string; count: number; now: Date },
): Promise<number> {
  const rng = createRng(deriveSeed(opts.seed, `consultations:${opts.prefectureCode}`));
  const pref = opts.prefectureCode;
  const munis = await tx
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.prefectureCode, pref))
    .orderBy(municipalities.code);
  const regionRows = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.prefectureCode, pref));
  const branchRows = await tx
    .select({ id: centres.id })
    .from(centres)
    .where(and(eq(centres.prefectureCode, pref), eq(centres.kind, 'branch')));
  const staff = await tx
    .select({
      id: users.id,
      role: users.role,
      m: users.scopeMunicipalityCode,
      r: users.scopeRegionId,
      c: users.scopeCentreId,
    })
    .from(users)
    .where(and(eq(users.prefectureCode, pref), isNull(users.disabledAt)));
  const kids = await tx
    .select({ id: children.id, m: children.municipalityCode })
    .from(children)
    .where(eq(children.prefectureCode, pref));
  if (!munis.length) return 0;
  const centreTeam = await ensureTeam(tx, pref, { tier: 'centre' });
  // One after another: a transaction has one connection.
  const regionTeams: TeamRow[] = [];
  for (const r of regionRows)
    regionTeams.push(await ensureTeam(tx, pref, { tier: 'region', regionId: r.id }));
  const branchTeams: TeamRow[] = [];
  for (const b of branchRows)
    branchTeams.push(await ensureTeam(tx, pref, { tier: 'region', centreId: b.id }));
  const muniTeams = new Map<string, TeamRow>();
  const muniTeam = async (code: string) => {
    let t = muniTeams.get(code);
    if (!t) {
      t = await ensureTeam(tx, pref, { tier: 'municipality', municipalityCode: code });
      muniTeams.set(code, t);
    }
    return t;
  };
  const carrier = (team: TeamRow): string | null => {
    const u = staff.find((s) =>
      team.tier === 'municipality'
        ? s.role === 'municipal_staff' && s.m === team.municipalityCode
        : team.tier === 'centre'
          ? (s.role === 'centre_staff' && !s.c) || s.role === 'centre_admin'
          : team.regionId
            ? s.role === 'regional_coordinator' && s.r === team.regionId
            : s.role === 'centre_staff' && s.c === team.centreId,
    );
    return u?.id ?? null;
  };
  // Busy municipalities get more cases (the demo's own municipality first, so its account has a queue).
  const demoCodes = staff.filter((s) => s.m).map((s) => s.m!);
  // The last cases are recent open ones of each region team someone carries, from one of its municipalities,
  // so a regional coordinator has a queue on arrival (the cases before them come out as they always have).
  const staffedRegions = regionTeams.filter((t) => t.regionId && carrier(t));
  const regionMunis = new Map<string, string[]>();
  for (const t of staffedRegions) {
    const rows = await tx
      .select({ code: regionMunicipalities.municipalityCode })
      .from(regionMunicipalities)
      .where(and(eq(regionMunicipalities.regionId, t.regionId!), isNull(regionMunicipalities.validTo)))
      .orderBy(regionMunicipalities.municipalityCode);
    if (rows.length)
      regionMunis.set(
        t.id,
        rows.map((r) => r.code),
      );
  }
  const regionQueue = staffedRegions.filter((t) => regionMunis.has(t.id));
  const REGION_CASES = 4;
  const regionStart = opts.count - Math.min(opts.count, REGION_CASES * regionQueue.length);
  const todayMs = opts.now.getTime();
  let made = 0;
  for (let i = 0; i < opts.count; i++) {
    const forRegion =
      i >= regionStart ? regionQueue[Math.floor((i - regionStart) / REGION_CASES)] : undefined;
    const code = forRegion
      ? rng.pick(regionMunis.get(forRegion.id)!)
      : rng.chance(0.3) && demoCodes.length
        ? rng.pick(demoCodes)
        : rng.pick(munis).code;
    const openedAt = forRegion
      ? new Date(todayMs - rng.int(1, 25) * 86_400_000 - rng.int(0, 8) * 3_600_000)
      : new Date(todayMs - rng.int(0, 3 * 365) * 86_400_000 - rng.int(0, 8) * 3_600_000);
    const ageDays = Math.round((todayMs - openedAt.getTime()) / 86_400_000);
    // First contact moves down over the years (KU-7): older cases reached the centre first more often.
    const firstAtMunicipality = rng.chance(0.75 - Math.min(0.35, ageDays / 3000));
    const first = forRegion
      ? forRegion
      : firstAtMunicipality
        ? await muniTeam(code)
        : rng.chance(0.3) && (regionTeams.length || branchTeams.length)
          ? rng.pick([...regionTeams, ...branchTeams])
          : centreTeam;
    const topics = rng.chance(0.7) ? [rng.pick(TOPICS)] : [...new Set([rng.pick(TOPICS), rng.pick(TOPICS)])];
    const narrative = rng.pick(NARRATIVES[topics[0]!]);
    const kidsHere = kids.filter((k) => k.m === code);
    const child = kidsHere.length && rng.chance(0.4) ? rng.pick(kidsHere) : null;
    const closed = forRegion ? false : ageDays > 60 ? rng.chance(0.9) : rng.chance(0.2);
    // Some cases move: handed up to the centre, or down to the municipality (MI-1's 順次移管).
    const handedTo =
      !forRegion && rng.chance(0.2)
        ? first.tier === 'municipality'
          ? centreTeam
          : await muniTeam(code)
        : null;
    const owner = handedTo ?? first;
    const closedAt = closed
      ? new Date(Math.min(todayMs, openedAt.getTime() + rng.int(1, 90) * 86_400_000))
      : null;
    const nextActionOn = closed ? null : isoDateInJapan(new Date(todayMs + rng.int(-20, 30) * 86_400_000));
    const askerKind = rng.weighted(ASKER_KINDS.map((k) => [k, k === 'family' ? 5 : 1] as const));
    const [row] = await tx
      .insert(consultations)
      .values({
        prefectureCode: pref,
        ownerTeamId: owner.id,
        ownerTier: owner.tier,
        firstTeamId: first.id,
        firstTier: first.tier,
        municipalityCode: code,
        askerKind,
        // A municipal asker names its division (母子保健・障害福祉・保育・教育…), as intake requires.
        askerDivision: askerKind === 'municipality' ? rng.pick(MUNICIPAL_DIVISIONS) : null,
        channel: rng.pick(CHANNELS),
        childKind: child ? 'registered' : rng.chance(0.5) ? 'unregistered' : 'anonymous',
        childId: child?.id ?? null,
        childDescription: child ? null : '（架空）年齢・ケアの概要のみ記録',
        topics,
        urgency: rng.weighted([
          ['urgent', 1],
          ['soon', 3],
          ['normal', 6],
        ] as const),
        subject: subjectFrom(narrative, topics),
        narrative,
        searchText: searchTextOf(narrative),
        openedAt,
        openedOn: isoDateInJapan(openedAt),
        nextActionOn,
        dueOn: nextActionOn,
        assignedUserId: carrier(owner),
        closedAt,
        closedOn: closedAt ? isoDateInJapan(closedAt) : null,
        outcome: closedAt ? rng.pick(OUTCOMES) : null,
        resolvedTeamId: closedAt ? owner.id : null,
        resolvedTier: closedAt ? owner.tier : null,
        resolvedByUserId: closedAt ? carrier(owner) : null,
        createdAt: openedAt,
        updatedAt: closedAt ?? openedAt,
      })
      .returning({ id: consultations.id });
    const id = row!.id;
    if (handedTo) {
      await tx.insert(consultationHandoffs).values({
        consultationId: id,
        prefectureCode: pref,
        kind: 'handoff',
        fromTeamId: first.id,
        toTeamId: handedTo.id,
        status: 'accepted',
        reason: '（架空）担当の階層を移す',
        requestedAt: new Date(openedAt.getTime() + 3_600_000),
        decidedAt: new Date(openedAt.getTime() + rng.int(2, 72) * 3_600_000),
      });
    }
    await tx.insert(consultationActions).values({
      consultationId: id,
      kind: rng.pick(['call', 'visit', 'meeting'] as const),
      at: new Date(openedAt.getTime() + 86_400_000),
      minutes: rng.int(10, 90),
      note: '（架空）状況を聞き取り',
      teamId: owner.id,
    });
    if (rng.chance(0.3)) {
      const followUp = new Date(openedAt.getTime() + rng.int(7, 30) * 86_400_000);
      await tx.insert(consultationActions).values({
        consultationId: id,
        kind: 'referral',
        at: new Date(openedAt.getTime() + 2 * 86_400_000),
        minutes: rng.int(10, 30),
        resourceText: rng.pick(RESOURCES),
        followUpOn: isoDateInJapan(followUp),
        followUpDoneAt: closedAt || rng.chance(0.5) ? followUp : null,
        teamId: owner.id,
      });
    }
    made++;
  }
  // Due dates include open referral follow-ups, as the app keeps them.
  await tx.execute(
    sql`update consultations c set due_on = least(c.next_action_on,
      (select min(a.follow_up_on) from consultation_actions a where a.consultation_id = c.id and a.follow_up_done_at is null))
      where c.prefecture_code = ${pref} and c.closed_at is null`,
  );
  return made;
}
