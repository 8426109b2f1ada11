/**
 * The demo's library (docs/knowledge.md §2): forms, guides and links of the demo prefecture across the situations a
 * family, municipality, provider or school meets — school entry, billing add-ons, short-stay applications, the
 * disaster notebook and evacuation-plan format, the move to adult care — public and staff-only, some with a file
 * (a small PDF or text made here), some links, an explainer video with a Japanese caption track
 * (library-video.ts), one not reviewed for over a year (flagged stale), and two items
 * already handed to families from open consultations (the regional coordinator's team's, else the demo
 * municipality's), so their timelines show 「書類の送付」 on arrival. Every text is invented; deterministic for a
 * given day.
 */
import { and, asc, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  consultationActions,
  consultations,
  consultationTeams,
  libraryHandouts,
  libraryItems,
  libraryVersions,
  users,
} from '../db/schema';
import { storeFile } from '../modules/files/store';
import { isoDateInJapan } from '../shared/dates';
import type {
  LibraryAudience,
  LibraryKind,
  LibrarySituation,
  LibraryVisibility,
} from '../shared/vocab/library';
import { seedLibraryVideo } from './library-video';

type DemoItem = {
  title: string;
  kind: LibraryKind;
  description: string;
  situations: LibrarySituation[];
  audiences: LibraryAudience[];
  visibility: LibraryVisibility;
  /** Only for the demo municipality (otherwise the whole prefecture). */
  local?: boolean;
  /** Days since the last review (over 365: stale). */
  reviewedDaysAgo: number;
  /** A file made here, or a link. */
  file?: { name: string; bytes: () => Buffer };
  url?: string;
  /** Handed out to the family from one of the coordinator's open consultations. */
  handedOut?: boolean;
};

