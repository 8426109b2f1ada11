/**
 * The supervise team proposed for a case (ME-2): whoever may ask for supervision on the case gets the members
 * of the prefecture's supervise pools who cover the needed expertise with the fewest open requests, and the
 * active supervise teams ranked by fit; the denied story (another municipality's case, another prefecture,
 * auditors, a closed case, bad tags) answers as asking for supervision would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisePoolMembers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makePerson } from '../../test/factories';
import { type ConsultationWorld, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let caseId: string;
const person: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const db = t.db.systemDb;
  const pool: [string, string, ('medical' | 'nursing' | 'welfare' | 'education')[]][] = [
    ['doctor', 'イシ', ['medical']],
    ['nurse', 'カンゴ', ['medical', 'nursing']],
    ['worker', 'フクシ', ['welfare']],
    ['teacher', 'キョウイク', ['education', 'welfare']],
  ];
  for (const [key, kana, tags] of pool) {
    const p = await makePerson(db, '14', { familyName: key, givenName: '太郎', familyKana: kana });
    person[key] = p.id;
    await db
      .insert(supervisePoolMembers)
      .values({ prefectureCode: '14', centreId: w.branch.id, personId: p.id, tags });
  }
  caseId = (await intake(w.users.fujisawa.client)).id;
}, 90_000);
afterAll(() => t.close());

const ask = (client: ConsultationWorld['users']['fujisawa']['client'], id: string, tags: string) =>
  client.get(`/api/consultations/${id}/supervise-proposal?tags=${tags}`);

describe('a supervise team proposed for a case', () => {
  it('covers the need with the fewest members and least load, for the municipality that owns the case', async () => {
    const res = await ask(w.users.fujisawa.client, caseId, 'medical,nursing,welfare');
    expect(res.status).toBe(200);
    // The nurse covers two tags at once; for welfare the worker and the teacher tie, and kana order (キ before
    // フ) picks the teacher.
    expect(res.body.proposal.members.map((m: { personId: string }) => m.personId)).toEqual([
      person.nurse,
      person.teacher,
    ]);
    expect(res.body.proposal.members[0]).toMatchObject({ covers: ['medical', 'nursing'], load: 0 });
    expect(res.body.proposal.uncovered).toEqual([]);
    expect(res.body.teams).toEqual([]);

    const uncovered = await ask(w.users.fujisawa.client, caseId, 'medical,disaster');
    expect(uncovered.body.proposal.uncovered).toEqual(['disaster']);
  });

  it('ranks the active teams by what of the need they cover, the one holding the proposal first, then load', async () => {
    // Teams the pool members are in count their open requests as load.
    const form = (name: string, members: string[]) =>
      w.users.centreAdmin.client.post('/api/consultations/supervise-teams', {
        name,
        centreId: w.hq.id,
        memberPersonIds: members,
      });
    const full = await form('在宅医療チーム', [person.nurse!, person.worker!]);
    const busy = await form('学校支援チーム', [person.doctor!, person.teacher!, person.nurse!]);
    const partial = await form('医療だけのチーム', [person.doctor!]);
    for (const r of [full, busy, partial]) expect(r.status).toBe(201);
    // The busy team has an open supervise request, which also loads its members.
    const other = await intake(w.users.fujisawa.client);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${other.id}/handoffs`, {
      kind: 'supervise',
      to: { teamId: busy.body.id },
    });
    expect(asked.status).toBe(201);

    const res = await ask(w.users.fujisawa.client, caseId, 'medical,nursing,welfare');
    expect(res.status).toBe(200);
    // The busy team's members (doctor, teacher, nurse) now have one open request each: the nurse still covers
    // two tags for the cost of two, and welfare goes to the worker, who has none — the 在宅医療 team exactly.
    expect(
      res.body.proposal.members.find((m: { personId: string }) => m.personId === person.nurse),
    ).toMatchObject({ load: 1 });
    expect(
      res.body.teams.map(
        (x: { name: string; covers: string[]; hasProposal: boolean; openRequests: number }) => [
          x.name,
          x.covers,
          x.hasProposal,
          x.openRequests,
        ],
      ),
    ).toEqual([
      ['在宅医療チーム', ['medical', 'nursing', 'welfare'], true, 0],
      ['学校支援チーム', ['medical', 'nursing', 'welfare'], false, 1],
      ['医療だけのチーム', ['medical'], false, 0],
    ]);
  });
});

describe('denied', () => {
  it('answers as asking for supervision would: 404 out of scope, 403 by role, 400 for bad tags', async () => {
    expect((await ask(w.users.chigasaki.client, caseId, 'medical')).status).toBe(404);
    expect((await ask(w.users.kumamoto.client, caseId, 'medical')).status).toBe(404);
    expect((await ask(w.users.centre43.client, caseId, 'medical')).status).toBe(404);
    expect(
      (await ask(w.users.fujisawa.client, '00000000-0000-4000-8000-000000000000', 'medical')).status,
    ).toBe(404);
    const auditor = await ask(w.users.auditor.client, caseId, 'medical');
    expect([403, 404]).toContain(auditor.status);
    expect((await ask(w.users.fujisawa.client, caseId, 'astrology')).status).toBe(400);
    expect((await ask(w.users.fujisawa.client, caseId, '')).status).toBe(400);
  });
});
