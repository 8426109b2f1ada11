import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';
import { places } from '../db/schema/places';
import { DEMO_PLACES_CSV } from '../demo/places';
import { testConfig } from '../server/config';
import { createTestDatabase } from '../test/db';
import type { CliContext } from './io';
import { runCli } from './run';

let db: Database;
let dir: string;
const now = new Date('2026-12-01T03:00:00Z');

function context() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: {},
    now: () => now,
    loadConfig: () => testConfig(),
    openDb: async () => ({ ...db, close: async () => {} }),
    promptHidden: async () => null,
  };
  return { ctx, out, err };
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-places-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tsunagu places import', () => {
  it('imports a file once, audited; the same file again changes nothing; a bad row refuses the file', async () => {
    const file = join(dir, 'stations.csv');
    writeFileSync(file, DEMO_PLACES_CSV);
    const first = context();
    expect(await runCli(['places', 'import', file], first.ctx)).toBe(0);
    expect(first.out.join('\n')).toContain('追加 26');
    const rows = await db.systemDb.select().from(places);
    expect(rows.length).toBe(26);
    const again = context();
    expect(await runCli(['places', 'import', file], again.ctx)).toBe(0);
    expect(again.out.join('\n')).toContain('変更なし 26');
    expect((await db.systemDb.select().from(places)).map((r) => r.updatedAt.getTime())).toEqual(
      rows.map((r) => r.updatedAt.getTime()),
    );
    const audits = await db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'resource_import'));
    expect(audits.map((a) => (a.detail as { event: string }).event)).toEqual([
      'places_imported',
      'places_imported',
    ]);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,kind,municipality_code,lat,lon\n新駅,station,999999,35,139\n');
    const refused = context();
    expect(await runCli(['places', 'import', bad], refused.ctx)).toBe(1);
    expect(refused.err.join('\n')).toContain('999999');
    expect((await db.systemDb.select().from(places)).length).toBe(26);
  });
});
