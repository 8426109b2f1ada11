/**
 * The denied story for applications and the selection: another branch or prefecture gets 404 on every
 * endpoint, a learner 403 on the staff ones; a learner never reads or changes another's application; another
 * prefecture's learner does not see the session. The applications' own path is in applications.db.test.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingApplications } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { signedInUser } from '../../test/sign-in';
import { type ApplicationsWorld, applicationsWorld } from './testing';

const LEARNER = 'learner';

let t: TestApp;
let branchB: TestClient;
let other: TestClient;
let filledSession: ApplicationsWorld['filledSession'];

beforeAll(async () => {
  t = await createTestApp();
  ({ branchB, other, filledSession } = await applicationsWorld(t));
});
afterAll(async () => {
  await t.close();
});

describe('denied', () => {
  it('another branch and another prefecture get 404 on every endpoint; a learner gets 403 on staff ones', async () => {
    const { s, people, ids } = await filledSession(4);
    const app = ids[0]!;
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/learning/sessions/${s}/applicants`],
      ['POST', `/api/learning/sessions/${s}/selection`, { selectionVersion: 0 }],
      ['POST', `/api/learning/sessions/${s}/selection/announce`, { version: 1 }],
      [
        'POST',
        `/api/learning/applications/${app}/override`,
        { outcome: 'selected', reason: 'x', version: 1 },
      ],
      ['POST', `/api/learning/applications/${app}/cancel`, { reason: 'x', version: 1 }],
    ];
    for (const client of [branchB, other]) {
      for (const [method, path, body] of calls) {
        expect((await client.request(method, path, body)).status, `${method} ${path}`).toBe(404);
      }
    }
    for (const [method, path, body] of calls) {
      expect((await people[1]!.client.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    // A learner cannot cancel or see another's application.
    expect(
      (await people[1]!.client.post(`/api/learning/me/applications/${app}/cancel`, { version: 1 })).status,
    ).toBe(404);
    const mine = await people[1]!.client.get('/api/learning/me/applications');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
    // Nothing changed.
    const [row] = await t.db.systemDb
      .select()
      .from(trainingApplications)
      .where(eq(trainingApplications.id, app));
    expect(row).toMatchObject({ status: 'applied', version: 1 });
    // Another prefecture's learner does not see the session to apply.
    const far = await signedInUser(t, LEARNER, { prefectureCode: '43' });
    expect((await far.client.get(`/api/learning/sessions/${s}/apply`)).status).toBe(404);
  });
});
