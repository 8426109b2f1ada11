import type { TestApp, TestClient } from '../../test/app';

/** A valid body for POST /api/resources/services (override what a test needs). */
export function serviceBody(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    name: 'ひまわり放課後デイ',
    kana: 'ひまわりほうかごでい',
    type: 'after_school_day_service',
    description: '重症心身障害児を主に対象とする放課後等デイサービスです。',
    howToApply: '相談支援専門員を通じてお電話ください。見学できます。',
    minAge: 6,
    maxAge: 18,
    capacity: 5,
    vacancy: 1,
    transport: true,
    bathing: false,
    phone: '0466-00-0000',
    schedules: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '10:00', closesAt: '18:00' }],
    careItems: [
      { code: 'suction', acceptance: 'accepted' },
      { code: 'tube_feeding_gastric', acceptance: 'accepted' },
      { code: 'ventilator', acceptance: 'accepted_with_conditions', conditions: '看護師2名の日のみ' },
      { code: 'dialysis', acceptance: 'not_accepted' },
    ],
    location: { address: '藤沢市鵠沼海岸1-2-3', latitude: 35.32, longitude: 139.47 },
    ...overrides,
  };
}

/** Creates an organization and returns its id. */
export async function createOrganizationVia(client: TestClient, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/resources/organizations', { name: '社会福祉法人つなぐ会', ...body });
  if (res.status !== 200) throw new Error(`organization: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function createServiceVia(
  client: TestClient,
  orgId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await client.post('/api/resources/services', serviceBody(orgId, overrides));
  if (res.status !== 200) throw new Error(`service: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Sends a file's bytes as a CSV body with the client's session and CSRF token (the import routes). */
export async function sendCsvVia(t: TestApp, client: TestClient, path: string, body: Buffer | string) {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      'x-forwarded-for': client.ip,
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: await res.json() };
}
