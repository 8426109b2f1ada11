/**
 * Consent decides what municipal staff see; a move hands the record to the new municipality (and region),
 * notifies it, and leaves the old municipality a view of the history up to the move.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childResidences, children, notifications } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild } from '../../test/factories';
import { createChildVia, type RegistryWorld, registryWorld } from '../../test/registry-world';
import type { Actor } from '../access/actor';

let t: TestApp;
let w: RegistryWorld;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  today = isoDateInJapan(t.clock.now());
}, 60_000);
afterAll(() => t.close());

const SHARE = { purpose: 'share_municipality', method: 'paper', decidedOn: '2024-04-01' } as const;

async function listIds(client: TestClient) {
  const res = await client.get('/api/children?pageSize=100');
  expect(res.status).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id) as string[];
}

describe('consent', () => {
  it('shows a child to its municipality only while sharing is agreed', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(404);
    expect(await listIds(w.clients.fujisawa)).not.toContain(child.id);
    expect(await listIds(w.clients.centreStaff)).toContain(child.id);

    const granted = await w.clients.centreStaff.post(`/api/children/${child.id}/consents`, {
      version: 1,
      ...SHARE,
      granted: true,
    });
    expect(granted.status).toBe(201);
    expect(granted.body.consents).toMatchObject([
      { purpose: 'share_municipality', granted: true, withdrawnOn: null },
    ]);
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(200);
    expect(await listIds(w.clients.fujisawa)).toContain(child.id);

    // Other purposes do not open the record to the municipality.
    const consentId = granted.body.consents[0].id;
    const withdrawn = await w.clients.centreStaff.post(
      `/api/children/${child.id}/consents/${consentId}/withdraw`,
      {
        version: 2,
        withdrawnOn: today,
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consents[0].withdrawnOn).toBe(today);
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(404);
    const again = await w.clients.centreStaff.post(
      `/api/children/${child.id}/consents/${consentId}/withdraw`,
      {
        version: 3,
        withdrawnOn: today,
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('consent_not_active');

    await w.clients.centreStaff.post(`/api/children/${child.id}/consents`, {
      version: 3,
      purpose: 'disaster_planning',
      granted: true,
      decidedOn: today,
      method: 'verbal',
    });
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(404);

    const history = (await w.clients.centreStaff.get(`/api/children/${child.id}/history`)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'consents.record',
      'consents.withdraw',
      'consents.record',
      'create',
    ]);
  });

  it('takes the newest decision: a later refusal hides the child, a withdrawal never revives an older grant', async () => {
    const child = await makeChild(t.db.systemDb, '14', '142051'); // granted on 2024-04-01
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(200);
    const refused = await w.clients.centreStaff.post(`/api/children/${child.id}/consents`, {
      version: 1,
      ...SHARE,
      decidedOn: '2025-04-01',
      granted: false,
    });
    expect(refused.status).toBe(201);
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(404);
    const renewed = await w.clients.centreStaff.post(`/api/children/${child.id}/consents`, {
      version: 2,
      ...SHARE,
      decidedOn: '2025-10-01',
      granted: true,
    });
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(200);
    const newest = renewed.body.consents.find((c: { decidedOn: string }) => c.decidedOn === '2025-10-01');
    // Municipal staff may withdraw it themselves; the answer shows what they wrote, then the record closes.
    const res = await w.clients.fujisawa.post(`/api/children/${child.id}/consents/${newest.id}/withdraw`, {
      version: 3,
      withdrawnOn: today,
    });
    expect(res.status).toBe(200);
    expect(res.body.allowedActions).toEqual({ edit: false, manageConsents: false, move: false });
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).status).toBe(404);
  });

  it('counts the children withheld from a municipality for want of consent', async () => {
    const { withheldChildrenCount } = await import('./scope');
    const actor = (scope: Actor['scope']): Actor => ({
      userId: '00000000-0000-4000-8000-000000000000',
      email: 'x@example.jp',
      displayName: 'x',
      role: scope.kind === 'municipality' ? 'municipal_staff' : 'centre_staff',
      prefectureCode: '14',
      scope,
      locale: 'ja',
    });
    const chigasaki = actor({ kind: 'municipality', municipalityCode: '142077', division: null });
    const before = await withheldChildrenCount(t.db.systemDb, chigasaki);
    const listed = (await w.clients.chigasaki.get('/api/children')).body.total;
    await makeChild(t.db.systemDb, '14', '142077', { consent: false });
    await makeChild(t.db.systemDb, '14', '142077');
    expect(await withheldChildrenCount(t.db.systemDb, chigasaki)).toBe(before + 1);
    expect((await w.clients.chigasaki.get('/api/children')).body.total).toBe(listed + 1);
    expect(await withheldChildrenCount(t.db.systemDb, actor({ kind: 'prefecture' }))).toBe(0);
  });

  it('refuses a decision in the future or a withdrawal before the decision (400), changing nothing', async () => {
    const child = await makeChild(t.db.systemDb, '14', '142051');
    const future = await w.clients.centreStaff.post(`/api/children/${child.id}/consents`, {
      version: 1,
      ...SHARE,
      granted: true,
      decidedOn: '2999-01-01',
    });
    expect(future.status).toBe(400);
    const detail = (await w.clients.centreStaff.get(`/api/children/${child.id}`)).body;
    const early = await w.clients.centreStaff.post(
      `/api/children/${child.id}/consents/${detail.consents[0].id}/withdraw`,
      { version: 1, withdrawnOn: '2020-01-01' },
    );
    expect(early.status).toBe(400);
    expect(early.body.error.issues[0].path).toBe('withdrawnOn');
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.version).toBe(1);
  });
});

describe('moves', () => {
  it('hands the record to the new municipality and region, notifies it, and keeps the old view', async () => {
    const child = await createChildVia(w.clients.centreStaff, {
      consents: [{ ...SHARE, granted: true }],
    });
    const care = await w.clients.centreStaff.request('PUT', `/api/children/${child.id}/care-items`, {
      version: 1,
      items: [{ code: 'oxygen' }, { code: 'suction' }],
    });
    expect(care.body.careScore).toBe(16);
    expect(await listIds(w.clients.coordA)).toContain(child.id);

    const moved = await w.clients.fujisawa.post(`/api/children/${child.id}/move`, {
      version: 2,
      municipalityCode: '142034',
      address: '平塚市浅間町1-1',
      movedOn: today,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // The mover, staff of the old municipality, now has the former-residence view.
    expect(moved.body.access).toBe('former_residence');

    // After the move the centre changes the name and the care items: the old municipality sees neither.
    await w.clients.centreStaff.patch(`/api/children/${child.id}`, { version: 3, givenName: '改名' });
    await w.clients.centreStaff.request('PUT', `/api/children/${child.id}/care-items`, {
      version: 4,
      items: [{ code: 'ventilator', watch: 'high' }],
    });

    const full = (await w.clients.hiratsuka.get(`/api/children/${child.id}`)).body;
    expect(full).toMatchObject({
      access: 'full',
      municipalityCode: '142034',
      municipalityName: '平塚市',
      address: '平塚市浅間町1-1',
      givenName: '改名',
      careScore: 12,
      allowedActions: { edit: true, manageConsents: true, move: true },
    });
    expect(full.residences).toMatchObject([
      { municipalityCode: '142051', toDate: today },
      { municipalityCode: '142034', fromDate: today, toDate: null },
    ]);
    expect(await listIds(w.clients.hiratsuka)).toContain(child.id);
    expect(await listIds(w.clients.coordB)).toContain(child.id);
    expect(await listIds(w.clients.coordA)).not.toContain(child.id);
    expect((await w.clients.coordA.get(`/api/children/${child.id}`)).status).toBe(404);

    const former = await w.clients.fujisawa.get(`/api/children/${child.id}`);
    expect(former.status).toBe(200);
    expect(former.body).toMatchObject({
      access: 'former_residence',
      municipalityCode: '142051',
      givenName: '結衣',
      careScore: 16,
      careItems: [],
      guardians: [],
      consents: [],
      allowedActions: { edit: false, manageConsents: false, move: false },
      residences: [{ municipalityCode: '142051', toDate: today }],
    });
    expect(await listIds(w.clients.fujisawa)).not.toContain(child.id);
    const formerHistory = (await w.clients.fujisawa.get(`/api/children/${child.id}/history`)).body;
    expect(formerHistory.map((h: { action: string }) => h.action)).toEqual(['care_items', 'create']);
    const fullHistory = (await w.clients.hiratsuka.get(`/api/children/${child.id}/history`)).body;
    expect(fullHistory.map((h: { action: string }) => h.action)).toEqual([
      'care_items',
      'update',
      'move',
      'care_items',
      'create',
    ]);
    expect(fullHistory[2].changes).toMatchObject({
      municipalityCode: ['142051', '142034'],
      movedOn: [null, today],
    });
    // The old municipality may not write any more.
    const write = await w.clients.fujisawa.patch(`/api/children/${child.id}`, { version: 5, givenName: 'x' });
    expect(write.status).toBe(403);

    // The new municipality is told, without the child's name; the old one and the neighbours are not.
    const inbox = await w.clients.hiratsuka.get('/api/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    const note = inbox.body.items[0];
    expect(note).toMatchObject({
      kind: 'child_moved_in',
      entityType: 'child',
      entityId: child.id,
      readAt: null,
    });
    expect(note.titleJa).toContain('藤沢市');
    expect(`${note.titleJa}${note.titleEn}`).not.toContain('結衣');
    expect((await w.clients.fujisawa.get('/api/notifications')).body.items).toEqual([]);
    expect((await w.clients.chigasaki.get('/api/notifications')).body.items).toEqual([]);
    expect((await w.clients.fujisawa.post(`/api/notifications/${note.id}/read`)).status).toBe(404);
    const read = await w.clients.hiratsuka.post(`/api/notifications/${note.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await w.clients.hiratsuka.get('/api/notifications')).body.unread).toBe(0);
  });

  it('does not link the record in the notice when the new municipality may not see it', async () => {
    const child = await createChildVia(w.clients.centreStaff, { municipalityCode: '142077' });
    const moved = await w.clients.centreStaff.post(`/api/children/${child.id}/move`, {
      version: 1,
      municipalityCode: '142034',
      movedOn: today,
    });
    expect(moved.status).toBe(200);
    const rows = await t.db.systemDb
      .select()
      .from(notifications)
      .where(eq(notifications.recipientMunicipalityCode, '142034'));
    const notice = rows.find(
      (n) => (n.data as { fromMunicipalityCode?: string }).fromMunicipalityCode === '142077',
    );
    expect(notice).toMatchObject({ entityId: null, entityType: null });
    expect((await w.clients.hiratsuka.get(`/api/children/${child.id}`)).status).toBe(404);
  });

  it('keeps a record moving out of the prefecture here, as moved out, with the destination in the history', async () => {
    const child = await makeChild(t.db.systemDb, '14', '142051', {
      createdAt: new Date('2024-01-01T00:00:00Z'),
    });
    const res = await w.clients.centreStaff.post(`/api/children/${child.id}/move`, {
      version: 1,
      municipalityCode: '431001',
      movedOn: '2026-01-15',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'moved_out',
      statusSince: '2026-01-15',
      municipalityCode: '142051',
    });
    expect(res.body.residences).toMatchObject([
      { municipalityCode: '142051', fromDate: '2024-01-01', toDate: '2026-01-15' },
    ]);
    const history = (await w.clients.centreStaff.get(`/api/children/${child.id}/history`)).body;
    expect(history[0]).toMatchObject({
      action: 'move_out',
      changes: {
        status: ['at_home', 'moved_out'],
        destination: [null, { municipalityCode: '431001', prefectureCode: '43' }],
      },
    });
    expect((await w.clients.kumamoto.get(`/api/children/${child.id}`)).status).toBe(404);
    expect((await w.clients.kumamoto.get('/api/notifications')).body.items).toEqual([]);
    // Still the old municipality's record (with its status).
    expect((await w.clients.fujisawa.get(`/api/children/${child.id}`)).body.access).toBe('full');
  });

  it('refuses bad moves with 400 and changes nothing', async () => {
    const child = await makeChild(t.db.systemDb, '14', '142051');
    for (const body of [
      { version: 1, municipalityCode: '142050', movedOn: today },
      { version: 1, municipalityCode: '142051', movedOn: today },
      { version: 1, municipalityCode: '142034', movedOn: '2999-01-01' },
      { version: 1, municipalityCode: '142034', movedOn: '2010-01-01' },
      { version: 1, municipalityCode: '142034' },
    ]) {
      const res = await w.clients.centreStaff.post(`/api/children/${child.id}/move`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.ja && res.body.error.en).toBeTruthy();
    }
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row).toMatchObject({ version: 1, municipalityCode: '142051' });
    expect(
      await t.db.systemDb.select().from(childResidences).where(eq(childResidences.childId, child.id)),
    ).toEqual([]);
  });
});
