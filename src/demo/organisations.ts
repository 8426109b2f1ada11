/**
 * Builds (without touching the database) the organisations and people of one prefecture's demo network:
 * the four municipal divisions of every municipality, and per region hospitals, providers, special-needs
 * schools, nurseries and a core consultation centre, each with a few fictional staff.
 */
import { randomUUID } from 'node:crypto';
import type { organisations, people } from '../db/schema';
import type { Division } from '../db/schema/network';
import { findMunicipality } from '../shared/municipalities';
import { pickAdultGivenName, pickFamilyName } from './names';
import { MUNICIPALITY_WEIGHT, type PrefecturePlan } from './prefecture-plans';
import type { Rng } from './random';

export type OrganisationRow = typeof organisations.$inferInsert & { id: string };
export type PersonRow = typeof people.$inferInsert & { id: string };

/** Service kinds a child can be affiliated with, besides the municipal divisions. */
export type ServiceKind =
  | 'hospital'
  | 'home_nursing'
  | 'child_development'
  | 'after_school'
  | 'short_stay'
  | 'school'
  | 'nursery';

/** Ids of one region's organisations by service kind, in creation order (content is deterministic). */
export type RegionServices = Record<ServiceKind, string[]> & { coreCentreId: string };

export type NetworkRows = {
  organisations: OrganisationRow[];
  people: PersonRow[];
  /** Same order as plan.regions. */
  services: RegionServices[];
  /** municipality code → id of its 障害福祉 division. */
  disabilityDivisionIds: Map<string, string>;
};

const DIVISIONS: { division: Division; name: string }[] = [
  { division: 'maternal_child_health', name: 'こども家庭課（母子保健）' },
  { division: 'disability_welfare', name: '障害福祉課' },
  { division: 'childcare', name: '保育課' },
  { division: 'education', name: '教育委員会 特別支援教育課' },
];

const STEMS = [
  'あおば',
  'ひだまり',
  'そよかぜ',
  'みらい',
  'たんぽぽ',
  'こもれび',
  'わかば',
  'にじいろ',
  'ほしぞら',
  'すずらん',
  'かがやき',
  'ゆりかご',
  'ぽかぽか',
  'はばたき',
  'つばさ',
  'どんぐり',
  'おひさま',
  'ふたば',
  'あゆみ',
  'のぞみ',
  'ひまわり',
  'すみれ',
  'もみじ',
  'こすもす',
  'あすなろ',
  'やまびこ',
  'せせらぎ',
  'なないろ',
  'えがお',
  'きらり',
];

/** Name patterns per service kind; `{s}` is a stem, `{m}` the municipality without 市/町/村/区. */
const NAME_PATTERNS: Record<ServiceKind, string[]> = {
  hospital: ['{m}{s}総合病院', '{s}こども医療センター', '{m}{s}記念病院', '{s}メディカルセンター'],
  home_nursing: ['訪問看護ステーション{s}', '{s}訪問看護ステーション{m}', 'こども訪問看護{s}'],
  child_development: ['児童発達支援{s}', 'こどもサポート{s}{m}', '重心児童発達支援{s}'],
  after_school: ['放課後等デイサービス{s}', '{s}キッズ{m}', '重心放課後等デイサービス{s}'],
  short_stay: ['{s}療育センター（医療型短期入所）', '{m}{s}園（医療型短期入所）'],
  school: ['{m}{s}特別支援学校', '{s}支援学校'],
  nursery: ['{s}保育園', '{m}{s}こども園'],
};

/** Staff each organisation gets: [profession, min, max, coordinator tier]. */
const STAFF: Record<ServiceKind | 'core', [string, number, number, PersonRow['coordinatorTier']?][]> = {
  hospital: [
    ['医療ソーシャルワーカー', 1, 1],
    ['看護師（入退院支援）', 0, 1],
  ],
  home_nursing: [['看護師', 2, 3]],
  child_development: [
    ['児童発達支援管理責任者', 1, 1],
    ['看護師', 0, 1],
  ],
  after_school: [
    ['児童発達支援管理責任者', 1, 1],
    ['看護師', 0, 1],
  ],
  short_stay: [['看護師', 1, 2]],
  school: [
    ['教員', 1, 2],
    ['学校看護師', 1, 1],
  ],
  nursery: [
    ['保育士', 1, 1],
    ['看護師', 0, 1],
  ],
  core: [
    ['相談支援専門員', 2, 2, 'regional'],
    ['相談支援専門員', 0, 1],
  ],
};

const SERVICE_KINDS = Object.keys(NAME_PATTERNS) as ServiceKind[];

/** How many organisations of each kind a region of the given weight gets. */
function serviceCounts(weight: number, scale: number): Record<ServiceKind, number> {
  const n = (per: number, min: number, max: number) =>
    Math.max(min, Math.min(Math.round(max * scale), Math.round((weight / per) * scale)));
  return {
    hospital: n(8, 1, 6),
    home_nursing: n(4, 2, 10),
    child_development: n(5, 1, 8),
    after_school: n(5, 1, 8),
    short_stay: n(12, 1, 3),
    school: n(8, 1, 4),
    nursery: n(5, 1, 6),
  };
}

