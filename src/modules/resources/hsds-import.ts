import type { ResourceScheduleRow } from '../../db/schema';
import { findMunicipality } from '../../shared/municipalities';
import type { DisasterSupport } from '../../shared/vocab/disaster-events';
import type { ServiceType } from '../../shared/vocab/resources';
import { readAttributes } from './hsds-attributes';
import {
  type At,
  date,
  email,
  Issues,
  integer,
  invalid,
  jstTime,
  municipalityOfPrefecture,
  readLocation,
  requiredText,
  text,
  url,
  uuid,
  weekdays,
} from './hsds-fields';
import { isUuidText } from './hsds-ids';
import { HSDS_STATUSES, LINK_TYPES, STATUS_FROM_HSDS } from './hsds-profile';
import { type Obj, readHsdsTables, TABLE_NAMES, type Table } from './hsds-read';
import type { CareAcceptance } from './schemas-common';

/**
 * An HSDS 3.0 document read into the directory's terms (decision 0013), pure: organizations and services with
 * their location, schedules, service areas and the profile's attributes (hsds-profile.ts), and every problem
 * as a row-level issue in Japanese and English. What the directory cannot hold — schedules other than weekly,
 * areas drawn as shapes, attributes of other taxonomies, more than one location — is left out.
 */

export type HsdsOrganization = {
  hsdsId: string;
  name: string;
  kana: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
};

export type HsdsLocation = {
  hsdsId: string;
  name: string | null;
  postalCode: string | null;
  address: string;
  municipalityCode: string;
  latitude: number | null;
  longitude: number | null;
};

export type HsdsListing = {
  row: number;
  hsdsId: string | null;
  organizationHsdsId: string | null;
  name: string | null;
  kana: string | null;
  type: ServiceType;
  status: (typeof STATUS_FROM_HSDS)[keyof typeof STATUS_FROM_HSDS];
  officeNumber: string | null;
  description: string | null;
  howToApply: string | null;
  eligibilityDescription: string | null;
  feesDescription: string | null;
  minAge: number | null;
  maxAge: number | null;
  capacity: number | null;
  vacancy: number | null;
  capacityUpdatedAt: string | null;
  transport: boolean | null;
  transportNote: string | null;
  bathing: boolean | null;
  bathingNote: string | null;
  /** What it offers in a disaster (sorted) and the note on it (docs/disaster.md §6). */
  disasterSupport: DisasterSupport[];
  disasterNote: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  schedules: ResourceScheduleRow[];
  careItems: CareAcceptance[];
  /** Municipalities served besides the location's. */
  areaCodes: string[];
  assuredDate: string | null;
  confirmedAt: string | null;
  location: HsdsLocation | null;
  ok: boolean;
};

export type HsdsFile = {
  version: string | null;
  tables: { name: string; count: number }[];
  organizations: Map<string, HsdsOrganization>;
  listings: HsdsListing[];
  issues: Issues;
};

/** The first phone number of a record (phones table rows of it). */
const firstPhone = (rows: { row: number; o: Obj }[] | undefined, at: At) => {
  const p = rows?.[0];
  return p ? text(p.o, 'number', 40, { ...at, table: 'phones', row: p.row }) : null;
};

