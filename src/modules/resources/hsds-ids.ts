import { createHash } from 'node:crypto';

/**
 * Stable HSDS identifiers (decision 0013). HSDS 3.0 wants every id to be a UUID; ours are UUIDs too, but a
 * sub-object (a phone, a schedule, a care-item attribute) has no row of its own. Every id we publish is a
 * name-based UUID (RFC 9562 version 5, SHA-1) in {@link HSDS_NAMESPACE}, so a re-export gives the same ids
 * and a consumer can update instead of duplicating. Pure: no database.
 */

/** Tsunagu's own UUID namespace for HSDS ids. Never change it: every published id depends on it. */
export const HSDS_NAMESPACE = '9e27152b-af78-4956-b5be-9b2fe708324e';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical 8-4-4-4-12 form (any version). */
export function isUuidText(s: string): boolean {
  return UUID_RE.test(s);
}

/** UUID version 5 of `name` (UTF-8) in `namespace` (RFC 9562 §5.5). */
export function uuidV5(name: string, namespace: string): string {
  if (!isUuidText(namespace)) throw new Error(`not a UUID namespace: ${namespace}`);
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const v5 = (name: string) => uuidV5(name, HSDS_NAMESPACE);

/** The kinds of our rows that have an HSDS id of their own (kept when a record came from an HSDS import). */
export type HsdsEntity = 'organization' | 'service' | 'location';

/** The HSDS id of one of our rows: the one it was imported with, else derived from our id. */
export function hsdsIdOf(entity: HsdsEntity, row: { id: string; hsdsId?: string | null }): string {
  return row.hsdsId ?? v5(`${entity}/${row.id.toLowerCase()}`);
}

/**
 * The id of a sub-object, derived from its parent's HSDS id and a stable path — `phone`, `schedule/0`,
 * `care-item/suction`, `area/142051` — so it follows the parent through an export, an import and a re-export.
 */
export function childId(parentHsdsId: string, path: string): string {
  return v5(`${parentHsdsId.toLowerCase()}/${path}`);
}

/** Ids of our taxonomies and their terms (the same in every deployment). */
export function taxonomyId(taxonomy: string): string {
  return v5(`taxonomy/${taxonomy}`);
}

export function termId(taxonomy: string, code: string): string {
  return v5(`taxonomy/${taxonomy}/term/${code}`);
}
