/** /api/saved-filters: a user's own named filters, validated against the list they replay on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

let t: TestApp;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  alice = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }))
    .client;
  bob = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

describe('saved filters', () => {
  it('saves a registry filter as validated (dates read into ISO) and lists only the user’s own', async () => {
    const res = await alice.post('/api/saved-filters', {
      scope: 'registry',
      name: '人工呼吸器・小学生',
      filter: { careItem: 'ventilator', lifeStage: 'elementary', birthFrom: 'H31.4.2', unknown: 'x' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '人工呼吸器・小学生',
      filter: { careItem: 'ventilator', lifeStage: 'elementary', birthFrom: '2019-04-02' },
    });
    expect(res.body.filter).not.toHaveProperty('unknown');
    await bob.post('/api/saved-filters', { scope: 'registry', name: 'bob', filter: { status: 'at_home' } });

    const list = await alice.get('/api/saved-filters?scope=registry');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      { id: res.body.id, name: '人工呼吸器・小学生', filter: res.body.filter, createdAt: expect.any(String) },
    ]);
    expect((await alice.get('/api/saved-filters')).body).toHaveLength(1);
    expect(
      (await bob.get('/api/saved-filters?scope=registry')).body.map((f: { name: string }) => f.name),
    ).toEqual(['bob']);
  });

  it('refuses a filter the list would refuse, and an unknown scope', async () => {
    const bad = await alice.post('/api/saved-filters', {
      scope: 'registry',
      name: 'x',
      filter: { birthDate: '平成31年5月1日', lifeStage: 'retired' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'filter.birthDate',
      'filter.lifeStage',
    ]);
    expect((await alice.post('/api/saved-filters', { scope: 'census', name: 'x', filter: {} })).status).toBe(
      400,
    );
    expect(
      (await alice.post('/api/saved-filters', { scope: 'registry', name: ' ', filter: {} })).status,
    ).toBe(400);
    expect((await alice.get('/api/saved-filters?scope=census')).status).toBe(400);
  });

  it('deletes the user’s own filter; another user’s answers 404 and stays', async () => {
    const mine = await alice.post('/api/saved-filters', { scope: 'registry', name: 'temp', filter: {} });
    const bobs = (await bob.get('/api/saved-filters')).body[0];
    expect((await alice.delete(`/api/saved-filters/${bobs.id}`)).status).toBe(404);
    expect((await bob.get('/api/saved-filters')).body).toHaveLength(1);
    expect((await alice.delete('/api/saved-filters/not-a-uuid')).status).toBe(404);
    expect((await alice.delete(`/api/saved-filters/${mine.body.id}`)).status).toBe(200);
    expect((await alice.delete(`/api/saved-filters/${mine.body.id}`)).status).toBe(404);
  });

  it('needs a session', async () => {
    expect((await new TestClient(t).get('/api/saved-filters')).status).toBe(401);
  });
});
