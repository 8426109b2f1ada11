import { eq } from 'drizzle-orm';
import { censusReviewPairs, censusRuns, learnerSignUps, registrations, savedFilters } from '../../db/schema';
import { type TestApp, TestClient } from '../../test/app';
import { makeCensusSource } from '../../test/census-factory';
import {
  generateTotpSecret,
  makeCentre,
  makeOrganisation,
  makePerson,
  makePrefecture,
  makeRegion,
  makeUser,
} from '../../test/factories';
import { createChildVia } from '../../test/registry-world';
import { signedInUser, signInAs } from '../../test/sign-in';
import { intake } from '../consultations/testing';
import { councilRecords } from '../councils/testing';
import { declaredEvent } from '../disaster-events/testing';
import { engagementVia } from '../engagements/testing';
import { storyVia } from '../good-practices/testing';
import { bouncedMessage } from '../mail/testing';
import { notify } from '../notifications/notify';
import { issueRecords } from '../regional-issues/testing';
import { registrationForm } from '../registrations/testing';
import { COLLECTIONS } from '../registry/collections';
import { createOrganizationVia, createServiceVia } from '../resources/testing';
import { surveyVia } from '../surveys/testing';
import { ROLES, type Role } from './roles';
import type { RecordIds } from './write-world-ids';
import {
  elearningRecords,
  ok,
  poolMember,
  trainingApplication,
  trainingRequest,
} from './write-world-learning';

export { type RecordIds, unknownIds } from './write-world-ids';

/** A child made through the API with one row in each of its lists and a sharing consent. */
async function childWithRows(
  client: TestClient,
  municipalityCode: string,
  address: string,
  orgId: string,
  personId: string,
) {
  const child = await createChildVia(client, {
    municipalityCode,
    address,
    consents: [{ purpose: 'share_municipality', granted: true, decidedOn: '2024-04-01', method: 'paper' }],
  });
  const bodies: Record<string, Record<string, unknown>> = {
    guardians: { familyName: '髙橋', givenName: '花子', relationship: '母' },
    diagnoses: { name: '脳性麻痺', icd10: 'G80.0' },
    physicians: { hospitalName: '市民病院' },
    devices: { kind: 'suction_unit' },
    handbooks: { kind: 'physical', grade: '1級' },
    affiliations: { organisationId: orgId, kind: 'day_service', startedOn: '2024-04-01' },
    careTeam: { personId, role: 'visiting_nurse', isKeyCoordinator: true },
  };
  let version = child.version;
  const rows: Record<string, string> = {};
  for (const spec of COLLECTIONS) {
    const body = ok(
      await client.post(`/api/children/${child.id}/${spec.path}`, { version, ...bodies[spec.name] }),
      spec.name,
    );
    version = body.version;
    rows[spec.name] = body[spec.name][0].id;
  }
  const detail = ok(await client.get(`/api/children/${child.id}`), 'child');
  return { child: child.id, rows, consent: detail.consents[0].id as string };
}

/** A consultation with a pending back-up request to the municipality's team. */
async function consultationWithHandoff(client: TestClient, municipalityCode: string) {
  const c = await intake(client, { municipalityCode });
  const asked = ok(
    await client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'backup',
      to: { tier: 'municipality', municipalityCode },
    }),
    'handoff',
  );
  return { consultation: c.id, handoff: asked.handoffs[0].id as string };
}

/**
 * The world of the write part of the endpoint matrix. 神奈川 (14) has one signed-in user of every role
 * (regional coordinator of 湘南東部 = 藤沢市, municipal staff of 藤沢市, provider staff of a 藤沢 provider).
 * `foreign` holds one record of every kind in 熊本 (43), where no user of 14 reaches, made through the API by
 * 熊本's own staff where a route exists. `local` holds records of 14 that some of its roles cannot see: a child
 * and a consultation of 平塚市 (another region, not served by the provider), a listing of another operator, a
 * bottleneck (providers do not read them), another user's saved filter and notification, and a registration of
 * 藤沢市 that the coordinator of 湘南東部 reviews.
 */