/** A one-page PDF (1.4, Helvetica, offsets computed) carrying a few ASCII lines. */
export function demoPdf(lines: string[]): Buffer {
  const text = lines
    .map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 28} Td (${l}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const text = (s: string) => () => Buffer.from(s, 'utf8');

const ITEMS: DemoItem[] = [
  {
    title: '就学までの流れ（年長さんのご家族へ）',
    kind: 'guide',
    description:
      '年長の春から入学までに、就学相談・学校見学・看護師の配置の相談をどの順に進めるかをまとめた案内です。\n\n- 4〜6月：市町村の就学相談に申し込む\n- 7〜10月：学校見学、主治医の意見書\n- 11〜2月：就学先の決定、学校との支援会議',
    situations: ['school_entry'],
    audiences: ['family'],
    visibility: 'public',
    reviewedDaysAgo: 40,
    file: {
      name: '就学までの流れ.txt',
      bytes: text(
        '就学までの流れ（年長さんのご家族へ）\n\n1. 4〜6月　お住まいの市町村の教育委員会に就学相談を申し込みます。\n2. 7〜10月　学校を見学し、主治医に意見書をお願いします。\n3. 11〜2月　就学先が決まったら、学校・看護師・相談支援専門員と支援会議を開きます。\n\n分からないことは、市町村の窓口かセンターにご相談ください。\n（デモ用の架空の資料です）\n',
      ),
    },
    handedOut: true,
  },
  {
    title: '学校における医療的ケア実施の手引き（市町村教育委員会向け）',
    kind: 'guide',
    description: '看護師の配置、指示書の受け取り、校外学習のときの体制を教育委員会が整えるための手引きです。',
    situations: ['school_entry'],
    audiences: ['school', 'municipality'],
    visibility: 'staff',
    reviewedDaysAgo: 120,
    file: {
      name: 'school-guide.pdf',
      bytes: () =>
        demoPdf([
          'Medical care at school - a guide for boards of education (demo)',
          '1. Nurses at school: how many, and who employs them.',
          "2. Doctor's instructions: received once a year and on every change.",
          '3. School trips: the nurse goes along, or the family is asked.',
          'Fictional demo material.',
        ]),
    },
  },
  {
    title: '医療的ケア児者支援体制加算の算定チェックリスト',
    kind: 'form',
    description: '事業所が加算を算定する前に、人員・研修修了・記録の要件を確かめるためのチェックリストです。',
    situations: ['billing_addon'],
    audiences: ['provider'],
    visibility: 'staff',
    reviewedDaysAgo: 200,
    file: {
      name: '加算チェックリスト.txt',
      bytes: text(
        '医療的ケア児者支援体制加算　算定前チェックリスト（デモ）\n\n□ 医療的ケア児等コーディネーター養成研修の修了者を配置している\n□ 研修修了を証明する書類の写しを保管している\n□ 個別支援計画に医療的ケアの内容を記載している\n□ 市町村に届出を済ませている\n',
      ),
    },
  },
  {
    title: '障害福祉サービス等報酬の改定について（国の資料）',
    kind: 'link',
    description:
      '報酬改定の告示と解釈通知への入口です。加算の要件は改定ごとに変わるため、算定前に最新を確認してください。',
    situations: ['billing_addon'],
    audiences: ['provider', 'municipality'],
    visibility: 'staff',
    reviewedDaysAgo: 90,
    url: 'https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/hukushi_kaigo/shougaishahukushi/',
  },
  {
    title: '短期入所（医療型）利用申請書',
    kind: 'form',
    description:
      '医療型短期入所を初めて使うときの申請書です。主治医の情報提供書を添えて、お住まいの市町村に出してください。',
    situations: ['short_stay'],
    audiences: ['family'],
    visibility: 'public',
    local: true,
    reviewedDaysAgo: 60,
    file: {
      name: 'short-stay-application.pdf',
      bytes: () =>
        demoPdf([
          'Short-stay (medical) application form (demo)',
          'Name of the child / guardian / address: ___________________',
          'Medical care needed: suction / tube feeding / ventilator / other',
          "Attach the doctor's letter. Submit to your municipality.",
          'Fictional demo form.',
        ]),
    },
  },
  {
    title: '短期入所を使うまでの流れ（初めての方へ）',
    kind: 'guide',
    description: '受給者証の申請から事前面談、お試し利用までの流れと、よくある質問です。',
    situations: ['short_stay'],
    audiences: ['family'],
    visibility: 'public',
    reviewedDaysAgo: 430,
    file: {
      name: '短期入所の流れ.txt',
      bytes: text(
        '短期入所を使うまでの流れ（デモ）\n\n1. 市町村で受給者証（短期入所）を申請します。\n2. 利用したい施設に連絡し、事前面談の日を決めます。\n3. 日帰りなど短い時間のお試し利用から始めます。\n',
      ),
    },
  },
  {
    title: '災害時の手帳（医療的ケア児用）',
    kind: 'form',
    description:
      '停電・避難のときに、ケアの内容、必要な物品、主治医と連絡先を一冊にまとめておく手帳です。印刷して、避難袋に入れておいてください。',
    situations: ['disaster_notebook'],
    audiences: ['family'],
    visibility: 'public',
    reviewedDaysAgo: 30,
    file: {
      name: 'disaster-notebook.pdf',
      bytes: () =>
        demoPdf([
          'Disaster notebook for children with medical care needs (demo)',
          'Care: ____  Equipment and batteries: ____  Hours on battery: ____',
          'Doctor / hospital / home nursing: ____',
          'Where we go: ____  Who helps us: ____',
          'Fictional demo notebook.',
        ]),
    },
    handedOut: true,
  },
  {
    title: '個別避難計画の様式（医療的ケア児版）',
    kind: 'form',
    description:
      '市町村が医療的ケア児の個別避難計画を作るときの様式と記入例です（電源、搬送、避難先の調整）。',
    situations: ['evacuation_plan'],
    audiences: ['municipality', 'provider'],
    visibility: 'staff',
    local: true,
    reviewedDaysAgo: 150,
    file: {
      name: '個別避難計画様式.txt',
      bytes: text(
        '個別避難計画（医療的ケア児版）様式（デモ）\n\n1. 必要な医療的ケアと機器\n2. 停電時の電源（バッテリーの持続時間、充電の場所）\n3. 避難の手段と支援者\n4. 避難先（福祉避難所、病院）との事前の調整\n',
      ),
    },
  },
  {
    title: '成人期への移行を考えるときに（ご家族向け）',
    kind: 'guide',
    description:
      '18歳を前に、医療（小児科から成人の診療科へ）と福祉（障害児から障害者のサービスへ）で変わることの一覧です。',
    situations: ['transition'],
    audiences: ['family'],
    visibility: 'public',
    reviewedDaysAgo: 75,
    file: {
      name: '成人期への移行.txt',
      bytes: text(
        '成人期への移行を考えるときに（デモ）\n\n- 医療：成人の診療科への紹介は、15歳ごろから主治医と話し始めます。\n- 福祉：18歳からは障害者のサービスになり、受給者証も変わります。\n- 日中活動：卒業後の生活介護の見学は、高等部2年の夏までに。\n',
      ),
    },
  },
  {
    title: '移行期医療支援センターの案内',
    kind: 'link',
    description: '小児期から成人期への医療の移行を支える全国の取り組みの案内です。',
    situations: ['transition'],
    audiences: ['family', 'provider'],
    visibility: 'public',
    reviewedDaysAgo: 100,
    url: 'https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000121431_00001.html',
  },
];

const DAY = 86_400_000;

/**
 * Seeds the library of the demo prefecture: its items and versions (files through the one store), and the
 * hand-outs of two items on the regional coordinator's open consultations. Returns the number of items.
 */
export async function seedLibrary(
  tx: DbOrTx,
  opts: { prefectureCode: string; municipalityCode: string; engine: 'pglite' | 'postgres'; now: Date },
): Promise<number> {
  const [editor] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.prefectureCode, opts.prefectureCode),
        eq(users.role, 'centre_staff'),
        isNull(users.scopeCentreId),
      ),
    )
    .orderBy(asc(users.email))
    .limit(1);
  if (!editor) return 0;
  const handedOut: { itemId: string; versionId: string; title: string }[] = [];
  for (const [i, spec] of ITEMS.entries()) {
    const reviewed = new Date(opts.now.getTime() - spec.reviewedDaysAgo * DAY);
    const created = new Date(reviewed.getTime() - (i + 1) * 3_600_000);
    const [item] = await tx
      .insert(libraryItems)
      .values({
        prefectureCode: opts.prefectureCode,
        title: spec.title,
        kind: spec.kind,
        description: spec.description,
        situations: spec.situations,
        audiences: spec.audiences,
        municipalityCodes: spec.local ? [opts.municipalityCode] : [],
        visibility: spec.visibility,
        reviewedOn: isoDateInJapan(reviewed),
        version: 2,
        createdBy: editor.id,
        createdAt: created,
        updatedAt: reviewed,
      })
      .returning({ id: libraryItems.id });
    const file = spec.file
      ? await storeFile(tx, {
          prefectureCode: opts.prefectureCode,
          kind: 'library',
          name: spec.file.name,
          bytes: spec.file.bytes(),
          createdBy: editor.id,
          engine: opts.engine,
          at: reviewed,
        })
      : null;
    const [version] = await tx
      .insert(libraryVersions)
      .values({
        itemId: item!.id,
        number: 1,
        fileId: file?.id ?? null,
        url: spec.url ?? null,
        note: '',
        createdBy: editor.id,
        createdAt: reviewed,
      })
      .returning({ id: libraryVersions.id });
    await tx.update(libraryItems).set({ currentVersionId: version!.id }).where(eq(libraryItems.id, item!.id));
    if (spec.handedOut) handedOut.push({ itemId: item!.id, versionId: version!.id, title: spec.title });
  }
  // The explainer video with its Japanese caption track (library-video.ts), reviewed a month ago.
  const reviewed = new Date(opts.now.getTime() - 30 * DAY);
  await seedLibraryVideo(tx, { ...opts, editorId: editor.id, reviewed });
  await seedHandouts(tx, opts, handedOut);
  return ITEMS.length + 1;
}

