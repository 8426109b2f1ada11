import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { type ConsultationWorld, childWithConsents, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

async function sharedWithRegion(childId: string) {
  const c = await intake(w.users.fujisawa.client, { child: { kind: 'registered', childId } });
  const b = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
    kind: 'backup',
    to: { tier: 'region', regionId: w.regionA.id },
  });
  await w.users.coordA.client.post(`/api/consultations/${c.id}/handoffs/${b.body.handoffs[0].id}/accept`, {});
  return c;
}

describe('consent and child details', () => {
  it('the team that took the case in sees the child', async () => {
    const child = await childWithConsents(t, { centreContact: false, familyName: '鈴木' });
    const c = await intake(w.users.fujisawa.client, { child: { kind: 'registered', childId: child.id } });
    expect(c.child).toMatchObject({ kind: 'registered', childId: child.id, detailsHidden: false });
    expect((c.child as { name: string }).name).toContain('鈴木');
  });

  it('without centre_contact consent the region sees the case but not the child', async () => {
    // Another child's consent must not count for this one.
    await childWithConsents(t, { centreContact: true });
    const child = await childWithConsents(t, { centreContact: false });
    const c = await sharedWithRegion(child.id);
    const page = await w.users.coordA.client.get(`/api/consultations/${c.id}`);
    expect(page.status).toBe(200);
    expect(page.body.child).toEqual({
      kind: 'registered',
      childId: null,
      name: null,
      kana: null,
      birthDate: null,
      description: null,
      detailsHidden: true,
    });
    expect(JSON.stringify(page.body)).not.toContain(child.id);
  });

  it('with centre_contact consent the region sees the child', async () => {
    const child = await childWithConsents(t, { centreContact: true });
    const c = await sharedWithRegion(child.id);
    const page = await w.users.coordA.client.get(`/api/consultations/${c.id}`);
    expect(page.body.child).toMatchObject({ childId: child.id, detailsHidden: false });
  });

  it('a municipality receiving a case about a child withheld from it sees no details', async () => {
    // The centre takes a call about a child whose guardian has not agreed to sharing with the municipality.
    const child = await childWithConsents(t, { shareMunicipality: false, centreContact: true });
    const c = await intake(w.users.centre.client, { child: { kind: 'registered', childId: child.id } });
    expect((c.child as { detailsHidden: boolean }).detailsHidden).toBe(false);
    const h = await w.users.centre.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'municipality', municipalityCode: '142051' },
    });
    const accepted = await w.users.fujisawa.client.post(
      `/api/consultations/${c.id}/handoffs/${h.body.handoffs[0].id}/accept`,
      {},
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.child.detailsHidden).toBe(true);
    expect(accepted.body.child.name).toBeNull();
  });

  it('a child outside the registry scope of the recorder cannot be named at intake', async () => {
    const child = await childWithConsents(t, {});
    const res = await w.users.hiratsuka.client.post('/api/consultations', {
      municipalityCode: '142034',
      askerKind: 'family',
      channel: 'phone',
      child: { kind: 'registered', childId: child.id },
      topics: ['other'],
      urgency: 'normal',
      subject: '件名',
      narrative: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('consultation_child_unknown');
  });
});
