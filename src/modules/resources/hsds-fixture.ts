import { generateResources } from '../../demo/resources';
import type { TestApp } from '../../test/app';
import type { RegistryWorld } from '../../test/registry-world';
import { createOrganizationVia, createServiceVia } from './testing';

/**
 * A directory in 神奈川 (14) with every kind of field filled, for the HSDS tests: generated demo listings
 * (schedules, capacity, care items with conditions, service areas, temporarily closed ones) and listings made
 * through the API with what the generator leaves out — e-mail, website, notes, fees, what it offers in a
 * disaster, a location name and postal code, a schedule with a note and no times — and the statuses inactive
 * and defunct, and a bare one.
 */
export async function directoryWithEveryField(t: TestApp, w: RegistryWorld, generated = 150) {
  await generateResources(t.db.systemDb, {
    seed: 20261206,
    prefectureCodes: ['14'],
    perPrefecture: generated,
    now: t.clock.now(),
  });
  const admin = w.clients.centreAdmin;
  const org = await createOrganizationVia(admin, {
    name: '社会福祉法人すべて会',
    kana: 'スベテカイ',
    description: '湘南で重症心身障害児の支援をしています。',
    email: 'info@subete.example.jp',
    website: 'https://subete.example.jp/',
    phone: '0466-99-0000',
  });
  const full = await createServiceVia(admin, org, {
    name: 'すべて放課後デイ',
    officeNumber: '1451999991',
    email: 'day@subete.example.jp',
    website: 'https://subete.example.jp/day',
    eligibilityDescription: '小学生から高校生まで',
    feesDescription: '利用者負担は原則1割です。',
    transportNote: '藤沢市内のみ',
    bathing: true,
    bathingNote: '機械浴があります',
    disasterSupport: ['powered_welfare_shelter', 'charging_point'],
    disasterNote: '停電時は発電機で人工呼吸器の充電ができます',
    serviceAreaCodes: ['142034', '142077'],
    schedules: [
      { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '10:00', closesAt: '18:00' },
      { byday: ['SA'], note: '月2回、予約制' },
    ],
    location: {
      name: 'すべて会館',
      postalCode: '251-0037',
      address: '藤沢市鵠沼海岸2-3-4',
      latitude: 35.318,
      longitude: 139.471,
    },
  });
  const bare = {
    kana: null,
    description: null,
    howToApply: null,
    minAge: null,
    maxAge: null,
    capacity: null,
    vacancy: null,
    transport: null,
    bathing: null,
    phone: null,
    schedules: [],
    careItems: [],
    location: { address: '平塚市浅間町2-2' },
  };
  const inactive = await createServiceVia(admin, org, {
    ...bare,
    name: '休止中の相談室',
    type: 'consultation_support',
    status: 'inactive',
  });
  const defunct = await createServiceVia(admin, org, { name: '廃止した教室', status: 'defunct' });
  const closed = await createServiceVia(admin, org, { name: '一時休業のデイ', status: 'temporarily_closed' });
  return { org, full, inactive, defunct, closed };
}