/**
 * Each item handed to the family, a few days ago, from an open consultation: the regional coordinator's team's
 * first, then the demo municipality's, by whoever carries the case.
 */
async function seedHandouts(
  tx: DbOrTx,
  opts: { prefectureCode: string; municipalityCode: string; now: Date },
  items: { itemId: string; versionId: string; title: string }[],
): Promise<void> {
  const [coordinator] = await tx
    .select({ regionId: users.scopeRegionId })
    .from(users)
    .where(and(eq(users.prefectureCode, opts.prefectureCode), eq(users.role, 'regional_coordinator')))
    .orderBy(asc(users.email))
    .limit(1);
  const cases = await tx
    .select({
      id: consultations.id,
      teamId: consultations.ownerTeamId,
      by: consultations.assignedUserId,
      openedAt: consultations.openedAt,
    })
    .from(consultations)
    .innerJoin(consultationTeams, eq(consultationTeams.id, consultations.ownerTeamId))
    .where(
      and(
        eq(consultations.prefectureCode, opts.prefectureCode),
        eq(consultationTeams.kind, 'tier'),
        isNull(consultations.closedAt),
        isNotNull(consultations.assignedUserId),
        or(
          coordinator?.regionId ? eq(consultationTeams.regionId, coordinator.regionId) : sql`false`,
          and(
            eq(consultationTeams.tier, 'municipality'),
            eq(consultationTeams.municipalityCode, opts.municipalityCode),
          ),
        ),
      ),
    )
    .orderBy(sql`${consultationTeams.regionId} is null`, desc(consultations.openedAt))
    .limit(items.length);
  for (const [i, c] of cases.entries()) {
    const item = items[i]!;
    // A few days ago, but never before the case was opened nor after now.
    const at = new Date(
      Math.min(
        opts.now.getTime(),
        Math.max(c.openedAt.getTime() + 3_600_000, opts.now.getTime() - (i + 2) * DAY),
      ),
    );
    const [action] = await tx
      .insert(consultationActions)
      .values({
        consultationId: c.id,
        kind: 'document',
        at,
        byUserId: c.by,
        teamId: c.teamId,
        resourceText: item.title,
        createdAt: at,
      })
      .returning({ id: consultationActions.id });
    await tx.insert(libraryHandouts).values({
      prefectureCode: opts.prefectureCode,
      itemId: item.itemId,
      versionId: item.versionId,
      consultationId: c.id,
      actionId: action!.id,
      recipient: 'family',
      byUserId: c.by,
      at,
    });
  }
}
