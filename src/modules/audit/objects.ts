import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  censusRuns,
  censusSources,
  centres,
  children,
  consultations,
  consultationTeams,
  organisations,
  people,
  regions,
  registrations,
  resourceOrganizations,
  resourceServices,
  users,
} from '../../db/schema';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { auditPrefectureOf } from './policy';
import type { AuditEntryView } from './queries';

/**
 * What the audit screen shows for an id an entry names: the object's kind and its display name, or, for kinds
 * without a name (a consultation, a linkage run), the day it is known by. Only objects of the reader's
 * prefecture are named, children only within the reader's registry scope (`childScope`); any other id is
 * left out, and the screen shows a neutral label for it — never the id.
 */
export type AuditObject = { type: string; name: string | null; on: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most ids one page resolves (a search's entry can name hundreds of results). */
export const MAX_RESOLVED_IDS = 600;

/** Every id an entry names: its entity ids, then UUIDs anywhere in its detail. */
export function idsOf(e: Pick<AuditEntryView, 'entityIds' | 'detail'>): string[] {
  const out = new Set<string>(e.entityIds.filter((id) => UUID.test(id)));
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (UUID.test(v)) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(e.detail);
  return [...out];
}

type Lookup = {
  type: string;
  table: PgTable;
  id: PgColumn;
  prefecture: PgColumn;
  select: Record<string, PgColumn>;
  view: (row: Record<string, unknown>) => { name: string | null; on: string | null };
};

const named = (row: Record<string, unknown>) => ({ name: String(row.name), on: null });

const LOOKUPS: Lookup[] = [
  {
    type: 'user',
    table: users,
    id: users.id,
    prefecture: users.prefectureCode,
    select: { name: users.displayName },
    view: named,
  },
  {
    type: 'region',
    table: regions,
    id: regions.id,
    prefecture: regions.prefectureCode,
    select: { name: regions.name },
    view: named,
  },
  {
    type: 'centre',
    table: centres,
    id: centres.id,
    prefecture: centres.prefectureCode,
    select: { name: centres.name },
    view: named,
  },
  {
    type: 'organisation',
    table: organisations,
    id: organisations.id,
    prefecture: organisations.prefectureCode,
    select: { name: organisations.name },
    view: named,
  },
  {
    type: 'person',
    table: people,
    id: people.id,
    prefecture: people.prefectureCode,
    select: { family: people.familyName, given: people.givenName },
    view: (r) => ({ name: `${r.family} ${r.given}`, on: null }),
  },
  {
    type: 'consultation_team',
    table: consultationTeams,
    id: consultationTeams.id,
    prefecture: consultationTeams.prefectureCode,
    select: { name: consultationTeams.name },
    view: named,
  },
  {
    type: 'consultation',
    table: consultations,
    id: consultations.id,
    prefecture: consultations.prefectureCode,
    select: { openedOn: consultations.openedOn },
    view: (r) => ({ name: null, on: String(r.openedOn) }),
  },
  {
    type: 'registration',
    table: registrations,
    id: registrations.id,
    prefecture: registrations.prefectureCode,
    select: { receiptNo: registrations.receiptNo },
    view: (r) => ({ name: String(r.receiptNo), on: null }),
  },
  {
    type: 'resource_service',
    table: resourceServices,
    id: resourceServices.id,
    prefecture: resourceServices.prefectureCode,
    select: { name: resourceServices.name },
    view: named,
  },
  {
    type: 'resource_organization',
    table: resourceOrganizations,
    id: resourceOrganizations.id,
    prefecture: resourceOrganizations.prefectureCode,
    select: { name: resourceOrganizations.name },
    view: named,
  },
  {
    type: 'census_source',
    table: censusSources,
    id: censusSources.id,
    prefecture: censusSources.prefectureCode,
    select: { name: censusSources.name },
    view: named,
  },
  {
    type: 'census_run',
    table: censusRuns,
    id: censusRuns.id,
    prefecture: censusRuns.prefectureCode,
    select: { createdAt: censusRuns.createdAt },
    view: (r) => ({ name: null, on: (r.createdAt as Date).toISOString() }),
  },
];

/**
 * Names the objects the entries of one page speak of, as the reader may see them (see {@link AuditObject}).
 * One statement per kind of object, each limited to the reader's prefecture.
 */
export async function auditObjects(
  db: DbOrTx,
  actor: Actor,
  entries: Pick<AuditEntryView, 'entityIds' | 'detail'>[],
): Promise<Record<string, AuditObject>> {
  const pc = auditPrefectureOf(actor);
  const ids = [...new Set(entries.flatMap(idsOf))].slice(0, MAX_RESOLVED_IDS);
  const out: Record<string, AuditObject> = {};
  if (ids.length === 0) return out;
  const childRows = db
    .select({ id: children.id, family: children.familyName, given: children.givenName })
    .from(children)
    .where(and(inArray(children.id, ids), childScope(actor)));
  const [kids, ...rest] = await Promise.all([
    childRows,
    ...LOOKUPS.map((l) =>
      db
        .select({ id: l.id, ...l.select })
        .from(l.table)
        .where(and(inArray(l.id, ids), eq(l.prefecture, pc))),
    ),
  ]);
  for (const k of kids) out[k.id] = { type: 'child', name: `${k.family} ${k.given}`, on: null };
  rest.forEach((rows, i) => {
    const l = LOOKUPS[i]!;
    for (const row of rows as Record<string, unknown>[])
      out[String(row.id)] = { type: l.type, ...l.view(row) };
  });
  return out;
}
