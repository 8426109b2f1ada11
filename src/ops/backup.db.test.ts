import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../db/client';
import { people } from '../db/schema';
import { generateResources } from '../demo/resources';
import { resolveActor } from '../modules/access/resolve-actor';
import { createSession } from '../modules/accounts/sessions';
import { hitRateLimit } from '../modules/accounts/throttle';
import { issueToken } from '../modules/accounts/tokens';
import { recordAudit } from '../modules/audit/record';
import { verifyAuditChain } from '../modules/audit/verify';
import { testConfig } from '../server/config';
import type { Deps } from '../server/context';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import {
  generateTotpSecret,
  makeCentre,
  makeChild,
  makeOrganisation,
  makePrefecture,
  makeRegion,
  makeUser,
} from '../test/factories';
import { BackupError, backupDatabase, restoreDatabase, writeBackup } from './backup';
import { applicationTables } from './tables';

let source: Omit<Deps, 'jobs'>;
let backup: Buffer;
const spares: Database[] = [];

/** A fresh migrated database, closed after the file. */
async function freshDatabase(): Promise<Database> {
  const db = await createTestDatabase();
  spares.push(db);
  return db;
}

/** Every row of a table in PostgreSQL's own text form (full timestamp precision), sorted. */
async function tableRows(db: Database, table: string): Promise<string[]> {
  return rowsOf<{ r: string }>(
    await db.systemDb.execute(sql`select _row::text as r from ${sql.identifier(table)} _row order by 1`),
  ).map((x) => x.r);
}

async function rejection(p: Promise<unknown>): Promise<BackupError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BackupError) return e;
    throw e;
  }
  throw new Error('expected a BackupError');
}

beforeAll(async () => {
  const now = new Date('2026-11-26T00:30:00.123Z');
  source = {
    db: await createTestDatabase(),
    config: testConfig(),
    log: createLogger('silent'),
    now: () => now,
  };
  const db = source.db.systemDb;
  await makePrefecture(db, '43');
  await makePrefecture(db, '14');
  const region = await makeRegion(db, '43', '熊本・上益城圏域', ['431001', '432024']);
  const hq = await makeCentre(db, '43', { name: '熊本県医療的ケア児支援センター' });
  const branch = await makeCentre(db, '43', { kind: 'branch', parentId: hq.id, regionIds: [region.id] });
  const org = await makeOrganisation(db, '43', { name: 'デイサービスひまわり', municipalityCode: '431001' });
  await db
    .insert(people)
    .values({ prefectureCode: '43', organisationId: org.id, familyName: '佐藤', givenName: '花子' });
  await makeChild(db, '43', '431001', { organisationId: org.id, careScore: 16 });
  await makeChild(db, '43', '432024', { status: 'in_hospital' });
  const secret = generateTotpSecret();
  const staff = await makeUser(db, 'centre_staff', { centreId: branch.id, totpSecret: secret });
  const municipal = await makeUser(db, 'municipal_staff', {
    municipalityCode: '431001',
    division: 'childcare',
  });
  await makeUser(db, 'centre_admin', { prefectureCode: '14' });
  const meta = { ip: '2001:db8::1', userAgent: 'vitest', requestId: 'req-backup' };
  for (const u of [staff, municipal]) {
    await createSession(source, db, u.id, { secondFactorDone: true, ip: meta.ip, userAgent: meta.userAgent });
    await hitRateLimit(db, `sign-in:ip:${meta.ip}`, { limit: 30, windowMs: 900_000, now });
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, meta, at: now },
        { action: 'sign_in', entityType: 'user', entityIds: [u.id] },
      ),
    );
  }
  await issueToken(db, municipal.id, 'password_reset', { createdBy: staff.id, now });
  await generateResources(db, { seed: 3, prefectureCodes: ['43'], perPrefecture: 6, now });
  await db.execute(
    sql`update resource_services set status = 'inactive' where id = (select id from resource_services order by id limit 1)`,
  );
  const actor = await resolveActor(db, staff);
  await db.transaction(async (tx) => {
    for (const detail of [{ query: 'ヤマダ', n: 1.5 }, { nested: { a: [1, 'b', null] } }, {}]) {
      await recordAudit(
        tx,
        { actor, meta, at: new Date() },
        { action: 'search', entityType: 'child', entityIds: ['x', 'y'], detail },
      );
    }
  });
  backup = await backupDatabase(source.db, { now: new Date('2026-11-26T01:00:00Z') });
});
afterAll(async () => {
  for (const db of spares) await db.close();
  await source.db.close();
});

