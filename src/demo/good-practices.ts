/**
 * The demo's good-practice library (docs/knowledge.md §4): fictional, anonymised stories of how municipalities,
 * nurseries, schools and hospitals of the demo prefecture solved a problem — most published, one checked and
 * waiting to be published, two drafts waiting for a second person's personal-data check (one with a phrase the
 * check flags), one written from a support-log entry marked a good example. Contact people are taken from the
 * network directory. Every name below is invented; no child appears.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  engagements,
  goodPractices,
  municipalities,
  people,
  regionMunicipalities,
  regions,
  users,
} from '../db/schema';
import { searchTextOf } from '../modules/consultations/policy';
import { addDays, isoDateInJapan } from '../shared/dates';

type StorySpec = Omit<
  typeof goodPractices.$inferInsert,
  'prefectureCode' | 'regionId' | 'searchText' | 'authorId' | 'updatedBy'
> & {
  at: number;
  muni: number;
  withContact?: boolean;
  author: 'admin' | 'staff' | 'coordinator' | 'municipal';
};

const CONFIRMED = ['no_names', 'no_birth_dates', 'no_addresses', 'no_contacts'] as const;

function stories(names: string[]): StorySpec[] {
  return [
    {
      muni: 0,
      at: 200,
      author: 'staff',
      withContact: true,
      status: 'published',
      title: '医療的ケア児等コーディネーターを地域生活支援事業で配置した',
      summary: `${names[0]}は、4課協議で必要性を共有し、地域生活支援事業の補助を使って基幹相談支援センターにコーディネーターを1名配置した。`,
      body: `## どんな状況だったか\n\n市内の医療的ケア児は14人。相談は保健師と相談支援専門員に分散し、就学や保育の調整が毎回ゼロから始まっていた。\n\n## 何が課題だったか\n\n- コーディネーター研修の修了者はいたが、本来業務と兼務で動けなかった\n- 配置の財源が決まっていなかった\n\n## どう取り組んだか\n\n1. 4課協議（母子保健・障害福祉・保育・教育）で、この1年の相談件数と調整にかかった時間を示した\n2. 地域生活支援事業（医療的ケア児等総合支援事業）の補助を使う案を障害福祉課がまとめた\n3. 基幹相談支援センターへの委託とし、翌年度当初予算に計上した\n\n## 結果\n\n翌年度から専任1名を配置。相談の窓口が一本になり、就学前の支援会議が年2回開かれるようになった。\n\n## ほかの地域で試すときのポイント\n\n件数だけでなく「調整にかかった時間」を示すと、財政課への説明が通りやすい。`,
      topics: ['welfare_services'],
      lifeElements: ['welfare_services'],
      requests: ['coordinator', 'system_building'],
      municipalActions: ['budgeted', 'coordinator_placed'],
      lifeStages: [],
      careItems: [],
      solverText: '障害福祉課',
    },
    {
      muni: 1,
      at: 150,
      author: 'coordinator',
      withContact: true,
      status: 'published',
      title: '看護師のいない保育所が経管栄養の子を受け入れた',
      summary:
        '訪問看護ステーションが昼の注入に巡回し、保育士が手技研修を受けて、1歳児クラスで受け入れを始めた。',
      body: `## どんな状況だったか\n\nAちゃん（1歳・胃ろうからの経管栄養）の保護者が職場復帰を希望。近くの保育所には看護師がいなかった。\n\n## 何が課題だったか\n\n園は「看護師がいないと受け入れられない」と考えていた。注入は1日1回、昼だけだった。\n\n## どう取り組んだか\n\n- 保育課、園、訪問看護ステーション、主治医で受け入れ前の会議を開いた\n- 昼の注入は訪問看護が園に巡回して行うことにした（居宅訪問型ではなく、市の独自補助）\n- 保育士2名が喀痰吸引等研修（第3号）を受けた\n\n## 結果\n\n4月から受け入れ。半年後には注入の見守りを保育士が担えるようになり、巡回は週2回に減った。\n\n## ほかの地域で試すときのポイント\n\n最初の会議に主治医の意見書を用意すると、園の不安が具体的な手順の話に変わる。`,
      topics: ['childcare', 'medical_care'],
      lifeElements: ['childcare'],
      requests: ['case_advice'],
      municipalActions: ['service_arranged'],
      lifeStages: ['infant', 'preschool'],
      careItems: ['tube_feeding_gastric'],
      solverText: '保育課と訪問看護ステーション',
    },
    {
      muni: 2,
      at: 120,
      author: 'staff',
      status: 'published',
      title: '就学の1年前に教育委員会と支援会議を開き、看護師配置を当初予算に間に合わせた',
      summary:
        '就学前年度の6月に教育委員会・保育所・相談支援専門員で会議を開き、学校看護師の配置を翌年度当初予算に計上できた。',
      body: `## どんな状況だったか\n\n気管切開と吸引のある年長児が地域の小学校を希望。例年は秋の就学相談で初めて話が出て、看護師の配置が2学期からになっていた。\n\n## どう取り組んだか\n\n- 就学前年度の6月に支援会議を開くことを、保育所と教育委員会で申し合わせた\n- 会議には保護者の同意を得て主治医の意見書を出した\n- 教育委員会が看護師の配置を当初予算に要求した\n\n## 結果\n\n4月の入学時から看護師が配置された。翌年からこの流れを市の「就学移行の手順」に書き込んだ。`,
      topics: ['education'],
      lifeElements: ['education'],
      requests: ['system_building'],
      municipalActions: ['budgeted', 'system_built'],
      lifeStages: ['preschool', 'elementary'],
      careItems: ['tracheostomy', 'suction'],
      solverText: '教育委員会 学校教育課',
    },
    {
      muni: 3,
      at: 90,
      author: 'admin',
      withContact: true,
      status: 'published',
      title: '地域の病院の空床を使って医療型短期入所を始めた',
      summary:
        '人工呼吸器の子の短期入所先が圏域になかったため、地域の病院が小児病棟の空床を使って月4泊から受け入れを始めた。',
      body: `## 何が課題だったか\n\n人工呼吸器を使う子の短期入所先が圏域になく、家族は県外の施設まで2時間かけて通っていた。\n\n## どう取り組んだか\n\n- 圏域の協議の場で不足を地域課題として挙げ、県の検討会議に提言した\n- 病院の地域連携室と、空床利用型の医療型短期入所の指定手続きを進めた\n- 初年度は月4泊、看護師の手厚い日に限定して始めた\n\n## 結果\n\n開始から半年で延べ38泊。家族のレスパイトの予定が立てられるようになった。`,
      topics: ['short_stay', 'medical_care'],
      lifeElements: ['medical', 'welfare_services'],
      requests: ['resource_info'],
      municipalActions: ['service_arranged'],
      lifeStages: [],
      careItems: ['ventilator'],
      solverText: '市民病院 地域連携室',
    },
    {
      muni: 4,
      at: 60,
      author: 'staff',
      status: 'published',
      title: '人工呼吸器を使う子から個別避難計画をつくった',
      summary:
        '電源が命に直結する子から優先して、訪問看護と防災担当が一緒に個別避難計画を作り、停電時の充電先を決めた。',
      body: `## どう取り組んだか\n\n- 防災担当と障害福祉課で、人工呼吸器・在宅酸素の子を優先対象にした\n- 訪問看護師が訪問時に家族と計画を書き、電源の持続時間を記入した\n- 停電時の充電先として、近くの福祉避難所と消防署を決めた\n\n## 結果\n\n対象の子全員の計画ができ、年1回の見直しを訪問看護の計画に組み込んだ。`,
      topics: ['disaster'],
      lifeElements: ['disaster'],
      requests: ['disaster_plan'],
      municipalActions: ['system_built'],
      lifeStages: [],
      careItems: ['ventilator', 'oxygen'],
      solverText: '防災課・障害福祉課と訪問看護ステーション',
    },
    {
      muni: 5,
      at: 40,
      author: 'coordinator',
      status: 'published',
      title: '母子保健と障害福祉の名簿を突き合わせて、把握できていなかった子を見つけた',
      summary:
        '乳幼児健診の記録と障害者手帳・福祉サービスの受給者を突き合わせ、どちらか一方にしかいなかった子を把握した。',
      body: `## どう取り組んだか\n\n年1回、母子保健の要フォロー名簿と、障害福祉の受給者名簿を担当者どうしで突き合わせることにした（個人情報の取り扱いは市の審議会に諮った）。\n\n## 結果\n\n初年度に、手帳を持たない医療的ケア児を3人把握できた。`,
      topics: ['medical_care'],
      lifeElements: ['medical'],
      requests: ['census'],
      municipalActions: ['system_built'],
      lifeStages: ['infant'],
      careItems: [],
      solverText: '健康づくり課と障害福祉課',
    },
    {
      muni: 0,
      at: 20,
      author: 'coordinator',
      status: 'checked',
      title: '通学の付き添いを訪問看護で代替し、保護者の付き添いをなくした',
      summary:
        '通学バスでの吸引に保護者が付き添っていたが、市の移動支援と訪問看護の組み合わせで保護者の付き添いが不要になった。',
      body: `## どう取り組んだか\n\n市の移動支援事業に「医療的ケアのある児の通学」を加え、訪問看護ステーションが乗車に同行するようにした。\n\n## 結果\n\n保護者がフルタイムで働けるようになった。`,
      topics: ['transport'],
      lifeElements: ['transport'],
      requests: ['case_advice'],
      municipalActions: ['service_arranged'],
      lifeStages: ['elementary'],
      careItems: ['suction'],
      solverText: '障害福祉課',
    },
    {
      muni: 0,
      at: 6,
      author: 'municipal',
      status: 'draft',
      title: '放課後等デイサービスで胃ろうの子の受け入れを始めた',
      summary: '看護職員加配加算を使い、市内の放課後等デイサービスが胃ろうの子の受け入れを始めた。',
      body: `## どう取り組んだか\n\n事業所と相談支援専門員で看護職員加配加算の算定を確認し、看護師1名を加配した。\n\n## 結果\n\n週3日の利用ができるようになった。`,
      topics: ['work_after_school'],
      lifeElements: ['welfare_services'],
      requests: ['resource_info'],
      municipalActions: ['service_arranged'],
      lifeStages: ['elementary'],
      careItems: ['tube_feeding_gastric'],
      solverText: '放課後等デイサービス事業所',
    },
    {
      muni: 1,
      at: 3,
      author: 'coordinator',
      status: 'draft',
      title: '訪問看護と保健師の同行訪問で、退院直後の不安を減らした',
      summary: 'NICUからの退院前後に、保健師と訪問看護が同じ日に訪問して、家族の相談先をはっきりさせた。',
      body: `## どう取り組んだか\n\n退院前カンファレンスで、退院翌週に保健師の山田さんと訪問看護が同じ日に訪問すると決めた。\n\n## 結果\n\n家族の夜間の電話相談が減った。`,
      topics: ['medical_care'],
      lifeElements: ['home_care'],
      requests: ['case_advice'],
      municipalActions: ['case_handled'],
      lifeStages: ['infant'],
      careItems: ['oxygen'],
      solverText: '健康づくり課と訪問看護ステーション',
    },
  ];
}

export async function seedGoodPractices(
  tx: DbOrTx,
  opts: { prefectureCode: string; regionId: string; municipalityCode: string; now: Date },
): Promise<number> {
  const pref = opts.prefectureCode;
  const staffRows = await tx
    .select({ id: users.id, role: users.role, centreId: users.scopeCentreId })
    .from(users)
    .where(eq(users.prefectureCode, pref))
    .orderBy(asc(users.email));
  const admin = staffRows.find((u) => u.role === 'centre_admin');
  const staff = staffRows.find((u) => u.role === 'centre_staff' && !u.centreId);
  const coordinator = staffRows.find((u) => u.role === 'regional_coordinator');
  const municipal = staffRows.find((u) => u.role === 'municipal_staff');
  if (!admin || !staff || !coordinator || !municipal) return 0;
  const authors = { admin: admin.id, staff: staff.id, coordinator: coordinator.id, municipal: municipal.id };
  // The demo municipality and the other municipalities of the demo region first, then the rest of the prefecture.
  const munis = await tx
    .select({ code: municipalities.code, name: municipalities.name, regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .innerJoin(municipalities, eq(municipalities.code, regionMunicipalities.municipalityCode))
    .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(eq(regions.prefectureCode, pref), isNull(regionMunicipalities.validTo)))
    .orderBy(asc(municipalities.code));
  const own = munis.find((m) => m.code === opts.municipalityCode);
  if (!own) return 0;
  const region = munis.filter((m) => m.regionId === opts.regionId && m.code !== own.code);
  const elsewhere = munis.filter((m) => m.regionId !== opts.regionId);
  const ordered = [
    own,
    region[0] ?? own,
    elsewhere[0] ?? own,
    elsewhere[3] ?? own,
    region[1] ?? own,
    elsewhere[7] ?? own,
  ];
  const contacts = await tx
    .select({ id: people.id })
    .from(people)
    .where(eq(people.prefectureCode, pref))
    .orderBy(asc(people.familyKana))
    .limit(5);
  const today = isoDateInJapan(opts.now);
  const specs = stories(ordered.map((m) => m.name));
  const rows: (typeof goodPractices.$inferInsert)[] = specs.map((s, i) => {
    const m = ordered[s.muni]!;
    const authorId = authors[s.author];
    // The checker is another member of staff than the author (four eyes).
    const checker = authorId === staff.id ? admin.id : staff.id;
    const written = new Date(`${addDays(today, -s.at)}T10:00:00+09:00`);
    const checked = new Date(`${addDays(today, -Math.max(0, s.at - 2))}T15:00:00+09:00`);
    const contact = s.withContact ? contacts[i % Math.max(1, contacts.length)] : undefined;
    const { at: _at, muni: _muni, withContact: _w, author: _a, ...story } = s;
    return {
      ...story,
      prefectureCode: pref,
      regionId: m.regionId,
      municipalityCode: m.code,
      solverMunicipalityCode: m.code,
      contactPersonId: contact?.id ?? null,
      contactConsentOn: contact ? addDays(today, -s.at - 10) : null,
      contactNote: contact ? '平日の日中に、センターから先に連絡してからつなぐ' : null,
      solvedOn: addDays(today, -s.at - 30),
      searchText: searchTextOf([story.title, story.summary, story.body, story.solverText ?? ''].join(' ')),
      authorId,
      updatedBy: authorId,
      createdAt: written,
      updatedAt: s.status === 'draft' ? written : checked,
      ...(s.status !== 'draft'
        ? { checkedBy: checker, checkedAt: checked, checkConfirmations: [...CONFIRMED] }
        : {}),
      ...(s.status === 'published' ? { publishedBy: authorId, publishedAt: checked } : {}),
      // The first three published stories have the consent to publication on the public site; two are on it,
      // the third waits for the centre to put it there.
      ...(i < 3 && s.status === 'published'
        ? {
            publicConsentBy: `${m.name} ${s.solverText ?? ''}`.trim(),
            publicConsentOn: addDays(today, -Math.max(1, s.at - 5)),
            publicConsentMethod: 'written' as const,
            publicConsentRecordedBy: authorId,
            publicConsentRecordedAt: new Date(`${addDays(today, -Math.max(1, s.at - 5))}T16:00:00+09:00`),
            ...(i < 2
              ? {
                  publicOfferedBy: authorId,
                  publicOfferedAt: new Date(`${addDays(today, -Math.max(1, s.at - 5))}T16:30:00+09:00`),
                }
              : {}),
          }
        : {}),
    };
  });
  // A support-log entry of the demo municipality marked a good example, written up as a published story.
  const [good] = await tx
    .select()
    .from(engagements)
    .where(
      and(
        eq(engagements.prefectureCode, pref),
        eq(engagements.goodExample, true),
        inArray(engagements.municipalityCode, [own.code, ...region.map((r) => r.code)]),
      ),
    )
    .orderBy(asc(engagements.occurredOn))
    .limit(1);
  if (good) {
    const m = munis.find((x) => x.code === good.municipalityCode)!;
    const at = new Date(`${good.occurredOn}T16:00:00+09:00`);
    const title = `${good.subject}：市町村支援の記録から`;
    const summary = `${m.name}への支援で、関係機関の役割分担を整理し、市の取組につながった事例。`;
    const body = `## 市町村からの相談\n\n${good.subject}について相談があった。\n\n## センターの働きかけ\n\n関係機関を集めた会議の開催を支援し、役割分担を整理した。\n\n## 結果\n\n市が次年度の取組として位置づけた。`;
    rows.push({
      prefectureCode: pref,
      regionId: m.regionId,
      municipalityCode: m.code,
      status: 'published',
      title,
      summary,
      body,
      lifeElements: good.lifeElement ? [good.lifeElement] : [],
      requests: good.request ? [good.request] : [],
      municipalActions: good.municipalAction ? [good.municipalAction] : [],
      solverMunicipalityCode: m.code,
      solverText: '障害福祉課',
      solvedOn: good.occurredOn,
      sourceKind: 'engagement',
      sourceId: good.id,
      searchText: searchTextOf([title, summary, body].join(' ')),
      authorId: staff.id,
      updatedBy: staff.id,
      checkedBy: admin.id,
      checkedAt: at,
      checkConfirmations: [...CONFIRMED],
      publishedBy: staff.id,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  await tx.insert(goodPractices).values(rows);
  return rows.length;
}
