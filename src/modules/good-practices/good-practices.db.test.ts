/**
 * The good-practice library end to end through the API: writing from an engagement and a consultation (pre-fill
 * without personal data), the personal-data check with its second person, publishing, search (Japanese, pg_trgm),
 * suggestions from a consultation, editing back to draft and stale versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { createChildVia } from '../../test/registry-world';
import { intake } from '../consultations/testing';
import { type EngagementWorld, engagementBody, engagementWorld, FUJISAWA } from '../engagements/testing';
import { ALL_CONFIRMATIONS, publishedStoryVia, regionOf, storyBody, storyVia } from './testing';

let t: TestApp;
let w: EngagementWorld;
let east: string;
let child: { id: string };
let consultationId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-12-01T01:00:00Z');
  w = await engagementWorld(t);
  east = await regionOf(t, FUJISAWA);
  child = await createChildVia(w.c.centre_admin, {
    familyName: '相川',
    givenName: '陽翔',
    givenKana: 'はると',
  });
  consultationId = (
    await intake(w.c.centre_admin, {
      child: { kind: 'registered', childId: child.id },
      topics: ['childcare', 'medical_care'],
      subject: '相川陽翔くんの保育園入園',
      narrative: '経管栄養の子の保育園入園。看護師のいない園で受け入れてもらえるか。',
    })
  ).id;
}, 60_000);
afterAll(() => t.close());

describe('writing from a source', () => {
  it('pre-fills from an engagement: codes, area, who solved it and masked notes', async () => {
    const e = await w.c.centre_admin.post(
      '/api/engagements',
      engagementBody('support', FUJISAWA, '2026-06-01', {
        subject: '医療的ケア児コーディネーターの予算化',
        request: 'coordinator',
        municipalAction: 'budgeted',
        attendees: '障害福祉課 茅野進、保健師',
        analysisNotes: { municipalAction: '茅野進さんが地域生活支援事業で予算化した。連絡先 0466-12-3456' },
      }),
    );
    const res = await w.c.branch_staff.get(`/api/good-practices/prefill/engagement/${e.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: '医療的ケア児コーディネーターの予算化',
      requests: ['coordinator'],
      municipalActions: ['budgeted'],
      municipalityCode: FUJISAWA,
      regionId: east,
      solverMunicipalityCode: FUJISAWA,
    });
    expect(res.body.body).toContain('〇〇さんが地域生活支援事業で予算化した');
    expect(res.body.body).not.toContain('茅野');
    expect(res.body.body).not.toContain('0466');
  });

  it('pre-fills from a consultation without its narrative or the child’s name', async () => {
    const res = await w.c.centre_admin.get(`/api/good-practices/prefill/consultation/${consultationId}`);
    expect(res.status).toBe(200);
    expect(res.body.topics).toEqual(['childcare', 'medical_care']);
    expect(res.body.title).toBe('〇〇くんの保育園入園');
    // The source's own label (the writer sees the consultation) is shown beside the form, never copied into it.
    const { sourceLabel: _label, ...copied } = res.body;
    expect(JSON.stringify(copied)).not.toContain('陽翔');
    expect(JSON.stringify(copied)).not.toContain('看護師のいない園で受け入れてもらえるか');
  });

  it('answers 404 for a source the writer does not see', async () => {
    const res = await w.c.regional_coordinator.get(
      `/api/good-practices/prefill/consultation/${consultationId}`,
    );
    expect(res.status).toBe(404);
  });
});

describe('the review', () => {
  it('blocks the source child’s name, even when a checker would confirm', async () => {
    const s = await storyVia(w.c.centre_admin, east, FUJISAWA, {
      source: { kind: 'consultation', id: consultationId },
      body: '陽翔くんは1歳で入園した。',
    });
    const page = await w.c.centre_admin.get(`/api/good-practices/${s.id}`);
    expect(page.body.flags).toEqual([
      { kind: 'source_name', text: '陽翔', key: 'source_name:陽翔', blocking: true, acknowledged: false },
    ]);
    const res = await w.c.centre_staff.post(`/api/good-practices/${s.id}/check`, {
      version: s.version,
      confirmations: ALL_CONFIRMATIONS,
      acknowledgedFlags: ['source_name:陽翔'],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('story_personal_data');
  });

  it('takes a second person, every confirmation and every pattern flag acknowledged', async () => {
    const s = await storyVia(w.c.centre_admin, east, FUJISAWA, {
      body: '保健師の佐藤さんが園に同行した。',
    });
    const self = await w.c.centre_admin.post(`/api/good-practices/${s.id}/check`, {
      version: s.version,
      confirmations: ALL_CONFIRMATIONS,
    });
    expect(self.body.error.code).toBe('story_self_check');
    const partial = await w.c.centre_staff.post(`/api/good-practices/${s.id}/check`, {
      version: s.version,
      confirmations: ['no_names'],
    });
    expect(partial.body.error.code).toBe('story_confirmations_missing');
    const open = await w.c.centre_staff.post(`/api/good-practices/${s.id}/check`, {
      version: s.version,
      confirmations: ALL_CONFIRMATIONS,
    });
    expect(open.body.error.code).toBe('story_flags_open');
    const early = await w.c.centre_admin.post(`/api/good-practices/${s.id}/publish`, { version: s.version });
    expect(early.body.error.code).toBe('story_wrong_status');
    const ok = await w.c.centre_staff.post(`/api/good-practices/${s.id}/check`, {
      version: s.version,
      confirmations: ALL_CONFIRMATIONS,
      acknowledgedFlags: ['honorific_name:佐藤さん'],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'checked', confirmations: ALL_CONFIRMATIONS });
    const stale = await w.c.centre_admin.post(`/api/good-practices/${s.id}/publish`, { version: s.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const pub = await w.c.centre_admin.post(`/api/good-practices/${s.id}/publish`, {
      version: ok.body.version,
    });
    expect(pub.body).toMatchObject({ status: 'published', publishedBy: expect.any(String) });
    // An edit returns it to draft: what was checked is no longer what would be shown.
    const edit = await w.c.centre_admin.put(`/api/good-practices/${s.id}`, {
      ...storyBody(east, FUJISAWA),
      version: pub.body.version,
    });
    expect(edit.body).toMatchObject({
      status: 'draft',
      checkedBy: null,
      publishedAt: null,
      confirmations: [],
    });
  });
});

describe('search and suggestions', () => {
  let coordinatorStory: string;
  beforeAll(async () => {
    coordinatorStory = await publishedStoryVia(w.c.centre_admin, w.c.centre_staff, east, FUJISAWA, {
      title: 'コーディネーターの配置を地域生活支援事業で予算化',
      summary: '障害福祉課が補助金を活用して医療的ケア児コーディネーターを配置した。',
      body: '## どう取り組んだか\n\n4課協議で必要性を共有し、翌年度予算に計上した。',
      topics: ['welfare_services'],
      requests: ['coordinator'],
      municipalActions: ['budgeted', 'coordinator_placed'],
      careItems: [],
    });
    await publishedStoryVia(w.c.centre_admin, w.c.centre_staff, east, FUJISAWA);
  });

  it('finds Japanese words in published stories, for a user of another area', async () => {
    const res = await w.c.regional_coordinator.get(`/api/good-practices?q=${encodeURIComponent('予算化')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([coordinatorStory]);
    expect(res.body.items[0]).toMatchObject({
      solver: '市の保育課と訪問看護ステーション',
      status: 'published',
    });
    const kana = await w.c.provider_staff.get(
      `/api/good-practices?q=${encodeURIComponent('コーディネーター 配置')}`,
    );
    expect(kana.body.items.map((i: { id: string }) => i.id)).toEqual([coordinatorStory]);
  });

  it('filters by tag', async () => {
    const res = await w.c.auditor.get('/api/good-practices?request=coordinator&status=published');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([coordinatorStory]);
  });

  it('suggests published stories for a consultation, best match first', async () => {
    const res = await w.c.centre_admin.get(`/api/good-practices/for-consultation/${consultationId}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0].title).toBe('看護師のいない保育所が経管栄養の子を受け入れた');
    expect(res.body.items.every((i: { status: string }) => i.status === 'published')).toBe(true);
  });

  it('names a visible source with a link, and hides it from a reader who cannot see it', async () => {
    const id = await publishedStoryVia(w.c.centre_admin, w.c.centre_staff, east, FUJISAWA, {
      source: { kind: 'consultation', id: consultationId },
    });
    const own = await w.c.centre_admin.get(`/api/good-practices/${id}`);
    expect(own.body.source).toMatchObject({ kind: 'consultation', id: consultationId, visible: true });
    const other = await w.c.regional_coordinator.get(`/api/good-practices/${id}`);
    expect(other.status).toBe(200);
    expect(other.body.source).toEqual({ kind: 'consultation', id: null, label: null, visible: false });
    expect(other.body.flags).toEqual([]);
    expect(other.body.actions).toEqual({ edit: false, check: false, publish: false, withdraw: false });
  });
});