describe('backup and restore', () => {
  it('writes a gzip of JSON lines: header, rows in foreign-key order, trailer', () => {
    const lines = gunzipSync(backup).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({
      format: 'tsunagu-backup',
      version: 1,
      createdAt: '2026-11-26T01:00:00.000Z',
      migrations: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), tag: expect.any(String) },
    });
    const order: string[] = header.tables;
    expect(order.indexOf('prefectures')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('centres')).toBeLessThan(order.indexOf('centre_regions'));
    expect(order.indexOf('children')).toBeLessThan(order.indexOf('child_affiliations'));
    const trailer = JSON.parse(lines.at(-1)!);
    expect(trailer.end).toBe(true);
    expect(trailer.counts.audit_log).toBeGreaterThanOrEqual(5);
    expect(lines.length).toBe(
      2 + Object.values(trailer.counts as Record<string, number>).reduce((a, b) => a + b, 0),
    );
  });

  it('pages through tables by primary key, composite keys included, without losing or repeating rows', async () => {
    const small = await backupDatabase(source.db, { now: new Date('2026-11-26T01:00:00Z'), batchSize: 2 });
    expect(gunzipSync(small).toString('utf8')).toBe(gunzipSync(backup).toString('utf8'));
  });

  it('restores into a fresh database row for row, with the audit chain intact', async () => {
    const target = await freshDatabase();
    const result = await restoreDatabase(target, backup);
    expect(result.audit.ok).toBe(true);
    for (const { name } of applicationTables()) {
      expect({ name, rows: await tableRows(target, name) }).toEqual({
        name,
        rows: await tableRows(source.db, name),
      });
    }
    expect(await verifyAuditChain(target.systemDb)).toEqual(await verifyAuditChain(source.db.systemDb));
    // Derived tables are not in the backup; their triggers rebuild them as the source rows come back.
    expect(JSON.parse(gunzipSync(backup).toString('utf8').split('\n')[0]!).tables).not.toContain(
      'resource_search',
    );
    const searchRows = await tableRows(target, 'resource_search');
    expect(searchRows.length).toBeGreaterThan(0);
    expect(searchRows).toEqual(await tableRows(source.db, 'resource_search'));

    // New entries continue the chain after the restored ids.
    const [max] = rowsOf<{ id: string | number }>(
      await target.systemDb.execute(sql`select max(id) as id from audit_log`),
    );
    await target.systemDb.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, meta: null, at: new Date() },
        { action: 'configure', entityType: 'system', entityIds: [] },
      ),
    );
    const [next] = rowsOf<{ id: string | number }>(
      await target.systemDb.execute(sql`select max(id) as id from audit_log`),
    );
    expect(Number(next!.id)).toBe(Number(max!.id) + 1);
    expect((await verifyAuditChain(target.systemDb)).ok).toBe(true);

    // A second restore into the now populated database is refused and changes nothing.
    const before = await tableRows(target, 'audit_log');
    const refused = await rejection(restoreDatabase(target, backup));
    expect(refused.code).toBe('not_empty');
    expect(refused.message).toMatch(/空のデータベース.*empty database/);
    expect(await tableRows(target, 'audit_log')).toEqual(before);
  });

  it('refuses a backup of another migration', async () => {
    const lines = gunzipSync(backup).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    header.migrations.hash = 'f'.repeat(64);
    lines[0] = JSON.stringify(header);
    const other = gzipSync(Buffer.from(lines.join('\n')));
    expect((await rejection(restoreDatabase(await freshDatabase(), other))).code).toBe('migration_mismatch');
  });

  it('refuses a cut-short file and leaves the target empty', async () => {
    const lines = gunzipSync(backup).toString('utf8').trimEnd().split('\n');
    const cut = gzipSync(Buffer.from(`${lines.slice(0, -1).join('\n')}\n`));
    const target = await freshDatabase();
    expect((await rejection(restoreDatabase(target, cut))).code).toBe('truncated');
    for (const table of ['prefectures', 'users', 'audit_log'])
      expect(await tableRows(target, table)).toEqual([]);
    // The same database then takes the whole file.
    expect((await restoreDatabase(target, backup)).audit.ok).toBe(true);
  });

  it('stops with the destination’s error when the destination fails, writing nothing more', async () => {
    let writes = 0;
    const failing = new Writable({
      write(_chunk, _enc, done) {
        writes++;
        done(new Error('disk full'));
      },
    });
    await expect(writeBackup(source.db, failing)).rejects.toThrow('disk full');
    expect(writes).toBe(1);
  });

  it('refuses a file that is not a backup', async () => {
    const target = await freshDatabase();
    expect((await rejection(restoreDatabase(target, Buffer.from('hello')))).code).toBe('bad_format');
    expect((await rejection(restoreDatabase(target, gzipSync(Buffer.from('{"format":"x"}\n'))))).code).toBe(
      'bad_format',
    );
  });
});
