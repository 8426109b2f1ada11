import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { readOpenData, serviceTypeOf } from './open-data';
import { allowedOnService, resourcePolicy } from './policy';
import { acceptedCodes, duplicateCodes, isStale, normaliseCareItems, queryKey, searchKeyOf } from './text';

const actor = (role: Actor['role'], scope: Actor['scope'], prefectureCode: string | null = '14'): Actor => ({
  userId: 'u',
  email: 'e',
  displayName: 'd',
  role,
  prefectureCode,
  scope,
  locale: 'ja',
});

describe('policy', () => {
  const listingA = { municipalityRegionIds: ['A'], networkOrganisationId: 'org1' };
  const listingB = { municipalityRegionIds: ['B'], networkOrganisationId: null };
  it.each([
    ['centre_admin', { kind: 'prefecture' }, true, true, true],
    ['centre_staff', { kind: 'regions', regionIds: ['A'] }, true, false, false],
    ['regional_coordinator', { kind: 'regions', regionIds: ['A'] }, true, false, false],
    ['regional_coordinator', { kind: 'regions', regionIds: ['B'] }, false, true, false],
    [
      'municipal_staff',
      { kind: 'municipality', municipalityCode: '142051', division: null },
      false,
      false,
      false,
    ],
    ['auditor', { kind: 'prefecture' }, false, false, false],
    ['provider_staff', { kind: 'organisation', organisationId: 'org1' }, true, false, false],
    ['system_admin', { kind: 'none' }, false, false, false],
  ] as const)('%s %j: edit A %s, edit B %s, prefecture-wide %s', (role, scope, editA, editB, wide) => {
    const p = resourcePolicy(actor(role, scope as Actor['scope'], role === 'system_admin' ? null : '14'));
    expect(allowedOnService(p, listingA).edit).toBe(editA);
    expect(allowedOnService(p, listingB).edit).toBe(editB);
    expect(p.prefectureWide).toBe(wide);
  });
  it('gives providers no gaps, no links and only their own listings to read', () => {
    const p = resourcePolicy(actor('provider_staff', { kind: 'organisation', organisationId: 'org1' }));
    expect(p.gaps).toBe(false);
    expect(p.read).toEqual({ kind: 'organisation', organisationId: 'org1' });
    expect(allowedOnService(p, listingA).issueLink).toBe(false);
  });
});

describe('text keys', () => {
  it('folds width, kana and kanji variants the same way on both sides', () => {
    const key = searchKeyOf(['髙橋ひまわりデイ', 'タカハシヒマワリデイ']);
    for (const q of ['ひまわり', 'ヒマワリ', 'ﾋﾏﾜﾘ', '高橋', 'たかはし', 'ﾀｶﾊｼ'])
      expect(key).toContain(queryKey(q));
    expect(queryKey('100%_|')).toBe('100');
  });
  it('orders care items, keeps conditions only where they apply, finds repeats', () => {
    const items = normaliseCareItems([
      { code: 'suction', acceptance: 'accepted', conditions: 'x' },
      { code: 'ventilator', acceptance: 'accepted_with_conditions', conditions: ' 日中のみ ' },
      { code: 'dialysis', acceptance: 'not_accepted' },
    ]);
    expect(items).toEqual([
      { code: 'ventilator', acceptance: 'accepted_with_conditions', conditions: '日中のみ' },
      { code: 'suction', acceptance: 'accepted', conditions: null },
      { code: 'dialysis', acceptance: 'not_accepted', conditions: null },
    ]);
    expect(acceptedCodes(items)).toEqual(['ventilator', 'suction']);
    expect(duplicateCodes([{ code: 'a' }, { code: 'b' }, { code: 'a' }])).toEqual(['a']);
  });
  it('calls a listing stale after 12 months without confirmation, or never confirmed', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isStale(new Date('2025-06-02T00:00:00Z'), now)).toBe(false);
    expect(isStale(new Date('2025-05-31T00:00:00Z'), now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
  });
});

describe('open data', () => {
  it.each([
    ['放課後等デイサービス', 'after_school_day_service'],
    ['居宅訪問型児童発達支援', 'home_based_development_support'],
    ['児童発達支援', 'child_development_support'],
    ['医療型短期入所', 'medical_short_stay'],
    ['短期入所', 'welfare_short_stay'],
    ['障害児相談支援', 'consultation_support'],
    ['訪問看護', 'home_visit_nursing'],
    ['home_visit_nursing', 'home_visit_nursing'],
    ['宇宙旅行', null],
  ] as const)('%s → %s', (text, type) => expect(serviceTypeOf(text)).toBe(type));

  it('reads CP932 with a title line above the header, restores municipalities from addresses', () => {
    const text =
      '指定事業所一覧（令和8年4月1日現在）\r\n事業所番号,事業所名,サービス種別,所在地,緯度,経度\r\n1450000001,髙橋デイ①,放課後等デイサービス,藤沢市鵠沼1-1,35.3,139.4\r\n';
    const file = readOpenData(iconv.encode(text, 'CP932'), '14');
    expect(file.encoding).toBe('cp932');
    expect(file.issues).toEqual([]);
    expect(file.rows[0]).toMatchObject({
      officeNumber: '1450000001',
      name: '髙橋デイ①',
      municipalityCode: '142051',
      latitude: 35.3,
      ok: true,
    });
  });

  it('reports duplicates of office number + type within the file', () => {
    const text =
      '事業所番号,事業所名,サービス種別,住所\n1,a,訪問看護,藤沢市1\n1,a,訪問看護,藤沢市1\n1,a,児童発達支援,藤沢市1\n';
    const file = readOpenData(Buffer.from(text), '14');
    expect(file.issues.map((i) => i.row)).toEqual([2]);
  });
});
