/**
 * The public site on both engines: the centre's HQ writes and publishes pages and a notice; drafts never reach
 * the public answer; script in Markdown never reaches it; the first window of 藤沢市 comes from its municipality
 * page. The denied story: a municipal user, branch staff, a coordinator, a provider, an auditor and a learner are
 * refused every editing call by role (403) before any id is read; another prefecture's centre gets not-found for
 * 14's pages and municipalities, as for unknown ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalContacts } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeCentre, makeOrganisation, makePerson, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

const FUJISAWA = findMunicipalityByName('14', '藤沢市')!.code;
const CHIGASAKI = findMunicipalityByName('14', '茅ヶ崎市')!.code;

let t: TestApp;
const c: Record<string, TestClient> = {};
let anon: TestClient;
let coordinatorId: string;
let userId: string;

const page = (over: Record<string, unknown> = {}) => ({
  kind: 'about',
  titleJa: 'センターの役割',
  bodyJa: '# 相談できること\n\nお気軽にご相談ください。',
  status: 'published',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-12-06T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const region = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  const hq = await makeCentre(db, '14', { name: '神奈川県医療的ケア児支援センター' });
  await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, name: '湘南支所', regionIds: [region.id] });
  const org = await makeOrganisation(db, '14', {
    municipalityCode: FUJISAWA,
    name: '藤沢市基幹相談支援センター',
  });
  coordinatorId = (
    await makePerson(db, '14', {
      familyName: '湘南',
      givenName: '一郎',
      coordinatorTier: 'municipal',
      organisationId: org.id,
    })
  ).id;
  const admin = await signedInUser(t, 'centre_admin', { prefectureCode: '14' });
  userId = admin.user.id;
  c.admin = admin.client;
  c.staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  c.municipal = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA })
  ).client;
  c.coordinator = (
    await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: region.id })
  ).client;
  c.provider = (
    await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })
  ).client;
  c.auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
  c.learner = (await signedInUser(t, 'learner', { prefectureCode: '14' })).client;
  c.kumamoto = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  anon = new TestClient(t);
  await db.insert(municipalContacts).values([
    {
      municipalityCode: FUJISAWA,
      prefectureCode: '14',
      division: 'disability_welfare',
      sectionName: '障がい者支援課',
      phone: '0466-25-1111',
      source: 'hearing',
      asOf: '2026-05-20',
      updatedBy: userId,
    },
    {
      municipalityCode: FUJISAWA,
      prefectureCode: '14',
      division: 'maternal_child_health',
      sectionName: '子ども家庭課',
      phone: '0466-25-2222',
      personName: '藤沢 花子',
      source: 'hearing',
      asOf: '2026-05-20',
      updatedBy: userId,
    },
  ]);
}, 60_000);
afterAll(() => t.close());

describe('the public site', () => {
  it('publishes a page the centre writes, and answers it without sign-in in the language asked or Japanese', async () => {
    const res = await c.admin!.post('/api/public-site/pages', page({ titleEn: 'About', bodyEn: 'We help.' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slug: 'about', status: 'published', langs: ['ja', 'en'], version: 1 });
    expect(res.body.versions).toHaveLength(1);
    const ja = await anon.get('/api/public/site/pages/about?prefecture=14');
    expect(ja.status).toBe(200);
    expect(ja.body).toMatchObject({ lang: 'ja', fellBack: false, title: 'センターの役割' });
    expect(ja.body.html).toContain('<h1>相談できること</h1>');
    const en = await anon.get('/api/public/site/pages/about?prefecture=14&lang=en');
    expect(en.body).toMatchObject({ lang: 'en', fellBack: false, title: 'About' });
    const easy = await anon.get('/api/public/site/pages/about?prefecture=14&lang=easy');
    expect(easy.body).toMatchObject({ lang: 'ja', fellBack: true, title: 'センターの役割' });
    const site = await anon.get('/api/public/site?prefecture=14');
    expect(site.body.site.centre.name).toBe('神奈川県医療的ケア児支援センター');
    expect(site.body.site.pages).toEqual([{ kind: 'about', slug: 'about', title: 'センターの役割' }]);
    // A fixed kind exists once.
    const again = await c.staff!.post('/api/public-site/pages', page());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('public_page_slug_taken');
  });

  it('never answers a draft, and takes a page back when it returns to draft', async () => {
    const draft = await c.staff!.post(
      '/api/public-site/pages',
      page({ kind: 'free', slug: 'school-entry', titleJa: '就学の準備', status: 'draft' }),
    );
    expect(draft.status).toBe(201);
    expect((await anon.get('/api/public/site/pages/school-entry?prefecture=14')).status).toBe(404);
    const site = await anon.get('/api/public/site?prefecture=14');
    expect(site.body.site.pages.map((p: { slug: string }) => p.slug)).not.toContain('school-entry');
    const published = await c.staff!.put(`/api/public-site/pages/${draft.body.id}`, {
      ...page({ titleJa: '就学の準備' }),
      version: 1,
    });
    expect(published.status).toBe(200);
    expect((await anon.get('/api/public/site/pages/school-entry?prefecture=14')).status).toBe(200);
    const back = await c.admin!.put(`/api/public-site/pages/${draft.body.id}`, {
      ...page({ titleJa: '就学の準備', status: 'draft' }),
      version: 2,
    });
    expect(back.status).toBe(200);
    expect(back.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect((await anon.get('/api/public/site/pages/school-entry?prefecture=14')).status).toBe(404);
    // A stale version changes nothing.
    const stale = await c.admin!.put(`/api/public-site/pages/${draft.body.id}`, {
      ...page({ titleJa: '古い版' }),
      version: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
  });

  it('renders script and event attributes in Markdown as text, never as HTML', async () => {
    const res = await c.admin!.post(
      '/api/public-site/pages',
      page({
        kind: 'faq',
        titleJa: 'よくある質問',
        bodyJa: '<script>alert(1)</script>\n\n<a href="#" onclick="alert(2)">x</a> [y](javascript:alert(3))',
      }),
    );
    expect(res.status).toBe(201);
    const html = (await anon.get('/api/public/site/pages/faq?prefecture=14')).body.html as string;
    expect(html).not.toMatch(/<script|<a href="#" onclick|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows an emergency notice on every page only between its start and end', async () => {
    const missing = await c.admin!.post(
      '/api/public-site/pages',
      page({ kind: 'emergency', slug: 'typhoon', titleJa: '台風', startsAt: null }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('public_page_window_required');
    const res = await c.admin!.post(
      '/api/public-site/pages',
      page({
        kind: 'emergency',
        slug: 'typhoon',
        titleJa: '台風による休所',
        bodyJa: '12月7日は休所します。',
        startsAt: '2026-12-06T09:00:00+09:00',
        endsAt: '2026-12-08T17:00:00+09:00',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.onShow).toBe(true);
    const notices = (await anon.get('/api/public/site?prefecture=14&lang=en')).body.site.notices;
    expect(notices).toEqual([expect.objectContaining({ slug: 'typhoon', lang: 'ja', fellBack: true })]);
    t.clock.current = new Date('2026-12-08T08:00:00Z');
    expect((await anon.get('/api/public/site?prefecture=14')).body.site.notices).toEqual([]);
    expect((await anon.get('/api/public/site/pages/typhoon?prefecture=14')).status).toBe(404);
    t.clock.current = new Date('2026-12-06T03:00:00Z');
  });

  it('lists the first window of 藤沢市 from its municipality page, as the centre chose it', async () => {
    const before = await anon.get('/api/public/site/first-windows?prefecture=14');
    const fujisawa = () =>
      before.body.regions[0].municipalities.find((m: { code: string }) => m.code === FUJISAWA);
    expect(before.body.regions.at(-1).name).toBe('');
    expect(before.body.regions[0]).toMatchObject({ name: '湘南東部', desk: { name: '湘南支所' } });
    expect(fujisawa()).toMatchObject({
      window: { division: 'disability_welfare', sectionName: '障がい者支援課', phone: '0466-25-1111' },
      coordinator: null,
    });
    const noContact = await c.admin!.put(`/api/public-site/first-windows/${FUJISAWA}`, {
      division: 'education',
      coordinatorPersonId: null,
      version: 0,
    });
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.code).toBe('public_first_window_no_contact');
    const set = await c.staff!.put(`/api/public-site/first-windows/${FUJISAWA}`, {
      division: 'maternal_child_health',
      coordinatorPersonId: coordinatorId,
      note: '平日 8:30〜17:15',
      version: 0,
    });
    expect(set.status).toBe(200);
    const after = await anon.get('/api/public/site/first-windows?prefecture=14');
    const row = after.body.regions[0].municipalities.find((m: { code: string }) => m.code === FUJISAWA);
    expect(row).toMatchObject({
      window: { division: 'maternal_child_health', sectionName: '子ども家庭課', phone: '0466-25-2222' },
      coordinator: { name: '湘南 一郎', organisation: '藤沢市基幹相談支援センター' },
      note: '平日 8:30〜17:15',
    });
    // The municipal staff member's own name on the municipality page is never published.
    expect(JSON.stringify(after.body)).not.toContain('藤沢 花子');
    const stale = await c.admin!.put(`/api/public-site/first-windows/${FUJISAWA}`, {
      division: 'disability_welfare',
      coordinatorPersonId: null,
      version: 0,
    });
    expect(stale.status).toBe(409);
    const staff = await c.admin!.get('/api/public-site/first-windows');
    const listed = staff.body.items.find((m: { code: string }) => m.code === FUJISAWA);
    expect(listed).toMatchObject({ chosenDivision: 'maternal_child_health', version: 1 });
    expect(listed.candidates).toEqual([
      { id: coordinatorId, name: '湘南 一郎', organisation: '藤沢市基幹相談支援センター' },
    ]);
  });
});

describe('the public site, denied', () => {
  it('refuses every role but the centre HQ by role, for real and unknown ids alike', async () => {
    const list = await c.admin!.get('/api/public-site/pages');
    const id = list.body.items[0].id as string;
    const unknown = '0193a6c2-0000-7000-8000-000000000001';
    for (const who of ['municipal', 'coordinator', 'provider', 'auditor', 'learner']) {
      const client = c[who]!;
      for (const res of [
        await client.get('/api/public-site/pages'),
        await client.get(`/api/public-site/pages/${id}`),
        await client.get(`/api/public-site/pages/${unknown}`),
        await client.get('/api/public-site/first-windows'),
        await client.post('/api/public-site/pages', page({ kind: 'free', slug: 'x' })),
        await client.put(`/api/public-site/pages/${id}`, { ...page(), version: 1 }),
        await client.put(`/api/public-site/pages/${unknown}`, { ...page(), version: 1 }),
        await client.put(`/api/public-site/first-windows/${FUJISAWA}`, {
          division: 'disability_welfare',
          coordinatorPersonId: null,
          version: 1,
        }),
      ]) {
        expect(res.status, who).toBe(403);
      }
    }
  });

  it('answers another prefecture’s centre not-found for 14’s pages and municipalities, as for unknown ones', async () => {
    const id = (await c.admin!.get('/api/public-site/pages')).body.items[0].id as string;
    for (const path of [id, '0193a6c2-0000-7000-8000-000000000001']) {
      expect((await c.kumamoto!.get(`/api/public-site/pages/${path}`)).status).toBe(404);
      expect(
        (await c.kumamoto!.put(`/api/public-site/pages/${path}`, { ...page(), version: 1 })).status,
      ).toBe(404);
    }
    for (const code of [FUJISAWA, '439999']) {
      const res = await c.kumamoto!.put(`/api/public-site/first-windows/${code}`, {
        division: 'disability_welfare',
        coordinatorPersonId: null,
        version: 0,
      });
      expect(res.status, code).toBe(404);
    }
    expect((await c.kumamoto!.get('/api/public-site/pages')).body.items).toEqual([]);
  });

  it('records who changed what in the audit log', async () => {
    const audit = await c.admin!.get('/api/audit?entityType=public_page');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
  });
});
