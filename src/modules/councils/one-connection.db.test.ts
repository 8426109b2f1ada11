/**
 * A transaction is one connection: a stale edit of a body or a meeting answers 409 with the record as it is now,
 * read inside the edit's transaction, and those reads go one after another (`readAll` in queries.ts;
 * src/test/busy-connections.ts). Only the PostgreSQL run can fail; PGlite serialises by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { watchBusyConnections } from '../../test/busy-connections';
import { type CouncilWorld, councilWorld, jst, regionalBody } from './testing';

let t: TestApp;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
}, 60_000);
afterAll(() => t.close());

async function busyDuring(act: () => Promise<void>): Promise<string[]> {
  const busy = watchBusyConnections();
  try {
    await act();
  } finally {
    busy.stop();
  }
  return busy.seen;
}

describe('stale edits answered from inside their transaction', () => {
  it('a body and a meeting: 409 with the current record, no statement sent to a busy connection', async () => {
    const body = (await w.users.coordA.post('/api/councils/bodies', regionalBody(w.regionA.id))).body;
    const meeting = (
      await w.users.coordA.post('/api/councils/meetings', {
        bodyId: body.id,
        title: '第1回',
        startsAt: jst(5),
        endsAt: jst(5, '16:00'),
      })
    ).body;
    const seen = await busyDuring(async () => {
      const b = await w.users.coordA.patch(`/api/councils/bodies/${body.id}`, {
        version: body.version + 5,
        name: '古い版からの変更',
      });
      expect(b.status).toBe(409);
      expect(b.body.error.detail.current.name).toBe(body.name);
      const m = await w.users.coordA.patch(`/api/councils/meetings/${meeting.id}`, {
        version: meeting.version + 5,
        title: '古い版からの変更',
      });
      expect(m.status).toBe(409);
      expect(m.body.error.detail.current.title).toBe('第1回');
    });
    expect(seen).toEqual([]);
  });
});
