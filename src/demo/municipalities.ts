/**
 * 市町村カルテ (docs/municipal-support.md §1): every municipality of the demo prefecture with a plausible maturity
 * history over two 年度 — last 年度's state from the centre's survey, this 年度's from hearing visits (some items
 * moved on, most unchanged, a few still unrecorded) — and named contacts in two to four of its divisions. Cities
 * are further along than towns and villages, as in the prefectures' reports (KA-5: most have placed a
 * coordinator, some are considering). The demo municipality's own staff have recorded one item and one contact
 * themselves. Fictional; deterministic for a seed and a date.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  municipalContacts,
  municipalities,
  municipalMaturity,
  municipalPageHistory,
  users,
} from '../db/schema';
import type { MunicipalContactSnapshot } from '../db/schema/municipal-support-municipalities';
import { isoDateInJapan } from '../shared/dates';
import { nendoOf, nendoRange } from '../shared/nendo';
import {
  type FactSource,
  MATURITY_ITEMS,
  MATURITY_OPTIONS,
  MATURITY_STATUSES,
  type MaturityItem,
} from '../shared/vocab/municipalities';
import { DIVISIONS, type Division } from '../shared/vocab/network';
import { pickAdultGivenName, pickFamilyName } from './names';
import { createRng, deriveSeed, type Rng } from './random';

export type SeedMunicipalPagesOptions = {
  prefectureCode: string;
  seed: number;
  now: Date;
  /** The demo municipality, whose own staff recorded some of its page. */
  municipalityCode: string;
};

/** How far along a kind of municipality tends to be (0–1). */
const KIND_LEAD: Record<string, number> = {
  designated_city: 0.85,
  special_ward: 0.75,
  city: 0.5,
  town: 0.33,
  village: 0.2,
};

const SECTION: Record<Division, readonly string[]> = {
  maternal_child_health: ['健康づくり課 母子保健係', 'こども家庭課 母子保健担当', '子育て支援課 親子保健係'],
  disability_welfare: ['障がい福祉課', '福祉課 障害福祉係', '障害者支援課'],
  childcare: ['保育課', 'こども育成課 保育係', '子育て支援課 保育担当'],
  education: ['教育委員会 特別支援教育課', '教育委員会 学校教育課', '教育委員会 教育指導課'],
};

type Entry = {
  item: string;
  subject: 'maturity' | 'contact';
  status: string | null;
  options: string[];
  contact: MunicipalContactSnapshot | null;
  note: string | null;
  source: FactSource;
  sourceNote: string | null;
  asOf: string;
  by: { id: string; role: string };
};

/** Level 0–2 of one item for a municipality as far along as `lead`. */
function levelOf(rng: Rng, lead: number, item: MaturityItem): 0 | 1 | 2 {
  // The coordinator is the item most municipalities have (KA-5); the welfare plan's targets the least.
  const ease: Record<MaturityItem, number> = {
    coordinator: 0.3,
    council: 0.1,
    core_centre: 0.05,
    census_method: 0,
    welfare_plan: -0.1,
  };
  const x = lead + ease[item] + (rng.next() - 0.5) * 0.5;
  return x > 0.6 ? 2 : x > 0.3 ? 1 : 0;
}

function optionsFor(rng: Rng, item: MaturityItem, level: 0 | 1 | 2): string[] {
  const all = MATURITY_OPTIONS[item] as readonly string[];
  if (item === 'census_method') {
    if (level === 0) return [];
    return rng.shuffle(all).slice(0, level === 2 ? rng.int(3, 5) : rng.int(1, 2));
  }
  if (level !== 2) return [];
  switch (item) {
    case 'coordinator':
      return [
        rng.weighted([
          ['national_subsidy', 4],
          ['municipal_budget', 2],
          ['commissioned', 2],
          ['concurrent_post', 2],
        ] as const),
      ];
    case 'council':
      return all.filter((o) => rng.chance(o === 'education_attends' ? 0.65 : 0.45));
    case 'core_centre':
      return [rng.pick(all)];
    default:
      return all.filter(() => rng.chance(0.5));
  }
}

