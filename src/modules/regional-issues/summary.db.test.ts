/**
 * The counts other pages read (`issueCounts`, the yearly activity report's 地域課題 section): each figure is a
 * number of distinct issues — one taken to the prefectural council and then proposed is one issue carried up (not
 * two), and one sent back and carried up again is still one.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import { createTestApp, type TestApp } from '../../test/app';
import { resolveActor } from '../access/resolve-actor';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { issueCounts } from './summary';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
}, 60_000);
afterAll(() => t.close());

async function raise(title: string) {
  const res = await w.users.coordA.client.post('/api/regional-issues', {
    title,
    description: '圏域の課題。',
    regionId: w.regionA.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}

async function move(client: typeof w.users.centre.client, i: { id: string; version: number }, body: object) {
  const res = await client.post(`/api/regional-issues/${i.id}/move`, { version: i.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; version: number };
}

describe('issue counts of a 年度', () => {
  it('count each issue once per figure, however many times it was carried up', async () => {
    const today = isoDateInJapan(new Date());
    // To the council, then proposed to the prefecture.
    let a = await raise('医療型短期入所が足りない');
    a = await move(w.users.coordA.client, a, { move: 'carry_up' });
    await move(w.users.centre.client, a, { move: 'carry_up', on: today, text: '圏域ごとに確保を提言する。' });
    // To the council, sent back, and to the council again.
    let b = await raise('通所の看護師が孤立している');
    b = await move(w.users.coordA.client, b, { move: 'carry_up' });
    b = await move(w.users.centre.client, b, { move: 'send_back', text: '聞き取りを追加してください' });
    await move(w.users.coordA.client, b, { move: 'carry_up' });
    // Raised only.
    await raise('学校の看護師が足りない');

    const [u] = await t.db.systemDb.select().from(users).where(eq(users.id, w.users.centre.id));
    const actor = await resolveActor(t.db.systemDb, u!);
    const counts = await issueCounts(t.db.systemDb, actor, nendoOf(today));
    expect(counts).toMatchObject({ raised: 3, carriedUp: 2, toCouncil: 2, proposed: 1, answered: 0 });
  });
});
