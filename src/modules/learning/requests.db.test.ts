/**
 * Training requests (MI-6) on the database: filed by a municipality and a provider for their own, routed to
 * the branch covering them; the dialogue, the need, the session, done; stale versions; first entries from the
 * transitions list (KU-3) and the newly opened providers of the resources directory.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resourceOrganizations, resourceServices } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makeOrganisation } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { courseBody, type LearningWorld, learningWorld, sessionBody } from './testing';

let t: TestApp;
let w: LearningWorld;
let school: { id: string; name: string };
let schoolStaff: TestClient;
let otherMunicipal: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await learningWorld(t);
  const db = t.db.systemDb;
  school = await makeOrganisation(db, '14', {
    kind: 'school',
    name: '県立茅ヶ崎支援学校',
    municipalityCode: '142051',
  });
  schoolStaff = (await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: school.id }))
    .client;
  otherMunicipal = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142123' })
  ).client;
}, 60_000);
afterAll(() => t.close());

const ask = {
  askedFor: '胃ろうからの注入の研修を教員向けに',
  reason: '来年度、胃ろうのある児童が入学するため',
};

describe('training requests', () => {
  it('a municipality files one for itself, routed to the branch covering it; its dialogue leads to a session and done', async () => {
    const filed = await w.users.municipal.post('/api/learning/requests', {
      ...ask,
      requesterName: '障害福祉課',
      contactName: '山田',
    });
    expect(filed.status).toBe(201);
    const req = filed.body;
    expect(req).toMatchObject({
      status: 'received',
      requesterKind: 'municipality',
      courseKind: 'made_to_order',
      side: 'requester',
      owner: null,
      handlerName: null,
      actions: ['message'],
    });
    expect(req.requesterName).toContain('障害福祉課');

    // The branch covering region A handles it; the HQ sees it; region B's coordinator and the other municipality do not.
    const branchView = await w.users.branchStaff.get(`/api/learning/requests/${req.id}`);
    expect(branchView.status).toBe(200);
    expect(branchView.body.owner).toMatchObject({ kind: 'branch', centreId: w.branch.id });
    expect(branchView.body.awaitingCentre).toBe(true);
    expect((await w.users.hqStaff.get(`/api/learning/requests/${req.id}`)).status).toBe(200);
    expect((await w.users.coordB.get(`/api/learning/requests/${req.id}`)).status).toBe(404);
    expect((await otherMunicipal.get(`/api/learning/requests/${req.id}`)).status).toBe(404);
    expect((await otherMunicipal.get('/api/learning/requests')).body.items).toEqual([]);
    const list = await w.users.branchStaff.get('/api/learning/requests');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(req.id);
    expect(list.body.items[0]).toMatchObject({ daysWaiting: 0, status: 'received' });

    // The dialogue: the centre answers, the municipality replies; the requester cannot write the need.
    let r = await w.users.branchStaff.post(`/api/learning/requests/${req.id}/entries`, {
      body: '対象の先生は何名ですか',
    });
    expect(r.body.status).toBe('in_dialogue');
    expect(r.body.awaitingCentre).toBe(false);
    r = await w.users.municipal.post(`/api/learning/requests/${req.id}/entries`, {
      body: '担任と養護教諭の5名です',
    });
    expect(r.status).toBe(200);
    expect(
      (
        await w.users.municipal.post(`/api/learning/requests/${req.id}/need`, {
          version: r.body.version,
          need: 'x',
        })
      ).status,
    ).toBe(403);

    // No session before the need is written.
    const course = (
      await w.users.admin.post(
        '/api/learning/courses',
        courseBody({ kind: 'made_to_order', title: '胃ろう注入の研修' }),
      )
    ).body;
    const session = (await w.users.branchStaff.post('/api/learning/sessions', sessionBody(course.id))).body;
    const early = await w.users.branchStaff.post(`/api/learning/requests/${req.id}/session`, {
      version: r.body.version,
      sessionId: session.id,
    });
    expect(early.status).toBe(409);

    const v = r.body.version;
    r = await w.users.branchStaff.post(`/api/learning/requests/${req.id}/need`, {
      version: v,
      need: '教員5名が胃ろう注入の手順と緊急時対応を学ぶ',
    });
    expect(r.body).toMatchObject({
      status: 'need_written',
      need: '教員5名が胃ろう注入の手順と緊急時対応を学ぶ',
    });
    // A stale version answers 409 with the request as it is now.
    const stale = await w.users.branchStaff.post(`/api/learning/requests/${req.id}/assign`, { version: v });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current.version).toBe(r.body.version);
    // Done needs a session.
    expect(
      (
        await w.users.branchStaff.post(`/api/learning/requests/${req.id}/close`, {
          version: r.body.version,
          outcome: 'done',
        })
      ).status,
    ).toBe(409);
    r = await w.users.branchStaff.post(`/api/learning/requests/${req.id}/session`, {
      version: r.body.version,
      sessionId: session.id,
    });
    expect(r.body).toMatchObject({ status: 'session_linked', sessionId: session.id });
    r = await w.users.branchStaff.post(`/api/learning/requests/${req.id}/close`, {
      version: r.body.version,
      outcome: 'done',
    });
    expect(r.body).toMatchObject({ status: 'done', daysWaiting: null, actions: [] });
    expect(r.body.entries.map((e: { kind: string; side: string }) => `${e.side}:${e.kind}`)).toEqual([
      'centre:message',
      'requester:message',
      'centre:need_written',
      'centre:session_linked',
      'centre:done',
    ]);
    // The municipality follows it to the end, without the branch or the handler.
    const seen = await w.users.municipal.get(`/api/learning/requests/${req.id}`);
    expect(seen.body).toMatchObject({ status: 'done', owner: null, handlerName: null, actions: [] });
    expect(
      (await w.users.municipal.post(`/api/learning/requests/${req.id}/entries`, { body: 'x' })).status,
    ).toBe(409);

    const audits = await t.db.systemDb
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_request')));
    expect(audits.filter((a) => a.action === 'update').length).toBeGreaterThanOrEqual(5);
  });

  it('a session the staff do not manage cannot be linked (404), and declining needs a reason', async () => {
    const req = (
      await w.users.coordB.post('/api/learning/requests', {
        ...ask,
        requesterName: '県央地区の訪問看護ステーション',
      })
    ).body;
    expect(req.owner).toMatchObject({ kind: 'region', regionId: w.regionB.id });
    const n = await w.users.coordB.post(`/api/learning/requests/${req.id}/need`, {
      version: 1,
      need: '訪問看護師向け',
    });
    const course = (await w.users.admin.post('/api/learning/courses', courseBody())).body;
    const hqSession = (await w.users.admin.post('/api/learning/sessions', sessionBody(course.id))).body;
    const link = await w.users.coordB.post(`/api/learning/requests/${req.id}/session`, {
      version: n.body.version,
      sessionId: hqSession.id,
    });
    expect(link.status).toBe(404);
    const noReason = await w.users.coordB.post(`/api/learning/requests/${req.id}/close`, {
      version: n.body.version,
      outcome: 'declined',
    });
    expect(noReason.status).toBe(400);
    const declined = await w.users.coordB.post(`/api/learning/requests/${req.id}/close`, {
      version: n.body.version,
      outcome: 'declined',
      reason: '既存の研修で対応',
    });
    expect(declined.body).toMatchObject({ status: 'declined', closeReason: '既存の研修で対応' });
    expect(
      (await w.users.coordB.get('/api/learning/requests')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(req.id);
    expect(
      (await w.users.coordB.get('/api/learning/requests?status=closed')).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(req.id);
  });

  it('a first entry from the transitions list: at the receiving school, tracked per child, the child never shown to the school', async () => {
    const child = await makeChild(t.db.systemDb, '14', '142051');
    const body = {
      ...ask,
      requesterOrganisationId: school.id,
      transition: { childId: child.id, nendo: 2027, kind: 'elementary_entry' },
    };
    const created = await w.users.branchStaff.post('/api/learning/requests', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      courseKind: 'first_entry',
      source: 'transition',
      requesterName: school.name,
    });
    expect(created.body.transition).toMatchObject({ childId: child.id, nendo: 2027 });
    expect((await w.users.branchStaff.post('/api/learning/requests', body)).status).toBe(409);
    const status = await w.users.branchStaff.get('/api/learning/requests/transitions?nendo=2027');
    expect(status.body.items).toEqual([
      { childId: child.id, requestId: created.body.id, status: 'received' },
    ]);
    // The school's staff follow the request but never see the child; out-of-scope staff see no status.
    const bySchool = await schoolStaff.get(`/api/learning/requests/${created.body.id}`);
    expect(bySchool.body).toMatchObject({ transition: null, side: 'requester' });
    expect(JSON.stringify(bySchool.body)).not.toContain(child.id);
    expect((await w.users.coordB.get('/api/learning/requests/transitions?nendo=2027')).body.items).toEqual(
      [],
    );
    expect((await schoolStaff.get('/api/learning/requests/transitions?nendo=2027')).body.items).toEqual([]);
    // A child outside the caller's registry scope answers 404.
    const far = await makeChild(t.db.systemDb, '14', '142123');
    const denied = await w.users.branchStaff.post('/api/learning/requests', {
      ...body,
      transition: { childId: far.id, nendo: 2027, kind: 'elementary_entry' },
    });
    expect(denied.status).toBe(404);
  });

  it('a provider files for its own organisation only', async () => {
    const r = await schoolStaff.post('/api/learning/requests', {
      ...ask,
      requesterOrganisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ requesterKind: 'organisation', requesterName: school.name });
    const staff = await w.users.branchStaff.get(`/api/learning/requests/${r.body.id}`);
    expect(staff.body.requesterOrganisationId).toBe(school.id);
    expect(
      (await schoolStaff.post('/api/learning/requests', { ...ask, ownerCentreId: w.hq.id })).status,
    ).toBe(403);
  });

  it('newly opened providers of the directory are listed to offer a training, with the request started', async () => {
    const db = t.db.systemDb;
    const [fresh] = await db
      .insert(resourceOrganizations)
      .values({ prefectureCode: '14', name: '訪問看護ステーションひかり' })
      .returning();
    const [old] = await db
      .insert(resourceOrganizations)
      .values({
        prefectureCode: '14',
        name: '古くからの事業所',
        createdAt: new Date(Date.now() - 400 * 86_400_000),
      })
      .returning();
    await db.insert(resourceServices).values({
      prefectureCode: '14',
      organizationId: old!.id,
      name: '新しい児童発達支援',
      type: 'child_development_support',
      municipalityCode: '142051',
    });
    let list = (await w.users.hqStaff.get('/api/learning/requests/new-providers?days=30')).body;
    const names = list.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['訪問看護ステーションひかり', '古くからの事業所']));
    const started = await w.users.hqStaff.post('/api/learning/requests', {
      ...ask,
      resourceOrganizationId: fresh!.id,
    });
    expect(started.body).toMatchObject({
      source: 'new_provider',
      requesterName: '訪問看護ステーションひかり',
    });
    expect(started.body.resourceOrganization).toMatchObject({ id: fresh!.id });
    list = (await w.users.hqStaff.get('/api/learning/requests/new-providers?days=30')).body;
    expect(list.items.find((i: { id: string }) => i.id === fresh!.id).request).toMatchObject({
      status: 'received',
    });
    expect((await w.users.municipal.get('/api/learning/requests/new-providers')).status).toBe(403);
    expect((await w.users.auditor.get('/api/learning/requests/new-providers')).status).toBe(403);
  });
});
