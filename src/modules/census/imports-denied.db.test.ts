import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { csvFile, uploadForm } from '../../test/census-files';
import { makeCentre, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * The denied story of census sources and imports: only the prefecture's centre (administrators and staff with
 * a whole-prefecture scope) writes; auditors read and get 403 on writes; regional coordinators, branch-scoped
 * centre staff, provider staff and system administrators get 404 on every endpoint; municipal staff see only
 * their own municipality's sources and imports (none here: own-list.db.test.ts tells their story); another
 * prefecture's sources, imports and jobs are not found.
 */
let t: TestApp;
let owner: TestClient;
const ids = { source: '', import: '', job: '' };
const NENDO = 2025;
const clients: Record<string, TestClient> = {};

const csv = csvFile(
  [
    ['氏名', '生年月日'],
    ['山田 太郎', '2019/04/05'],
  ],
  'utf8',
);

type Call = { name: string; write: boolean; send: (c: TestClient) => ReturnType<TestClient['get']> };

/** Every endpoint, aimed at prefecture 14's source, import and job. */
function calls(): Call[] {
  const form = () => uploadForm({ fileName: 'x.csv', buffer: csv, sourceId: ids.source, nendo: NENDO });
  return [
    { name: 'GET /sources', write: false, send: (c) => c.get('/api/census/sources') },
    {
      name: 'POST /sources',
      write: true,
      send: (c) => c.post('/api/census/sources', { name: `new ${Math.random()}`, sourceType: 'other' }),
    },
    {
      name: 'PUT /sources/{id}',
      write: true,
      send: (c) => c.put(`/api/census/sources/${ids.source}`, { mapping: {}, version: 1 }),
    },
    {
      name: 'POST /imports/preview',
      write: true,
      send: (c) => c.postForm('/api/census/imports/preview', form()),
    },
    { name: 'POST /imports', write: true, send: (c) => c.postForm('/api/census/imports', form()) },
    {
      name: 'POST /imports/rejected',
      write: true,
      send: (c) => c.postForm('/api/census/imports/rejected', form()),
    },
    {
      name: 'GET /template.xlsx',
      write: false,
      send: (c) => c.get(`/api/census/template.xlsx?nendo=${NENDO}`),
    },
    { name: 'GET /imports', write: false, send: (c) => c.get(`/api/census/imports?nendo=${NENDO}`) },
    { name: 'GET /imports/{id}', write: false, send: (c) => c.get(`/api/census/imports/${ids.import}`) },
    { name: 'GET /jobs/{id}', write: false, send: (c) => c.get(`/api/census/jobs/${ids.job}`) },
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const east = await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
  const branch = await makeCentre(db, '14', { kind: 'branch', regionIds: [east.id] });
  const org = await makeOrganisation(db, '14', { municipalityCode: '142051' });

  owner = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  const source = await owner.post('/api/census/sources', {
    name: '藤沢市',
    sourceType: 'maternal_child_health',
  });
  ids.source = source.body.id;
  const imp = await owner.postForm(
    '/api/census/imports',
    uploadForm({ fileName: 'x.csv', buffer: csv, sourceId: ids.source, nendo: NENDO }),
  );
  expect(imp.status).toBe(202);
  ids.import = imp.body.import.id;
  ids.job = imp.body.import.job.id;
  await t.deps.jobs.drain();

  clients.municipal = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' })
  ).client;
  clients.regional = (
    await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id })
  ).client;
  clients.branchStaff = (
    await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: branch.id })
  ).client;
  clients.provider = (
    await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })
  ).client;
  clients.systemAdmin = (await signedInUser(t, 'system_admin', { prefectureCode: null })).client;
  clients.auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
  clients.staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  clients.otherAdmin = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
});

afterAll(async () => {
  await t.close();
});

describe('census imports: who may do what', () => {
  it("municipal staff find no source, import or job but their own municipality's (none here)", async () => {
    const municipal = clients.municipal!;
    expect((await municipal.get('/api/census/sources')).body.items).toEqual([]);
    expect((await municipal.get(`/api/census/imports?nendo=${NENDO}`)).body.items).toEqual([]);
    for (const call of calls().filter((c) => c.write || c.name.includes('{id}'))) {
      const res = await call.send(municipal);
      expect([call.name, res.status]).toEqual([call.name, 404]);
    }
  });

  it.each(['regional', 'branchStaff', 'provider', 'systemAdmin'])(
    '%s gets 404 on every endpoint',
    async (who) => {
      for (const call of calls()) {
        const res = await call.send(clients[who]!);
        expect([call.name, res.status]).toEqual([call.name, 404]);
        expect(res.body.error.code).toBe('not_found');
      }
    },
  );

  it('an auditor reads (200) and gets 403 on every write', async () => {
    for (const call of calls()) {
      const res = await call.send(clients.auditor!);
      expect([call.name, res.status]).toEqual([call.name, call.write ? 403 : 200]);
    }
    const detail = await clients.auditor!.get(`/api/census/imports/${ids.import}`);
    expect(detail.body).toMatchObject({ id: ids.import, status: 'imported', rowCount: 1 });
  });

  it('centre staff with a whole-prefecture scope may write', async () => {
    const res = await clients.staff!.postForm(
      '/api/census/imports/preview',
      uploadForm({ fileName: 'x.csv', buffer: csv, sourceId: ids.source, nendo: NENDO }),
    );
    expect(res.status).toBe(200);
    expect(res.body.duplicateOf).toBe(ids.import);
  });

  it("another prefecture's centre sees none of it", async () => {
    const other = clients.otherAdmin!;
    expect((await other.get('/api/census/sources')).body.items).toEqual([]);
    expect((await other.get(`/api/census/imports?nendo=${NENDO}`)).body.items).toEqual([]);
    for (const call of calls().filter((c) => c.name.includes('{id}') || c.name.startsWith('POST /imports'))) {
      const res = await call.send(other);
      expect([call.name, res.status]).toEqual([call.name, 404]);
    }
  });

  it('answers 404 for ids that are not UUIDs or do not exist', async () => {
    for (const path of [
      '/api/census/imports/nope',
      '/api/census/jobs/nope',
      `/api/census/jobs/${ids.source}`,
    ]) {
      expect((await owner.get(path)).status).toBe(404);
    }
  });

  it('answers 401 without a session', async () => {
    const anonymous = new TestClient(t);
    for (const call of calls().filter((c) => !c.write)) {
      expect([call.name, (await call.send(anonymous)).status]).toEqual([call.name, 401]);
    }
  });
});