/** Rows of a table grouped by the value of one member. */
function groupBy(t: Table, key: string) {
  const m = new Map<unknown, { row: number; o: Obj }[]>();
  for (const r of t.rows) {
    const k = typeof r.o[key] === 'string' ? (r.o[key] as string).toLowerCase() : r.o[key];
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return m;
}

/** Ids must be unique within a table. */
function checkIds(t: Table, issues: Issues, serviceOf: (o: Obj) => unknown) {
  const first = new Map<string, number>();
  for (const { row, o } of t.rows) {
    const at = { table: t.name, row, service: serviceOf(o), issues };
    const id = uuid(
      o,
      'id',
      at,
      t.name === 'services' || t.name === 'organizations' || t.name === 'locations',
    );
    if (!id) continue;
    const seen = first.get(id);
    if (seen !== undefined)
      issues.add(
        t.name,
        row,
        'id',
        `同じ id が${seen}行目にもあります: ${id}`,
        `The same id is in row ${seen}: ${id}`,
        serviceOf(o),
      );
    else first.set(id, row);
  }
}

function readOrganization(
  o: Obj,
  row: number,
  phones: Map<unknown, { row: number; o: Obj }[]>,
  issues: Issues,
): HsdsOrganization | null {
  const at = { table: 'organizations', row, service: null, issues };
  const id = typeof o.id === 'string' ? o.id.toLowerCase() : null;
  const name = requiredText(o, 'name', 200, at);
  const description = text(o, 'description', 2000, at);
  const org = {
    kana: text(o, 'alternate_name', 200, at),
    email: email(o, 'email', at),
    website: url(o, 'website', at),
    phone: firstPhone(phones.get(id), at),
  };
  if (!id || !name) return null;
  // Our export gives the name as the description when there is none.
  return { hsdsId: id, name, description: description === name ? null : description, ...org };
}

type Index = {
  orgIds: Set<string>;
  locations: Map<unknown, { row: number; o: Obj }[]>;
  atLocations: Map<unknown, { row: number; o: Obj }[]>;
  schedules: Map<unknown, { row: number; o: Obj }[]>;
  areas: Map<unknown, { row: number; o: Obj }[]>;
  attributes: Map<unknown, { row: number; o: Obj }[]>;
  phones: Map<unknown, { row: number; o: Obj }[]>;
};

function readService(o: Obj, row: number, ix: Index, prefectureCode: string, issues: Issues): HsdsListing {
  const id = typeof o.id === 'string' && isUuidText(o.id) ? o.id.toLowerCase() : null;
  const at = { table: 'services', row, service: id ?? `#${row}`, issues };
  const organizationHsdsId = uuid(o, 'organization_id', at, true);
  if (organizationHsdsId && !ix.orgIds.has(organizationHsdsId))
    issues.add(
      'services',
      row,
      'organization_id',
      `法人（organization）がファイルにありません: ${organizationHsdsId}`,
      `The organization is not in the file: ${organizationHsdsId}`,
      at.service,
    );
  const status = o.status;
  if (status === undefined) invalid(at, 'status', '', HSDS_STATUSES.join(' / '), HSDS_STATUSES.join(' / '));
  else if (!(HSDS_STATUSES as readonly unknown[]).includes(status))
    invalid(at, 'status', status, HSDS_STATUSES.join(' / '), HSDS_STATUSES.join(' / '));
  const l: HsdsListing = {
    row,
    hsdsId: id,
    organizationHsdsId,
    name: requiredText(o, 'name', 200, at),
    kana: text(o, 'alternate_name', 200, at),
    type: 'other',
    status: STATUS_FROM_HSDS[status as keyof typeof STATUS_FROM_HSDS] ?? 'active',
    officeNumber: null,
    description: text(o, 'description', 4000, at),
    howToApply: text(o, 'application_process', 2000, at),
    eligibilityDescription: text(o, 'eligibility_description', 2000, at),
    feesDescription: text(o, 'fees_description', 1000, at),
    minAge: integer(o.minimum_age, 'minimum_age', 0, 120, at),
    maxAge: integer(o.maximum_age, 'maximum_age', 0, 120, at),
    capacity: null,
    vacancy: null,
    capacityUpdatedAt: null,
    transport: null,
    transportNote: null,
    bathing: null,
    bathingNote: null,
    disasterSupport: [],
    disasterNote: null,
    phone: firstPhone(ix.phones.get(id), at),
    email: email(o, 'email', at),
    website: url(o, 'url', at),
    schedules: [],
    careItems: [],
    areaCodes: [],
    assuredDate: date(o, 'assured_date', at),
    confirmedAt: null,
    location: null,
    ok: false,
  };
  if (l.minAge !== null && l.maxAge !== null && l.minAge > l.maxAge)
    invalid(at, 'minimum_age', `${l.minAge} > ${l.maxAge}`, '下限が上限を超えています', 'above maximum_age');
  const key = id ?? '';
  readAttributes(l, ix.attributes.get(key) ?? [], issues);

  const link = (ix.atLocations.get(key) ?? []).find((r) =>
    ix.locations.has(String(r.o.location_id).toLowerCase()),
  );
  const loc = link && ix.locations.get(String(link.o.location_id).toLowerCase())![0]!;
  if (!loc)
    issues.add(
      'services',
      row,
      'service_at_locations',
      '所在地（service_at_location と location）がありません。',
      'The service has no location (a service_at_location and its location).',
      at.service,
    );
  else l.location = readLocation(loc.o, loc.row, at.service, prefectureCode, issues);

  for (const { row: r, o: s } of ix.schedules.get(key) ?? []) {
    if (s.freq !== undefined && s.freq !== 'WEEKLY') continue; // monthly schedules have no place here
    const sat = { table: 'schedules', row: r, service: at.service, issues };
    const byday = weekdays(s.byday, sat);
    const opensAt = jstTime(s.opens_at, 'opens_at', s.timezone, sat);
    const closesAt = jstTime(s.closes_at, 'closes_at', s.timezone, sat);
    const note = text(s, 'description', 200, sat);
    if (byday) l.schedules.push({ byday, opensAt, closesAt, note });
  }
  if (l.schedules.length > 14) invalid(at, 'schedules', l.schedules.length, '14件まで', 'at most 14');

  const own = l.location?.municipalityCode;
  const codes = new Set<string>();
  for (const { row: r, o: a } of ix.areas.get(key) ?? []) {
    const aat = { table: 'service_areas', row: r, service: at.service, issues };
    const fromAttr = (ix.attributes.get(String(a.id).toLowerCase()) ?? [])
      .map((x) => x.o)
      .find((x) => x.link_type === LINK_TYPES.municipality)?.value;
    const code =
      typeof fromAttr === 'string'
        ? fromAttr
        : (a.extent_type === undefined || a.extent_type === 'text') &&
            typeof a.extent === 'string' &&
            /^\d{6}$/.test(a.extent)
          ? a.extent
          : null;
    if (code === null) continue; // an area drawn as a shape, or named only: not kept
    if (!municipalityOfPrefecture(code, prefectureCode))
      invalid(
        aat,
        'extent',
        code,
        findMunicipality(code) ? '他の都道府県の市区町村' : '市区町村コードが不明',
        findMunicipality(code) ? 'a municipality of another prefecture' : 'unknown municipality code',
      );
    else if (code !== own) codes.add(code);
  }
  l.areaCodes = [...codes].sort();
  if (l.areaCodes.length > 100) invalid(at, 'service_areas', l.areaCodes.length, '100件まで', 'at most 100');
  return l;
}

const fileIssue = (issues: Issues, ja: string, en: string) => issues.add('file', 0, null, ja, en);

/** Reads an HSDS document (parsed JSON) for import into `prefectureCode`'s directory. */
export function readHsds(doc: unknown, prefectureCode: string): HsdsFile {
  const issues = new Issues();
  const empty = { version: null, tables: [], organizations: new Map(), listings: [], issues };
  const t = readHsdsTables(doc);
  if (!t) {
    fileIssue(
      issues,
      'HSDS の JSON として読み取れません（services などの表がありません）。',
      'This is not HSDS JSON (there is no services table or other HSDS table).',
    );
    return empty;
  }
  if (t.version && !/^3(\.|$)/.test(t.version)) {
    fileIssue(
      issues,
      `HSDS 3 のファイルではありません（版: ${t.version}）。`,
      `This is not an HSDS 3 file (version ${t.version}).`,
    );
    return { ...empty, version: t.version };
  }
  const { tables } = t;
  const services = tables.services.rows;
  if (!services.length) fileIssue(issues, 'サービス（services）がありません。', 'The file has no services.');
  const serviceIdOf = (o: Obj) => (typeof o.id === 'string' ? o.id.toLowerCase() : null);
  checkIds(tables.services, issues, serviceIdOf);
  checkIds(tables.organizations, issues, () => null);
  checkIds(tables.locations, issues, () => null);

  const orgPhones = groupBy(tables.phones, 'organization_id');
  const organizations = new Map<string, HsdsOrganization>();
  for (const { row, o } of tables.organizations.rows) {
    const org = readOrganization(o, row, orgPhones, issues);
    if (org && !organizations.has(org.hsdsId)) organizations.set(org.hsdsId, org);
  }
  const ix: Index = {
    orgIds: new Set(organizations.keys()),
    locations: groupBy(tables.locations, 'id'),
    atLocations: groupBy(tables.service_at_locations, 'service_id'),
    schedules: groupBy(tables.schedules, 'service_id'),
    areas: groupBy(tables.service_areas, 'service_id'),
    attributes: groupBy(tables.attributes, 'link_id'),
    phones: groupBy(tables.phones, 'service_id'),
  };
  // An organization in error fails every service of it.
  const badOrgs = new Set(
    issues.list
      .filter((i) => i.column?.startsWith('organizations'))
      .map((i) => tables.organizations.rows[i.row - 1]?.o.id),
  );
  const listings = services.map(({ row, o }) => readService(o, row, ix, prefectureCode, issues));
  for (const l of listings) {
    if (
      l.organizationHsdsId &&
      [...badOrgs].some((b) => typeof b === 'string' && b.toLowerCase() === l.organizationHsdsId)
    )
      issues.services.add(l.hsdsId ?? `#${l.row}`);
    l.ok =
      !!l.hsdsId &&
      !issues.services.has(l.hsdsId) &&
      !issues.services.has(`#${l.row}`) &&
      !!l.location &&
      !!l.name;
  }
  return {
    version: t.version,
    tables: TABLE_NAMES.map((n) => ({ name: n, count: tables[n].rows.length })).filter((x) => x.count > 0),
    organizations,
    listings,
    issues,
  };
}