const shortName = (name: string) => (name.length > 2 ? name.replace(/[市町村区]$/, '') : name);

/** Builds the organisations and people of one prefecture. `scale` multiplies services per region. */
export function buildOrganisations(rng: Rng, plan: PrefecturePlan, scale = 1): NetworkRows {
  const prefectureCode = plan.prefectureCode;
  const orgs: OrganisationRow[] = [];
  const staff: PersonRow[] = [];
  const usedNames = new Set<string>();
  const disabilityDivisionIds = new Map<string, string>();
  let personSeq = 0;

  const addPeople = (
    organisationId: string | null,
    spec: [string, number, number, PersonRow['coordinatorTier']?][],
  ) => {
    for (const [profession, min, max, tier] of spec) {
      const count = rng.int(min, max);
      for (let i = 0; i < count; i++) {
        const sex = rng.chance(0.7) ? 'female' : 'male';
        const family = pickFamilyName(rng);
        const given = pickAdultGivenName(rng, sex);
        personSeq++;
        staff.push({
          id: randomUUID(),
          prefectureCode,
          organisationId,
          familyName: family.kanji,
          givenName: given.kanji,
          familyKana: family.kana,
          givenKana: given.kana,
          profession,
          coordinatorTier: tier ?? null,
          email: `staff-${prefectureCode}-${String(personSeq).padStart(5, '0')}@demo.tsunagu.example`,
        });
      }
    }
  };
  const uniqueName = (candidate: string) => {
    let name = candidate;
    for (let k = 2; usedNames.has(name); k++) name = `${candidate}${k}`;
    usedNames.add(name);
    return name;
  };
  const address = (municipalityCode: string) =>
    `${plan.prefectureName}${findMunicipality(municipalityCode)?.name ?? ''}デモ町${rng.int(1, 5)}-${rng.int(1, 30)}`;

  // The chief coordinator sits at the centre, which is not an organisation of the network.
  addPeople(null, [['主任医療的ケア児等コーディネーター', 1, 1, 'chief']]);

  const services: RegionServices[] = plan.regions.map((region) => {
    const members = region.municipalityCodes.map((code) => findMunicipality(code)!);
    for (const m of members) {
      for (const d of DIVISIONS) {
        const id = randomUUID();
        orgs.push({
          id,
          prefectureCode,
          kind: 'municipal_division',
          division: d.division,
          name: `${m.name}${d.name}`,
          municipalityCode: m.code,
        });
        usedNames.add(`${m.name}${d.name}`);
        if (d.division === 'disability_welfare') {
          disabilityDivisionIds.set(m.code, id);
          const coordinators = m.kind === 'designated_city' ? 3 : m.kind === 'village' ? 1 : rng.int(1, 2);
          addPeople(id, [['相談支援専門員', coordinators, coordinators, 'municipal']]);
        } else if (d.division === 'maternal_child_health') {
          addPeople(id, [['保健師', 1, m.kind === 'town' || m.kind === 'village' ? 1 : 2]]);
        } else if (d.division === 'education') {
          addPeople(id, [['指導主事', 0, 1]]);
        }
      }
    }
    const weighted = members.map((m) => [m, MUNICIPALITY_WEIGHT[m.kind]] as const);
    const weight = weighted.reduce((s, [, w]) => s + w, 0);
    const counts = serviceCounts(weight, scale);
    const ids = {} as Record<ServiceKind, string[]>;
    for (const kind of SERVICE_KINDS) {
      ids[kind] = [];
      for (let i = 0; i < counts[kind]; i++) {
        const m = rng.weighted(weighted);
        const name = uniqueName(
          rng.pick(NAME_PATTERNS[kind]).replace('{s}', rng.pick(STEMS)).replace('{m}', shortName(m.name)),
        );
        const id = randomUUID();
        orgs.push({
          id,
          prefectureCode,
          kind:
            kind === 'school'
              ? 'school'
              : kind === 'nursery'
                ? 'nursery'
                : kind === 'hospital'
                  ? 'hospital'
                  : 'provider',
          name,
          municipalityCode: m.code,
          address: address(m.code),
        });
        ids[kind].push(id);
        addPeople(id, STAFF[kind]);
      }
    }
    const host = rng.weighted(weighted);
    const coreCentreId = randomUUID();
    orgs.push({
      id: coreCentreId,
      prefectureCode,
      kind: 'core_consultation_centre',
      name: uniqueName(`${shortName(host.name)}基幹相談支援センター`),
      municipalityCode: host.code,
      address: address(host.code),
    });
    addPeople(coreCentreId, STAFF.core);
    return { ...ids, coreCentreId };
  });

  return { organisations: orgs, people: staff, services, disabilityDivisionIds };
}
