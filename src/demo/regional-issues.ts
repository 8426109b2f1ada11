/**
 * 地域課題と社会資源の開発 (docs/municipal-support.md §4–5): issues of the demo prefecture at every level — two in
 * the demo region (one raised by the demo municipality's staff), one at the prefectural council, one proposed,
 * one answered and waiting to be ended, one ended with the answer, one handled as one person's trouble, and one
 * that ended in a medical short-stay project which opened and is linked to its directory listing — each with
 * consultations as evidence and its history; and development projects at every stage with openings over three
 * 年度. Fictional; deterministic for a date.
 */
import { and, asc, desc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  consultations,
  developmentProjects,
  engagements,
  regionalIssueConsultations,
  regionalIssueEvents,
  regionalIssues,
  regionMunicipalities,
  regions,
  resourceServices,
  users,
} from '../db/schema';
import { addDays, isoDateInJapan } from '../shared/dates';
import { nendoOf } from '../shared/nendo';
import type {
  IssueEventKind,
  IssueLevel,
  IssueOutcome,
  ProjectKind,
  ProjectStage,
} from '../shared/vocab/regional-issues';

type Who = 'admin' | 'coordinator' | 'branch' | 'municipal';

type IssueSpec = {
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

const ISSUES: IssueSpec[] = [
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

const PROJECTS: ProjectSpec[] = [
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

const STAGE_FIELDS = ['advisedOn', 'paperworkOn', 'designatedOn', 'openedOn'] as const;

export async function seedRegionalIssues(
  tx: DbOrTx,
  opts: { prefectureCode: string; regionId: string; municipalityCode: string; now: Date },
): Promise<number> {
  const pref = opts.prefectureCode;
  const today = isoDateInJapan(opts.now);
  const dayAgo = (d: number) => addDays(today, -d);
  const at = (d: number) => new Date(opts.now.getTime() - d * 86_400_000);
  const userOf = async (
    role: 'centre_admin' | 'regional_coordinator' | 'centre_staff' | 'municipal_staff',
  ) => {
    const [u] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.prefectureCode, pref), eq(users.role, role)))
      .orderBy(asc(users.email))
      .limit(1);
    return u;
  };
  const who: Record<Who, { id: string; role: string } | undefined> = {
    admin: await userOf('centre_admin'),
    coordinator: await userOf('regional_coordinator'),
    branch: await userOf('centre_staff'),
    municipal: await userOf('municipal_staff'),
  };
  if (!who.admin || !who.coordinator || !who.branch || !who.municipal) return 0;
  const [other] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.prefectureCode, pref), ne(regions.id, opts.regionId)))
    .orderBy(asc(regions.sortOrder), asc(regions.name))
    .limit(1);
  const otherRegion = other?.id ?? opts.regionId;
  const placeOf = (p: IssueSpec['place']) =>
    p === 'municipality'
      ? { regionId: opts.regionId, municipalityCode: opts.municipalityCode }
      : { regionId: p === 'demoRegion' ? opts.regionId : otherRegion, municipalityCode: null };
  const membersOf = async (regionId: string) =>
    (
      await tx
        .select({ code: regionMunicipalities.municipalityCode })
        .from(regionMunicipalities)
        .where(and(eq(regionMunicipalities.regionId, regionId), isNull(regionMunicipalities.validTo)))
    ).map((m) => m.code);

  const serials = new Map<number, number>();
  const ids = new Map<string, string>();
  for (const spec of ISSUES) {
    const place = placeOf(spec.place);
    const raisedOn = dayAgo(spec.raisedAgo);
    const nendo = nendoOf(raisedOn);
    const serial = (serials.get(nendo) ?? 0) + 1;
    serials.set(nendo, serial);
    const reached = spec.steps.at(-1);
    const level = reached ? reached[0] : 'region';
    const stepOn = (l: IssueLevel) => {
      const s = spec.steps.find((x) => x[0] === l);
      return s ? dayAgo(s[1]) : null;
    };
    const [source] = spec.fromEngagement
      ? await tx
          .select({ id: engagements.id })
          .from(engagements)
          .where(
            and(
              eq(engagements.prefectureCode, pref),
              eq(engagements.municipalityCode, opts.municipalityCode),
              eq(engagements.status, 'held'),
              inArray(engagements.kind, ['hearing', 'four_division']),
              lte(engagements.occurredOn, raisedOn),
            ),
          )
          .orderBy(desc(engagements.occurredOn), asc(engagements.id))
          .limit(1)
      : [];
    const [row] = await tx
      .insert(regionalIssues)
      .values({
        prefectureCode: pref,
        nendo,
        serial,
        title: spec.title,
        description: spec.description,
        ...place,
        careItem: spec.careItem,
        level,
        status: spec.closed ? 'closed' : 'open',
        outcome: spec.closed?.[0] ?? null,
        closedOn: spec.closed ? dayAgo(spec.closed[1]) : null,
        councilOn: stepOn('prefecture_council'),
        proposalText: spec.steps.find((s) => s[0] === 'proposal')?.[2] ?? null,
        proposedOn: stepOn('proposal'),
        answerText: spec.steps.find((s) => s[0] === 'answered')?.[2] ?? null,
        answeredOn: stepOn('answered'),
        nextStep: spec.nextStep?.[0] ?? null,
        nextStepOn: spec.nextStep ? addDays(today, spec.nextStep[1]) : null,
        ownerUserId: who[spec.owner]!.id,
        raisedBy: who[spec.raisedBy]!.id,
        raisedOn,
        ...(source ? { sourceKind: 'hearing' as const, sourceId: source.id } : {}),
        createdAt: at(spec.raisedAgo),
        updatedAt: at(spec.closed?.[1] ?? reached?.[1] ?? spec.raisedAgo),
        updatedBy: who[spec.owner]!.id,
      })
      .returning({ id: regionalIssues.id });
    const issueId = row!.id;
    ids.set(spec.title, issueId);
    const event = async (
      by: Who,
      daysAgo: number,
      kind: IssueEventKind,
      more: { from?: IssueLevel; to?: IssueLevel; note?: string | null; refId?: string } = {},
    ) => {
      await tx.insert(regionalIssueEvents).values({
        issueId,
        at: at(daysAgo),
        byUserId: who[by]!.id,
        byRole: who[by]!.role,
        kind,
        fromLevel: more.from ?? null,
        toLevel: more.to ?? null,
        note: more.note ?? null,
        refId: more.refId ?? null,
      });
    };
    await event(spec.raisedBy, spec.raisedAgo, 'raised', { to: 'region' });
    // Evidence: the newest consultations of the issue's area opened before it was raised.
    const codes = place.municipalityCode ? [place.municipalityCode] : await membersOf(place.regionId);
    const linked = codes.length
      ? await tx
          .select({ id: consultations.id })
          .from(consultations)
          .where(and(eq(consultations.prefectureCode, pref), inArray(consultations.municipalityCode, codes)))
          .orderBy(desc(consultations.openedOn), asc(consultations.caseSerial))
          .limit(spec.evidence)
      : [];
    for (const c of linked) {
      await tx.insert(regionalIssueConsultations).values({
        issueId,
        consultationId: c.id,
        linkedBy: who[spec.raisedBy]!.id,
        linkedAt: at(spec.raisedAgo),
      });
      await event(spec.raisedBy, spec.raisedAgo, 'consultation_linked', { refId: c.id });
    }
    let from: IssueLevel = 'region';
    for (const [to, ago, text] of spec.steps) {
      const by: Who = to === 'prefecture_council' && spec.place !== 'otherRegion' ? 'coordinator' : 'admin';
      if (to === 'answered') await event('admin', ago, 'answered', { from, to, note: text });
      else await event(by, ago, 'carried_up', { from, to, note: text });
      from = to;
    }
    if (spec.closed && spec.closed[0] !== 'development') {
      await event(spec.owner, spec.closed[1], 'closed', { from, note: spec.closed[2] });
    }
  }

  // Projects: the listing of the one that came from an issue is a medical short stay of the demo region.
  const demoCodes = await membersOf(opts.regionId);
  const shortStay = (codes: string[] | null) =>
    tx
      .select({ id: resourceServices.id })
      .from(resourceServices)
      .where(
        and(
          eq(resourceServices.prefectureCode, pref),
          codes ? inArray(resourceServices.municipalityCode, codes) : undefined,
          eq(resourceServices.type, 'medical_short_stay'),
        ),
      )
      .orderBy(asc(resourceServices.name))
      .limit(1);
  const [listing] = (demoCodes.length ? await shortStay(demoCodes) : []).concat(await shortStay(null));
  for (const p of PROJECTS) {
    const place = placeOf(p.place);
    const dates = Object.fromEntries(
      STAGE_FIELDS.map((f, i) => [f, p.days[i] !== undefined ? dayAgo(p.days[i]!) : null]),
    );
    const issueId = p.fromIssue ? (ids.get(p.fromIssue) ?? null) : null;
    const keeper = p.place === 'otherRegion' ? who.admin : who.coordinator;
    const [row] = await tx
      .insert(developmentProjects)
      .values({
        prefectureCode: pref,
        kind: p.kind,
        title: p.title,
        ...place,
        operatorName: p.operatorName,
        stage: p.stage,
        ...dates,
        places: p.places,
        resourceServiceId: p.listing ? (listing?.id ?? null) : null,
        issueId,
        nextStep: p.nextStep ?? null,
        nextStepOn: p.nextStep ? addDays(today, 20) : null,
        ownerUserId: keeper.id,
        createdBy: keeper.id,
        createdAt: at(p.days[0]!),
        updatedAt: at(p.days.at(-1)!),
      })
      .returning({ id: developmentProjects.id });
    if (issueId) {
      await tx.insert(regionalIssueEvents).values({
        issueId,
        at: at(p.days[0]!),
        byUserId: who.coordinator.id,
        byRole: who.coordinator.role,
        kind: 'project_started',
        fromLevel: 'prefecture_council',
        note: p.title,
        refId: row!.id,
      });
    }
  }
  return ISSUES.length;
}