export async function writeWorld(t: TestApp) {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const regionA = await makeRegion(db, '14', '湘南東部', ['142051']);
  const regionWest = await makeRegion(db, '14', '湘南西部', ['142034']);
  const provider = await makeOrganisation(db, '14', { municipalityCode: '142051' });
  const scopes: Record<Role, Parameters<typeof makeUser>[2]> = {
    system_admin: { prefectureCode: null },
    centre_admin: { prefectureCode: '14' },
    centre_staff: { prefectureCode: '14' },
    regional_coordinator: { prefectureCode: '14', regionId: regionA.id },
    municipal_staff: { prefectureCode: '14', municipalityCode: '142051' },
    provider_staff: { prefectureCode: '14', organisationId: provider.id },
    auditor: { prefectureCode: '14' },
    learner: { prefectureCode: '14' },
  };
  const clients = new Map<Role, TestClient>();
  for (const role of ROLES) {
    const secret = generateTotpSecret();
    const user = await makeUser(db, role, { ...scopes[role], totpSecret: secret });
    clients.set(role, await signInAs(t, user, secret));
  }

  // 熊本 (43): every kind of record.
  const region43 = await makeRegion(db, '43', '熊本市', ['431001']);
  const org43 = await makeOrganisation(db, '43', { municipalityCode: '431001' });
  const person43 = await makePerson(db, '43', { familyName: '熊本', givenName: '花子' });
  const admin43 = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  const staff43 = (await signedInUser(t, 'centre_staff', { prefectureCode: '43' })).client;
  const user43 = await makeUser(db, 'municipal_staff', { prefectureCode: '43', municipalityCode: '431001' });
  const [registration] = await db
    .insert(registrations)
    .values({
      prefectureCode: '43',
      receiptNo: 'R-20260601-43WRT',
      submitterKind: 'family',
      municipalityCode: '431001',
      familyKana: 'クマモト',
      givenKana: 'タロウ',
      birthDate: '2024-01-01',
      payload: {},
    })
    .returning();
  const [run] = await db
    .insert(censusRuns)
    .values({ prefectureCode: '43', nendo: 2025, status: 'linked' })
    .returning();
  const [pair] = await db
    .insert(censusReviewPairs)
    .values({ runId: run!.id, aIdx: 0, bIdx: 1, weight: 1, comparison: {}, pairKey: 'a|b' })
    .returning();
  const resourceOrg = await createOrganizationVia(admin43, { name: '社会福祉法人くまもと会' });
  const service = await createServiceVia(admin43, resourceOrg, {
    location: { address: '熊本市中央区水前寺1-1-1', municipalityCode: '431001' },
  });
  const round = ok(await admin43.post('/api/resources/rounds', { nendo: 2026 }), 'round');
  const bottleneck = ok(
    await admin43.post('/api/resources/bottlenecks', { regionId: region43.id, kind: 'no_transport' }),
    'bottleneck',
  );
  const team = ok(
    await admin43.post('/api/consultations/supervise-teams', {
      name: '熊本スーパーバイズチーム',
      memberPersonIds: [person43.id],
    }),
    'supervise team',
  );
  const course43 = ok(
    await admin43.post('/api/learning/courses', { kind: 'brush_up', title: '熊本ブラッシュアップ研修' }),
    'training course',
  );
  const session43 = ok(
    await admin43.post('/api/learning/sessions', { courseId: course43.id, delivery: 'online' }),
    'training session',
  );
  const elearning43 = await elearningRecords(t, admin43, course43.id);
  const [filter] = await db
    .insert(savedFilters)
    .values({ userId: user43.id, scope: 'registry', name: '熊本', filter: {} })
    .returning();
  const [signUp43] = await db
    .insert(learnerSignUps)
    .values({
      prefectureCode: '43',
      email: 'learner43@example.jp',
      displayName: '熊本 学',
      profession: 'nurse',
      workplaceName: '熊本市民病院',
      municipalityCode: '431001',
    })
    .returning();
  const foreign: RecordIds = {
    ...(await childWithRows(staff43, '431001', '熊本市中央区水前寺1-2-3', org43.id, person43.id)),
    ...(await consultationWithHandoff(staff43, '431001')),
    savedFilter: filter!.id,
    region: region43.id,
    centre: (await makeCentre(db, '43')).id,
    organisation: org43.id,
    person: person43.id,
    user: user43.id,
    notification: await notify(db, {
      prefectureCode: '43',
      recipientUserId: user43.id,
      kind: 'child_moved_in',
      titleJa: '転入',
      titleEn: 'Moved in',
      at: new Date(),
    }),
    registration: registration!.id,
    source: (await makeCensusSource(db, '43', '熊本市 母子保健', 'other')).id,
    pair: pair!.id,
    run: run!.id,
    resourceOrg,
    service: service.id,
    round: round.round.id,
    bottleneck: bottleneck.id,
    superviseTeam: team.id,
    trainingCourse: course43.id,
    trainingSession: session43.id,
    ...(await trainingApplication(t, admin43, '43')),
    learnerSignUp: signUp43!.id,
    trainingRequest: await trainingRequest(admin43, '431001'),
    ...elearning43,
    poolMember: await poolMember(t, admin43, '43', person43.id),
    ...(await issueRecords(admin43, { regionId: region43.id })),
    ...(await councilRecords(admin43)),
    engagement: await engagementVia(admin43, '431001'),
    engagementMunicipality: '431001',
    municipality: '431001',
    survey: (await surveyVia(admin43)).id,
    libraryItem: ok(
      await admin43.post('/api/library/items', {
        title: '熊本の就学ガイド',
        kind: 'link',
        situations: ['school_entry'],
        audiences: ['family'],
        visibility: 'public',
        url: 'https://example.jp/guide',
      }),
      'library item',
    ).id,
    goodPractice: (await storyVia(admin43, region43.id, '431001')).id,
    publicPage: ok(
      await admin43.post('/api/public-site/pages', {
        kind: 'about',
        titleJa: '熊本のセンター',
        status: 'draft',
      }),
      'public page',
    ).id,
    mailMessage: await bouncedMessage(db, '43', user43.id),
    disasterEvent: await declaredEvent(db, '43', '431001', user43.id),
  };

  // 神奈川 (14): records out of some roles' reach.
  const centreAdmin = clients.get('centre_admin')!;
  const centreStaff = clients.get('centre_staff')!;
  const other14 = await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142034' });
  const [filter14] = await db
    .insert(savedFilters)
    .values({ userId: other14.id, scope: 'registry', name: '平塚', filter: {} })
    .returning();
  const operator14 = await createOrganizationVia(centreAdmin, { name: '社会福祉法人ひらつか会' });
  // Attended elsewhere: the provider of the users of 14 does not serve this child.
  const school14 = await makeOrganisation(db, '14', { kind: 'school', municipalityCode: '142034' });
  const person14 = await makePerson(db, '14', { familyName: '平塚', givenName: '看護' });
  // A registration of 藤沢市 sent through the public form, pending in the queue of the centre and of 湘南東部's
  // coordinator.
  const sent = ok(
    await new TestClient(t).post('/api/public/registrations', registrationForm()),
    'registration',
  );
  const [registration14] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(eq(registrations.receiptNo, sent.receiptNo));
  const local = {
    registration: registration14!.id,
    municipality: '142034', // 平塚市: outside region A and not the municipal staff's
    ...(await childWithRows(centreStaff, '142034', '平塚市浅間町1-1', school14.id, person14.id)),
    ...(await consultationWithHandoff(centreStaff, '142034')),
    savedFilter: filter14!.id,
    notification: await notify(db, {
      prefectureCode: '14',
      recipientUserId: other14.id,
      kind: 'child_moved_in',
      titleJa: '転入',
      titleEn: 'Moved in',
      at: new Date(),
    }),
    service: (
      await createServiceVia(centreAdmin, operator14, {
        location: { address: '平塚市浅間町2-2', municipalityCode: '142034' },
      })
    ).id,
    bottleneck: ok(
      await centreAdmin.post('/api/resources/bottlenecks', { regionId: regionA.id, kind: 'no_transport' }),
      'bottleneck',
    ).id,
    // Another learner's application to a session of the centre's HQ (not the coordinator's region).
    ...(await trainingApplication(t, centreAdmin, '14')),
    // A request of 平塚市 owned by the HQ: not the coordinator's region, nor the municipality or provider of 14's users.
    trainingRequest: await trainingRequest(centreAdmin, '142034'),
    // An issue and a project of 平塚市: outside region A and not the municipal staff's.
    ...(await issueRecords(centreAdmin, { municipalityCode: '142034' })),
    // A council of 湘南西部: another region's, which the coordinator and municipal staff of 湘南東部 do not see.
    ...(await councilRecords(centreAdmin, { ownerRegionId: regionWest.id })),
    // An engagement with 平塚市 and its cycle: another region, not the municipal staff's own.
    engagement: await engagementVia(centreAdmin, '142034'),
    engagementMunicipality: '142034',
    // A draft story of 平塚市: another region, not the municipal staff's own.
    goodPractice: (await storyVia(centreAdmin, regionWest.id, '142034')).id,
    // An event declared for 平塚市: another region, not the municipal staff's own.
    disasterEvent: await declaredEvent(db, '14', '142034', other14.id),
  };
  return { clients, foreign, local };
}
