/**
 * Reading an HSDS 3.0 document (decision 0013), pure: the tables of our export (`organizations`, `services`,
 * `locations`, `service_at_locations`, `schedules`, `service_areas`, `attributes`, `taxonomy_terms` as arrays),
 * or services as the HSDS API gives them — an array, or a page's `contents` — with their objects nested
 * (`organization`, `phones`, `schedules`, `service_areas`, `service_at_locations[].location`, `attributes`).
 * Nested objects are lifted into the tables with the parent's id filled in; null is read as absent.
 */

export type Obj = Record<string, unknown>;

/** One table's objects with their 1-based position in it (how issues name a row). */
export type Table = { name: string; rows: { row: number; o: Obj }[] };

export const TABLE_NAMES = [
  'organizations',
  'services',
  'locations',
  'service_at_locations',
  'schedules',
  'service_areas',
  'attributes',
  'phones',
  'taxonomy_terms',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type HsdsTables = { version: string | null; tables: Record<TableName, Table> };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object without its null members (HSDS leaves absent values out; many publishers write null). */
function clean(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj).map(clean) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads the document into tables; null when it is neither an HSDS object nor an array of services. */
export function readHsdsTables(doc: unknown): HsdsTables | null {
  let root: Obj;
  if (Array.isArray(doc)) root = { services: doc };
  else if (isObj(doc))
    root = Array.isArray(doc.contents) && !doc.services ? { ...doc, services: doc.contents } : doc;
  else return null;
  if (!TABLE_NAMES.some((t) => Array.isArray(root[t]))) return null;

  const acc = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Obj[]])) as Record<TableName, Obj[]>;
  for (const t of TABLE_NAMES) acc[t].push(...list(root[t]));
  const lift = (table: TableName, items: unknown, parent: Obj) => {
    for (const o of list(items)) acc[table].push({ ...parent, ...o });
  };
  const liftAttributes = (items: unknown, linkId: unknown, entity: string) => {
    for (const a of list(items)) {
      acc.attributes.push({ link_id: linkId, link_entity: entity, ...a });
      if (isObj(a.taxonomy_term)) acc.taxonomy_terms.push(clean(a.taxonomy_term));
    }
  };
  const liftLocation = (l: Obj) => {
    acc.locations.push(l);
    liftAttributes(l.attributes, l.id, 'location');
  };

  for (const o of [...acc.organizations]) {
    lift('phones', o.phones, { organization_id: o.id });
    for (const l of list(o.locations)) liftLocation({ organization_id: o.id, ...l });
  }
  for (const s of [...acc.services]) {
    if (isObj(s.organization)) {
      const org = clean(s.organization);
      acc.organizations.push(org);
      lift('phones', org.phones, { organization_id: org.id });
      if (s.organization_id === undefined) s.organization_id = org.id;
    }
    lift('phones', s.phones, { service_id: s.id });
    lift('schedules', s.schedules, { service_id: s.id });
    for (const a of list(s.service_areas)) {
      acc.service_areas.push({ service_id: s.id, ...a });
      liftAttributes(a.attributes, a.id, 'service_area');
    }
    liftAttributes(s.attributes, s.id, 'service');
    for (const sal of list(s.service_at_locations)) {
      const loc = isObj(sal.location) ? clean(sal.location) : null;
      if (loc) liftLocation(loc);
      acc.service_at_locations.push({ service_id: s.id, location_id: loc?.id, ...sal });
      lift('schedules', sal.schedules, { service_id: s.id });
    }
  }
  // Organizations and locations may come both nested and as a table: keep the first of each id.
  for (const t of ['organizations', 'locations', 'taxonomy_terms'] as const) {
    const seen = new Set<unknown>();
    acc[t] = acc[t].filter((o) => {
      if (o.id !== undefined && seen.has(o.id)) return false;
      seen.add(o.id);
      return true;
    });
  }
  for (const s of acc.services) {
    for (const k of [
      'organization',
      'phones',
      'schedules',
      'service_areas',
      'attributes',
      'service_at_locations',
    ])
      delete s[k];
  }

  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, { name: t, rows: acc[t].map((o, i) => ({ row: i + 1, o })) }]),
  ) as Record<TableName, Table>;
  const version = isObj(doc) ? (str(doc.hsds_version) ?? str(doc.version) ?? null) : null;
  return { version, tables };
}
