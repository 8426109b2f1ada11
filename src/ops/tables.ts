import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';

/** One application table as backup and restore see it. */
export type AppTable = {
  name: string;
  /** Primary-key columns (database names), for a stable order and keyset paging; empty when there is none. */
  primaryKey: string[];
  /** Tables this one references (foreign keys), excluding itself. */
  references: string[];
  /** Whether a row holds stored bytes (a `bytea` column: file parts of up to 1 MB), read a few rows at a time. */
  holdsBytes: boolean;
};

/**
 * Reference data that `migrate` loads into every database: restore keeps the target's rows and adds only
 * rows it lacks (e.g. a municipality merged away since, still named by old records).
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set(['municipalities']);

/**
 * Derived tables, kept in step with their source by database triggers (so a restore rebuilds them as it
 * inserts the source rows): neither backed up nor restored.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['resource_search']);

/**
 * Every table declared in src/db/schema except the derived ones, parents before children (foreign-key-safe insert order), ties by
 * name. Read from the schema so a table added later is backed up without touching this file.
 */
export function applicationTables(): AppTable[] {
  const byName = new Map<string, AppTable>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const cfg = getTableConfig(value);
    if (DERIVED_TABLES.has(cfg.name)) continue;
    const composite = cfg.primaryKeys[0]?.columns.map((c) => c.name);
    const primaryKey = composite ?? cfg.columns.filter((c) => c.primary).map((c) => c.name);
    const references = cfg.foreignKeys
      .map((fk) => getTableConfig(fk.reference().foreignTable).name)
      .filter((n) => n !== cfg.name);
    const holdsBytes = cfg.columns.some((c) => c.getSQLType() === 'bytea');
    byName.set(cfg.name, { name: cfg.name, primaryKey, references: [...new Set(references)], holdsBytes });
  }
  return topologicalOrder(byName);
}

function topologicalOrder(tables: Map<string, AppTable>): AppTable[] {
  const done = new Set<string>();
  const out: AppTable[] = [];
  const pending = [...tables.keys()].sort();
  while (pending.length) {
    const i = pending.findIndex((n) => tables.get(n)!.references.every((r) => done.has(r) || !tables.has(r)));
    if (i < 0) throw new Error(`foreign keys form a cycle among: ${pending.join(', ')}`);
    const [name] = pending.splice(i, 1);
    done.add(name!);
    out.push(tables.get(name!)!);
  }
  return out;
}