/** Seeds every municipality's page of the prefecture; returns how many history entries were written. */
export async function seedMunicipalPages(tx: DbOrTx, opts: SeedMunicipalPagesOptions): Promise<number> {
  const rng = createRng(deriveSeed(opts.seed, 'municipal-pages'));
  const today = isoDateInJapan(opts.now);
  const thisNendo = nendoOf(today);
  const last = nendoRange(thisNendo - 1);
  const current = nendoRange(thisNendo);
  const staff = await tx
    .select({
      id: users.id,
      role: users.role,
      municipality: users.scopeMunicipalityCode,
      centreId: users.scopeCentreId,
    })
    .from(users)
    .where(and(eq(users.prefectureCode, opts.prefectureCode), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  // The centre's whole-prefecture staff keep most pages; a branch's staff only their regions'.
  const centre =
    staff.find((u) => u.role === 'centre_staff' && !u.centreId) ??
    staff.find((u) => u.role === 'centre_admin');
  const coordinator = staff.find((u) => u.role === 'regional_coordinator') ?? centre;
  const own = staff.find((u) => u.role === 'municipal_staff' && u.municipality === opts.municipalityCode);
  if (!centre || !coordinator) return 0;
  const munis = await tx
    .select({ code: municipalities.code, name: municipalities.name, kind: municipalities.kind })
    .from(municipalities)
    .where(eq(municipalities.prefectureCode, opts.prefectureCode))
    .orderBy(asc(municipalities.code));

  const history: (typeof municipalPageHistory.$inferInsert)[] = [];
  const maturity: (typeof municipalMaturity.$inferInsert)[] = [];
  const contacts: (typeof municipalContacts.$inferInsert)[] = [];
  // Last 年度's survey ran in the autumn; this 年度's hearings from late spring until today.
  const surveyDay = (r: Rng) => r.dateBetween(`${thisNendo - 1}-09-01`, `${thisNendo - 1}-11-30`);
  const hearingEnd = today; // this 年度 runs until its end, after today
  const hearingStart = `${thisNendo}-05-01` < hearingEnd ? `${thisNendo}-05-01` : current.start;

  for (const m of munis) {
    const r = rng.fork(m.code);
    const lead = KIND_LEAD[m.kind] ?? 0.4;
    const isOwn = m.code === opts.municipalityCode && own;
    const hearingDay = r.dateBetween(hearingStart, hearingEnd);
    const entriesOf = (e: Entry) =>
      history.push({
        prefectureCode: opts.prefectureCode,
        municipalityCode: m.code,
        subject: e.subject,
        item: e.item,
        status: e.status,
        options: e.options,
        contact: e.contact,
        note: e.note,
        source: e.source,
        sourceNote: e.sourceNote,
        asOf: e.asOf,
        version: 0, // set below, per item
        changedBy: e.by.id,
        changedByRole: e.by.role,
        changedAt: new Date(`${e.asOf}T10:00:00+09:00`),
      });
    for (const item of MATURITY_ITEMS) {
      // A few small municipalities have not answered on their plan or census yet.
      if (lead < 0.45 && (item === 'welfare_plan' || item === 'census_method') && r.chance(0.2)) continue;
      const before = levelOf(r, lead, item);
      const statuses = MATURITY_STATUSES[item] as readonly string[];
      const asStatus = (level: 0 | 1 | 2) => statuses[2 - level]!;
      entriesOf({
        item,
        subject: 'maturity',
        status: asStatus(before),
        options: optionsFor(r, item, before),
        contact: null,
        note: null,
        source: 'survey',
        sourceNote: `${thisNendo - 1}年度 センター調査`,
        asOf: surveyDay(r),
        by: centre,
      });
      // This 年度: one step forward for some; re-confirmed at the hearing for others; untouched for the rest.
      const moved = before < 2 && r.chance(before === 1 ? 0.4 : 0.25);
      if (moved || r.chance(0.3)) {
        const after = (moved ? before + 1 : before) as 0 | 1 | 2;
        const byOwn = isOwn && item === 'coordinator';
        entriesOf({
          item,
          subject: 'maturity',
          status: asStatus(after),
          options: optionsFor(r, item, after),
          contact: null,
          note: moved && after === 2 && item === 'coordinator' ? '今年度から保健師1名を兼務で配置。' : null,
          source: byOwn ? 'municipal_report' : 'hearing',
          sourceNote: null,
          asOf: hearingDay,
          by: byOwn && own ? own : r.chance(0.5) ? centre : coordinator,
        });
      }
    }
    const divisions = r.shuffle(DIVISIONS).slice(0, isOwn ? 4 : r.int(2, 4));
    for (const d of divisions) {
      const family = pickFamilyName(r);
      const given = pickAdultGivenName(r, r.chance(0.5) ? 'female' : 'male');
      const byOwn = isOwn && d === 'disability_welfare';
      entriesOf({
        item: d,
        subject: 'contact',
        status: null,
        options: [],
        contact: {
          sectionName: r.pick(SECTION[d]),
          personName: `${family.kanji} ${given.kanji}`,
          phone: `000-${String(r.int(100, 999))}-${String(r.int(1000, 9999))}`,
          email: null,
        },
        note: null,
        source: byOwn ? 'municipal_report' : 'hearing',
        sourceNote: null,
        asOf: r.dateBetween(last.start, hearingEnd),
        by: byOwn && own ? own : centre,
      });
    }
  }

  // Versions per item in date order, and each item's newest entry as its current value.
  history.sort(
    (a, b) =>
      a.municipalityCode.localeCompare(b.municipalityCode) ||
      a.subject.localeCompare(b.subject) ||
      a.item.localeCompare(b.item) ||
      a.asOf.localeCompare(b.asOf),
  );
  const versions = new Map<string, number>();
  const newest = new Map<string, (typeof history)[number]>();
  for (const h of history) {
    const key = `${h.municipalityCode}:${h.subject}:${h.item}`;
    h.version = (versions.get(key) ?? 0) + 1;
    versions.set(key, h.version);
    newest.set(key, h);
  }
  for (const h of newest.values()) {
    const common = {
      municipalityCode: h.municipalityCode,
      prefectureCode: h.prefectureCode,
      source: h.source,
      sourceNote: h.sourceNote ?? null,
      asOf: h.asOf,
      note: h.note ?? null,
      updatedBy: h.changedBy,
      updatedAt: h.changedAt ?? new Date(),
      version: h.version,
    };
    if (h.subject === 'maturity') {
      maturity.push({ ...common, item: h.item as MaturityItem, status: h.status!, options: h.options ?? [] });
    } else {
      contacts.push({ ...common, division: h.item as Division, ...h.contact! });
    }
  }
  for (let i = 0; i < history.length; i += 500)
    await tx.insert(municipalPageHistory).values(history.slice(i, i + 500));
  if (maturity.length) await tx.insert(municipalMaturity).values(maturity);
  if (contacts.length) await tx.insert(municipalContacts).values(contacts);
  return history.length;
}
