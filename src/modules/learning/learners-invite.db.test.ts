/**
 * Bulk invitation of learners: the preview names each row's outcome and errors, the invitation creates the
 * accounts and profiles with one-time links, the same list twice creates nobody twice, CP932 CSV and .xlsx
 * read the same; only the prefecture's learning managers may do it.
 */

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, learnerProfiles, users } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeOrganisation, makePrefecture, makeUser } from '../../test/factories';
import { signedInUser, signInAs } from '../../test/sign-in';

let t: TestApp;
let admin: TestClient;
let station: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  station = await makeOrganisation(t.db.systemDb, '14', {
    kind: 'provider',
    name: 'ふじさわ訪問看護ステーション',
    municipalityCode: '142051',
  });
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

async function send(client: TestClient, path: string, body: Buffer | string, type = 'text/csv') {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-forwarded-for': client.ip,
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: await res.json() };
}

const LIST = [
  '氏名,メールアドレス,職種,勤務先,市区町村,備考',
  '訪問 看子,kango@example.jp,看護師,ふじさわ訪問看護ステーション,藤沢市,',
  '学校 先生,sensei@example.jp,教員,県立みどり特別支援学校,茅ヶ崎市,',
  ',broken,魔法使い,,熊本市,',
].join('\n');

describe('inviting learners from a list', () => {
  it('previews each row without writing anything', async () => {
    const preview = await send(admin, '/api/learning/learners/invitations/preview', LIST);
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toEqual({ create: 2, invite_again: 0, exists: 0, error: 1 });
    expect(preview.body.rows[0]).toMatchObject({
      line: 2,
      outcome: 'create',
      profession: 'nurse',
      workplace: { organisationId: station.id, organisationName: 'ふじさわ訪問看護ステーション', name: null },
      municipalityCode: '142051',
      invitationUrl: null,
    });
    expect(preview.body.rows[1].workplace).toEqual({
      organisationId: null,
      organisationName: null,
      name: '県立みどり特別支援学校',
    });
    expect(preview.body.rows[2]).toMatchObject({ line: 4, outcome: 'error' });
    expect(preview.body.rows[2].issues.map((i: { code: string }) => i.code)).toEqual([
      'name_missing',
      'email_invalid',
      'profession_unknown',
      'workplace_missing',
      'municipality_unknown',
    ]);
    expect(await t.db.systemDb.select().from(users).where(eq(users.email, 'kango@example.jp'))).toEqual([]);
  });

  it('invites the good rows with one-time links, and the same list again creates nobody twice', async () => {
    const first = await send(admin, '/api/learning/learners/invitations?fileName=list.csv', LIST);
    expect(first.body.counts).toEqual({ create: 2, invite_again: 0, exists: 0, error: 1 });
    const link = first.body.rows[0].invitationUrl as string;
    expect(link).toMatch(/^\/invite#token=/);
    const [kango] = await t.db.systemDb.select().from(users).where(eq(users.email, 'kango@example.jp'));
    expect(kango).toMatchObject({
      role: 'learner',
      prefectureCode: '14',
      displayName: '訪問 看子',
      passwordHash: null,
    });
    const [profile] = await t.db.systemDb
      .select()
      .from(learnerProfiles)
      .where(eq(learnerProfiles.userId, kango!.id));
    expect(profile).toMatchObject({
      profession: 'nurse',
      workplaceOrganisationId: station.id,
      municipalityCode: '142051',
    });

    // Not yet accepted: a second run issues new links (the first ones die) and creates nobody.
    const second = await send(admin, '/api/learning/learners/invitations', LIST);
    expect(second.body.counts).toEqual({ create: 0, invite_again: 2, exists: 0, error: 1 });
    expect(await t.db.systemDb.select().from(users).where(eq(users.email, 'kango@example.jp'))).toHaveLength(
      1,
    );
    const stale = await new TestClient(t).post('/api/auth/invitations/accept', {
      token: link.split('#token=')[1],
      password: 'the learner password',
    });
    expect(stale.body.error.code).toBe('token_invalid');
    const accepted = await new TestClient(t).post('/api/auth/invitations/accept', {
      token: second.body.rows[0].invitationUrl.split('#token=')[1],
      password: 'the learner password',
    });
    expect(accepted.status).toBe(200);
    const signedIn = await new TestClient(t).post('/api/auth/sign-in', {
      email: 'kango@example.jp',
      password: 'the learner password',
    });
    expect(signedIn.body.user).toMatchObject({ role: 'learner' });

    // Accepted: a third run leaves that learner alone.
    const third = await send(admin, '/api/learning/learners/invitations/preview', LIST);
    expect(third.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'exists',
      'invite_again',
      'error',
    ]);
    const events = await t.db.systemDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'user'));
    expect(events.filter((e) => (e.detail as { event: string }).event === 'learners_invited')).toHaveLength(
      2,
    );
  });

  it('leaves staff accounts alone', async () => {
    const staff = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const list = `name,email,profession,workplace,municipality\nx,${staff.email},行政職,藤沢市役所,藤沢市`;
    const res = await send(admin, '/api/learning/learners/invitations', list);
    expect(res.body.rows[0]).toMatchObject({ outcome: 'exists', invitationUrl: null });
    const [after] = await t.db.systemDb.select().from(users).where(eq(users.id, staff.id));
    expect(after!.role).toBe('municipal_staff');
  });

  it('reads a CP932 CSV and an .xlsx the same way', async () => {
    const text =
      '氏名,メールアドレス,職種,勤務先,市区町村\n髙橋 ①子,takahashi@example.jp,保健師,藤沢市保健所,藤沢市\n';
    const cp932 = await send(
      admin,
      '/api/learning/learners/invitations/preview',
      iconv.encode(text, 'CP932'),
    );
    expect(cp932.body.rows[0]).toMatchObject({
      name: '髙橋 1子',
      outcome: 'create',
      profession: 'public_health_nurse',
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('受講者');
    for (const line of text.trim().split('\n')) ws.addRow(line.split(','));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const fromXlsx = await send(
      admin,
      '/api/learning/learners/invitations/preview',
      xlsx,
      'application/octet-stream',
    );
    expect(fromXlsx.body.rows).toEqual(cp932.body.rows);
  });

  it('explains a list without the columns or one that is not a list, and changes nothing', async () => {
    const noColumns = await send(admin, '/api/learning/learners/invitations', '名前,電話\n山田,000');
    expect([noColumns.status, noColumns.body.error.code]).toEqual([400, 'learner_list_columns']);
    expect(noColumns.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'email',
      'profession',
      'workplace',
      'municipality',
    ]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const broken = await send(admin, '/api/learning/learners/invitations', zip, 'application/octet-stream');
    expect([broken.status, broken.body.error.code]).toEqual([400, 'learner_list_unreadable']);
  });

  it('is refused to every role but the prefecture’s learning managers', async () => {
    for (const role of ['regional_coordinator', 'municipal_staff', 'auditor', 'learner'] as const) {
      const { client } = await signedInUser(t, role, { prefectureCode: '14', regionId: undefined });
      const res = await send(client, '/api/learning/learners/invitations', LIST);
      expect([role, res.status]).toEqual([role, 403]);
    }
    const learner = await signInAs(t, await makeUser(t.db.systemDb, 'learner', { prefectureCode: '14' }));
    expect((await send(learner, '/api/learning/learners/invitations/preview', LIST)).status).toBe(403);
  });
});
