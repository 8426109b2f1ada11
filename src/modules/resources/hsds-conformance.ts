import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Checks an HSDS export against the official HSDS 3.0 JSON Schemas kept in standards/hsds-3.0/ (Open Referral,
 * CC BY-SA 4.0): every row of every table, plus what the schemas leave to the tabular form — the fields listed
 * as `tabular_required`, members the schema does not define, and references between tables. For tests
 * (Ajv is a development dependency).
 */

const DIR = fileURLToPath(new URL('../../../standards/hsds-3.0/', import.meta.url));
const BASE = 'https://openreferral.org/hsds/3.0/';

/** Our export's tables → the schema of one row. */
export const TABLE_SCHEMAS = {
  organizations: 'organization.json',
  services: 'service.json',
  locations: 'location.json',
  service_at_locations: 'service_at_location.json',
  schedules: 'schedule.json',
  service_areas: 'service_area.json',
  attributes: 'attribute.json',
  taxonomies: 'taxonomy.json',
  taxonomy_terms: 'taxonomy_term.json',
} as const;

type JsonSchema = {
  properties: Record<string, { $ref?: string; items?: { $ref?: string } }>;
  tabular_required?: string[];
};

function load() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = new Map<string, JsonSchema>();
  for (const f of readdirSync(DIR).filter((x) => x.endsWith('.json') && x !== 'openapi.json')) {
    const s = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
    schemas.set(f, s);
    ajv.addSchema({ ...s, $id: `${BASE}${f}` });
  }
  return { ajv, schemas };
}

let loaded: ReturnType<typeof load> | null = null;

export type Failure = { table: string; row: number; id: unknown; error: string };

/** Every failing row with its error (empty: the export conforms). */
export function hsdsFailures(doc: Record<string, unknown>): Failure[] {
  loaded ??= load();
  const { ajv, schemas } = loaded;
  const out: Failure[] = [];
  const ids = new Map<string, Set<unknown>>();
  for (const [table, file] of Object.entries(TABLE_SCHEMAS)) {
    const rows = doc[table];
    if (!Array.isArray(rows)) {
      out.push({ table, row: 0, id: null, error: 'the table is missing' });
      continue;
    }
    const validate = ajv.getSchema(`${BASE}${file}`)!;
    const schema = schemas.get(file)!;
    const seen = new Set<unknown>();
    rows.forEach((r: Record<string, unknown>, i) => {
      const fail = (error: string) => out.push({ table, row: i + 1, id: r.id, error });
      if (!validate(r)) fail(ajv.errorsText(validate.errors));
      for (const k of schema.tabular_required ?? []) if (r[k] === undefined) fail(`${k} is required`);
      for (const k of Object.keys(r)) if (!(k in schema.properties)) fail(`${k} is not an HSDS field`);
      if (seen.has(r.id)) fail(`id ${String(r.id)} repeated`);
      seen.add(r.id);
    });
    ids.set(table, seen);
  }
  const refs: [string, string, string][] = [
    ['services', 'organization_id', 'organizations'],
    ['locations', 'organization_id', 'organizations'],
    ['service_at_locations', 'service_id', 'services'],
    ['service_at_locations', 'location_id', 'locations'],
    ['schedules', 'service_id', 'services'],
    ['service_areas', 'service_id', 'services'],
    ['attributes', 'taxonomy_term_id', 'taxonomy_terms'],
    ['taxonomy_terms', 'taxonomy_id', 'taxonomies'],
  ];
  for (const [table, key, target] of refs) {
    (doc[table] as Record<string, unknown>[] | undefined)?.forEach((r, i) => {
      if (r[key] !== undefined && !ids.get(target)?.has(r[key]))
        out.push({ table, row: i + 1, id: r.id, error: `${key} ${String(r[key])} is not in ${target}` });
    });
  }
  (doc.attributes as Record<string, unknown>[] | undefined)?.forEach((r, i) => {
    const target = r.link_entity === 'service_area' ? 'service_areas' : `${String(r.link_entity)}s`;
    if (!ids.get(target)?.has(r.link_id))
      out.push({ table: 'attributes', row: i + 1, id: r.id, error: `link_id is not in ${target}` });
  });
  return out;
}
