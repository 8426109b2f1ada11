import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, childConsents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeChild, makePrefecture, makeRegion, makeUser } from '../../test/factories';
import { signedInUser, signInAs } from '../../test/sign-in';
import { HOME_FIGURES_TTL_MS } from './figures-cache';

// Kept home figures (figures-cache.ts): each scope has its own, none is served to another, and a change
// shows once the kept figures are older than the time to live. Prefecture 14 (神奈川県).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-12-06T05:05:00Z'); // 14:05 in Japan
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(() => t.close());

const total = (body: { children: { total: number } | null }) => body.children?.total;

describe('home figures kept per scope', () => {
  it('gives users of different municipalities their own figures, and a change after the time to live', async () => {
    const db = t.db.systemDb;
    await makeChild(db, '14', '142051'); // 藤沢市
    await makeChild(db, '14', '142051');
    await makeChild(db, '14', '142077'); // 茅ヶ崎市
    const fujisawa = await signInAs(
      t,
      await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }),
    );
    const chigasaki = await signInAs(
      t,
      await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142077' }),
    );
    const first = await fujisawa.get('/api/home/figures');
    expect(first.status).toBe(200);
    expect(total(first.body)).toBe(2);
    expect(first.body.asOf).toBe(t.clock.now().toISOString());
    const other = await chigasaki.get('/api/home/figures');
    expect(total(other.body)).toBe(1);
    expect(other.body.scope.municipalityName).toBe('茅ヶ崎市');

    // A new child and a withdrawn consent: the kept figures stay until they are a minute old.
    t.clock.advance(10_000);
    await makeChild(db, '14', '142051');
    const withdrawn = await makeChild(db, '14', '142051');
    await db.insert(childConsents).values({
      childId: withdrawn.id,
      purpose: 'share_municipality',
      granted: false,
      decidedOn: '2026-12-01',
      method: 'paper',
    });
    const kept = await fujisawa.get('/api/home/figures');
    expect(total(kept.body)).toBe(2);
    expect(kept.body.asOf).toBe(first.body.asOf);

    t.clock.advance(HOME_FIGURES_TTL_MS);
    const fresh = await fujisawa.get('/api/home/figures');
    expect(total(fresh.body)).toBe(3); // the new child; the one whose guardian withdrew stays hidden
    expect(fresh.body.asOf).toBe(t.clock.now().toISOString());
    expect(fresh.body.asOf).not.toBe(first.body.asOf);
  });

  it('gives users of different regions their own figures, and the prefecture its own', async () => {
    const db = t.db.systemDb;
    const east = await makeRegion(db, '14', '湘南東', ['142051']);
    const west = await makeRegion(db, '14', '湘南西', ['142077']);
    const e = await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id });
    const w = await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: west.id });
    const p = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
    const [eb, wb, pb] = [
      (await e.client.get('/api/home/figures')).body,
      (await w.client.get('/api/home/figures')).body,
      (await p.client.get('/api/home/figures')).body,
    ];
    expect(eb.children.byMunicipality.map((m: { code: string }) => m.code)).toEqual(['142051']);
    expect(wb.children.byMunicipality.map((m: { code: string }) => m.code)).toEqual(['142077']);
    expect(eb.scope.regionNames).toEqual(['湘南東']);
    expect(wb.scope.regionNames).toEqual(['湘南西']);
    expect(total(eb)).toBe(4); // every child of 藤沢市, withheld from the municipality or not
    expect(total(wb)).toBe(1);
    expect(total(pb)).toBe(5);
  });

  it('serves a second user of the same scope the kept figures, and records every read', async () => {
    const db = t.db.systemDb;
    await makeChild(db, '14', '142131'); // 厚木市
    const a = await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142131' });
    const b = await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142131' });
    const ca = await signInAs(t, a);
    const cb = await signInAs(t, b);
    const ra = await ca.get('/api/home/figures');
    t.clock.advance(1_000);
    await makeChild(db, '14', '142131');
    const rb = await cb.get('/api/home/figures');
    expect(total(rb.body)).toBe(1);
    expect(rb.body.asOf).toBe(ra.body.asOf);
    for (const u of [a, b]) {
      const reads = await db
        .select({ detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.actorUserId, u.id), eq(auditLog.entityType, 'child_figures')));
      expect(reads).toEqual([{ detail: { total: 1, asOf: ra.body.asOf } }]);
    }
  });
});
