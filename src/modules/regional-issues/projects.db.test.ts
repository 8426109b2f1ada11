/**
 * Development projects: started from an issue (which then ends in development), moved through the stages with
 * their dates (out of order, a missing date or a listing before opening change nothing), linked to the directory
 * listing once open, counted per 年度; the summaries other modules read count the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { createOrganizationVia, createServiceVia } from '../resources/testing';
import { developmentCounts, issueCounts } from './summary';

let t: TestApp;
let w: ConsultationWorld;
let issue: { id: string; version: number };
let project: { id: string; version: number };
let listing: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const org = await createOrganizationVia(w.users.centreAdmin.client, { name: '医療法人 しおさい会' });
  listing = (
    await createServiceVia(w.users.centreAdmin.client, org, {
      type: 'medical_short_stay',
      location: { address: '藤沢市鵠沼1-1', municipalityCode: '142051' },
    })
  ).id;
  issue = (
    await w.users.coordA.client.post('/api/regional-issues', {
      title: '圏域に医療型短期入所がない',
      description: '人工呼吸器の子の短期入所先がない。',
      regionId: w.regionA.id,
      careItem: 'ventilator',
    })
  ).body;
}, 60_000);
afterAll(() => t.close());

describe('development projects', () => {
  it('municipal staff and auditors may not start one; a coordinator starts one from the issue, which ends', async () => {
    const body = {
      kind: 'medical_short_stay',
      title: '湘南東部の医療型短期入所',
      stage: 'operator_advised',
      advisedOn: '2025-06-01',
      issueId: issue.id,
    };
    expect((await w.users.fujisawa.client.post('/api/development-projects', body)).status).toBe(403);
    expect((await w.users.auditor.client.post('/api/development-projects', body)).status).toBe(403);
    // Another region's coordinator does not see the issue.
    expect((await w.users.coordB.client.post('/api/development-projects', body)).status).toBe(404);
    const res = await w.users.coordA.client.post('/api/development-projects', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    project = res.body;
    expect(res.body).toMatchObject({
      stage: 'operator_advised',
      region: { id: w.regionA.id },
      canManage: true,
    });
    expect(res.body.issue.id).toBe(issue.id);
    const ended = await w.users.coordA.client.get(`/api/regional-issues/${issue.id}`);
    expect(ended.body).toMatchObject({ status: 'closed', outcome: 'development' });
    expect(ended.body.projects.map((p: { id: string }) => p.id)).toEqual([project.id]);
    expect(ended.body.history[0].kind).toBe('project_started');
    const again = await w.users.coordA.client.post('/api/development-projects', body);
    expect([again.status, again.body.error.code]).toEqual([409, 'issue_closed']);
  });

  it('refuses stage dates out of order, a missing current date, and a listing before opening', async () => {
    const patch = (b: Record<string, unknown>) =>
      w.users.coordA.client.patch(`/api/development-projects/${project.id}`, {
        version: project.version,
        ...b,
      });
    const missing = await patch({ stage: 'paperwork' });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'project_stage_dates']);
    const backwards = await patch({ stage: 'paperwork', paperworkOn: '2025-05-01' });
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'project_stage_dates']);
    const early = await patch({ stage: 'paperwork', paperworkOn: '2025-07-01', resourceServiceId: listing });
    expect(early.status).toBe(400);
    const ok = await patch({ stage: 'paperwork', paperworkOn: '2025-07-01' });
    expect(ok.status).toBe(200);
    const stale = await patch({ title: 'x' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    project = ok.body;
  });

  it('opens with its date, places and directory listing, and counts as an opening of its 年度', async () => {
    const opened = await w.users.branch.client.patch(`/api/development-projects/${project.id}`, {
      version: project.version,
      stage: 'opened',
      designatedOn: '2026-02-01',
      openedOn: '2026-04-01',
      places: 2,
      operatorName: '医療法人 しおさい会',
      resourceServiceId: listing,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ stage: 'opened', openedOn: '2026-04-01', places: 2 });
    expect(opened.body.listing).toMatchObject({ id: listing, organizationName: '医療法人 しおさい会' });
    const figures = await w.users.fujisawa.client.get('/api/development-projects/figures');
    expect(figures.status).toBe(200);
    expect(figures.body.byNendo).toEqual([
      { nendo: 2026, opened: 1, places: 2, byKind: { medical_short_stay: 1 } },
    ]);
    // 茅ヶ崎市 reads the region's projects as a whole; 平塚市 (another region) does not.
    expect((await w.users.chigasaki.client.get(`/api/development-projects/${project.id}`)).status).toBe(200);
    expect((await w.users.hiratsuka.client.get(`/api/development-projects/${project.id}`)).status).toBe(404);
    expect((await w.users.hiratsuka.client.get('/api/development-projects/figures')).body.byNendo).toEqual(
      [],
    );
  });

  it('stops and resumes; a stopped project changes nothing else', async () => {
    const current = (await w.users.coordA.client.get(`/api/development-projects/${project.id}`)).body;
    const stopped = await w.users.coordA.client.post(`/api/development-projects/${project.id}/status`, {
      version: current.version,
      stop: true,
      note: '事業者の事情で休止',
    });
    expect(stopped.body).toMatchObject({ status: 'stopped' });
    const edit = await w.users.coordA.client.patch(`/api/development-projects/${project.id}`, {
      version: stopped.body.version,
      title: 'x',
    });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'project_stopped']);
    const resumed = await w.users.coordA.client.post(`/api/development-projects/${project.id}/status`, {
      version: stopped.body.version,
      stop: false,
    });
    expect(resumed.body).toMatchObject({ status: 'active', stoppedOn: null });
  });

  it('the summaries count issues raised and ended, and the openings of a 年度', async () => {
    const db = t.db.systemDb;
    const { resolveActor } = await import('../access/resolve-actor');
    const { users } = await import('../../db/schema');
    const { eq } = await import('drizzle-orm');
    const [u] = await db.select().from(users).where(eq(users.id, w.users.centreAdmin.id));
    const actor = await resolveActor(db, u!);
    const nendo = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Tokyo' }).format(new Date()),
    );
    const thisNendo = new Date().getMonth() < 3 ? nendo - 1 : nendo;
    const counts = await issueCounts(db, actor, thisNendo);
    expect(counts).toMatchObject({ raised: 1, toDevelopment: 1, ended: 1 });
    const dev = await developmentCounts(db, actor, 2026);
    expect(dev).toMatchObject({ opened: 1, places: 2 });
    expect(dev.byStage.opened).toBe(1);
  });
});
