/**
 * Meeting materials: the coordinator who keeps a region's council attaches a PDF to a meeting; the meeting page
 * lists it; those who read the meeting download it (Range, audited) and those outside get 404; a file that is not
 * what its name says, or a type meetings do not take, is refused and nothing is stored; municipal staff who read
 * the council cannot add or remove; removing deletes the file.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, files } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type CouncilWorld, councilWorld, jst, regionalBody } from './testing';

let t: TestApp;
let w: CouncilWorld;
let meetingId: string;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x20), Buffer.from('\n%%EOF\n')]);

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
  const body = (await w.users.coordA.post('/api/councils/bodies', regionalBody(w.regionA.id))).body;
  meetingId = (
    await w.users.coordA.post('/api/councils/meetings', {
      bodyId: body.id,
      title: '第1回 湘南東部地域協議会',
      startsAt: jst(5),
      endsAt: jst(5, '16:00'),
    })
  ).body.id;
}, 60_000);
afterAll(() => t.close());

function send(
  client: TestClient,
  method: string,
  path: string,
  bytes?: Buffer,
  headers: Record<string, string> = {},
) {
  return t.app.request(path, {
    method,
    headers: {
      cookie: client.cookie!,
      'x-forwarded-for': client.ip,
      ...(client.csrf && method !== 'GET' ? { 'x-csrf-token': client.csrf } : {}),
      ...(bytes
        ? { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }
        : {}),
      ...headers,
    },
    body: bytes ? new Uint8Array(bytes) : undefined,
  });
}

const upload = (client: TestClient, name: string, bytes: Buffer, title = '資料1 医療的ケア児の状況') =>
  send(
    client,
    'POST',
    `/api/councils/meetings/${meetingId}/materials?title=${encodeURIComponent(title)}&name=${encodeURIComponent(name)}`,
    bytes,
  );

describe('meeting materials', () => {
  let materialId = '';

  it('attaches a PDF to the meeting, listed on its page with its title, name, size and who added it', async () => {
    const res = await upload(w.users.coordA, '資料1.pdf', PDF);
    expect(res.status, await res.clone().text()).toBe(200);
    const meeting = (await res.json()) as {
      materials: { id: string; title: string; fileName: string; byteSize: number; addedBy: string }[];
    };
    expect(meeting.materials).toHaveLength(1);
    expect(meeting.materials[0]).toMatchObject({
      title: '資料1 医療的ケア児の状況',
      fileName: '資料1.pdf',
      byteSize: PDF.length,
    });
    materialId = meeting.materials[0]!.id;
    const page = await w.users.municipalA.get(`/api/councils/meetings/${meetingId}`);
    expect(page.body.materials.map((m: { id: string }) => m.id)).toEqual([materialId]);
  });

  it('serves it to readers of the meeting with Range, audited; 404 outside the area and for an unknown id', async () => {
    const path = `/api/councils/meetings/${meetingId}/materials/${materialId}`;
    const whole = await send(w.users.municipalA, 'GET', path);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(PDF)).toBe(true);
    expect(whole.headers.get('content-disposition')).toContain('attachment');
    const part = await send(w.users.municipalA, 'GET', path, undefined, { range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('%PDF');
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'council_meeting'),
          sql`${auditLog.entityIds} @> array[${materialId}]::text[]`,
        ),
      )
      .limit(1);
    expect(entry).toBeDefined();
    expect((await send(w.users.municipalB, 'GET', path)).status).toBe(404);
    expect((await send(w.users.other, 'GET', path)).status).toBe(404);
    expect(
      (
        await send(
          w.users.municipalA,
          'GET',
          `/api/councils/meetings/${meetingId}/materials/00000000-0000-4000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);
  });

  it('refuses a file that is not what its name says, and a type meetings do not take, storing nothing', async () => {
    const before = await t.db.systemDb.select({ n: sql<number>`count(*)::int` }).from(files);
    const fake = await upload(w.users.coordA, '議事次第.pdf', Buffer.from('これはテキストです'));
    expect(fake.status).toBe(422);
    expect(JSON.stringify(await fake.json())).toContain('PDF');
    const video = await upload(w.users.coordA, '記録.mp4', Buffer.alloc(100));
    expect(video.status).toBe(422);
    const after = await t.db.systemDb.select({ n: sql<number>`count(*)::int` }).from(files);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('lets readers who do not keep the council neither add nor remove (403); another prefecture 404', async () => {
    expect((await upload(w.users.municipalA, 'x.pdf', PDF)).status).toBe(403);
    expect(
      (
        await send(
          w.users.municipalA,
          'DELETE',
          `/api/councils/meetings/${meetingId}/materials/${materialId}`,
        )
      ).status,
    ).toBe(403);
    expect((await upload(w.users.other, 'x.pdf', PDF)).status).toBe(404);
  });

  it('removes the material and its file', async () => {
    const res = await send(
      w.users.coordA,
      'DELETE',
      `/api/councils/meetings/${meetingId}/materials/${materialId}`,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { materials: unknown[] }).materials).toEqual([]);
    const left = await t.db.systemDb
      .select({ id: files.id })
      .from(files)
      .where(eq(files.kind, 'meeting_material'));
    expect(left).toEqual([]);
    const again = await send(
      w.users.coordA,
      'DELETE',
      `/api/councils/meetings/${meetingId}/materials/${materialId}`,
    );
    expect(again.status).toBe(404);
  });
});
