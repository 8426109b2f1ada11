/**
 * A good practice on the public site: the consent to publication (who, when, how) recorded under the story's
 * version and audited; only a published story with consent can be put on the site; the public site lists it
 * without its contact or source; editing the story takes it off and clears the consent; withdrawing the consent
 * takes it off too. Denied: a role that cannot write in the story's area (the auditor) cannot record or offer.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type EngagementWorld, engagementWorld, FUJISAWA } from '../engagements/testing';
import { publishedStoryVia, regionOf, storyBody, storyVia } from './testing';

let t: TestApp;
let w: EngagementWorld;
let east: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await engagementWorld(t);
  east = await regionOf(t, FUJISAWA);
}, 120_000);
afterAll(() => t.close());

const consent = { by: '藤沢市保育課 課長', on: '2026-11-20', method: 'written' };

describe('good practices on the public site', () => {
  it('needs a published story and its consent; shows no contact; an edit takes it off', async () => {
    const centre = w.c.centre_admin;
    const id = await publishedStoryVia(w.c.municipal_staff, centre, east, FUJISAWA);
    const visitor = new TestClient(t);
    let story = (await centre.get(`/api/good-practices/${id}`)).body;
    expect(story).toMatchObject({ publicConsent: null, publicOfferedAt: null });

    const early = await centre.post(`/api/good-practices/${id}/public-offer`, {
      version: story.version,
      offered: true,
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'story_no_public_consent']);

    const stale = await centre.put(`/api/good-practices/${id}/public-consent`, {
      version: story.version - 1,
      consent,
    });
    expect(stale.status).toBe(409);
    const recorded = await centre.put(`/api/good-practices/${id}/public-consent`, {
      version: story.version,
      consent,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.publicConsent).toMatchObject({ ...consent, recordedBy: expect.any(String) });
    const bad = await centre.put(`/api/good-practices/${id}/public-consent`, {
      version: recorded.body.version,
      consent: { ...consent, method: 'telepathy' },
    });
    expect(bad.status).toBe(400);

    const offered = await centre.post(`/api/good-practices/${id}/public-offer`, {
      version: recorded.body.version,
      offered: true,
    });
    expect(offered.status).toBe(200);
    expect(offered.body.publicOfferedAt).not.toBeNull();
    const list = await visitor.get('/api/public/site/good-practices?prefecture=14');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const one = await visitor.get(`/api/public/site/good-practices/${id}?prefecture=14`);
    expect(one.body.bodyHtml).toContain('<h2>');
    expect(one.body.area).toBe('藤沢市');
    expect(Object.keys(one.body)).not.toContain('contact');
    expect((await visitor.get(`/api/public/site/good-practices/${id}?prefecture=43`)).status).toBe(404);

    const audit = await t.db.systemDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, 'good_practice'), sql`${auditLog.entityIds} @> ARRAY[${id}]::text[]`),
      );
    const events = audit.map((a) => (a.detail as { event?: string }).event);
    expect(events).toEqual(expect.arrayContaining(['public_consent', 'public_offer']));

    // An edit returns the story to draft: off the site, and its consent must be asked again.
    story = (await centre.get(`/api/good-practices/${id}`)).body;
    const edited = await centre.put(`/api/good-practices/${id}`, {
      ...storyBody(east, FUJISAWA, { title: '題を変えた事例' }),
      version: story.version,
    });
    expect(edited.status).toBe(200);
    const after = (await centre.get(`/api/good-practices/${id}`)).body;
    expect(after).toMatchObject({ status: 'draft', publicConsent: null, publicOfferedAt: null });
    expect((await visitor.get('/api/public/site/good-practices?prefecture=14')).body.items).toEqual([]);
  });

  it('withdrawing the consent takes the story off the site; the auditor can do neither', async () => {
    const centre = w.c.centre_admin;
    const id = await publishedStoryVia(w.c.municipal_staff, centre, east, FUJISAWA);
    let v = (await centre.get(`/api/good-practices/${id}`)).body.version;
    v = (await centre.put(`/api/good-practices/${id}/public-consent`, { version: v, consent })).body.version;
    v = (await centre.post(`/api/good-practices/${id}/public-offer`, { version: v, offered: true })).body
      .version;
    const auditor = w.c.auditor;
    expect(
      (await auditor.post(`/api/good-practices/${id}/public-offer`, { version: v, offered: false })).status,
    ).toBe(403);
    expect(
      (await auditor.put(`/api/good-practices/${id}/public-consent`, { version: v, consent: null })).status,
    ).toBe(403);
    const off = await centre.put(`/api/good-practices/${id}/public-consent`, { version: v, consent: null });
    expect(off.body).toMatchObject({ publicConsent: null, publicOfferedAt: null });
    expect((await new TestClient(t).get('/api/public/site/good-practices?prefecture=14')).body.items).toEqual(
      [],
    );
    // A draft is never offered.
    const draft = await storyVia(centre, east, FUJISAWA);
    const refused = await centre.post(`/api/good-practices/${draft.id}/public-offer`, {
      version: draft.version,
      offered: true,
    });
    expect(refused.body.error.code).toBe('story_no_public_consent');
  });
});
