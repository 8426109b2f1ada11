import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../access/roles';
import {
  canAdminister,
  canManagePrefectures,
  canReadNetwork,
  listablePrefectures,
  networkTenant,
} from './policy';

const sys = { role: 'system_admin' as const, prefectureCode: null };
const of = (role: Role, prefectureCode: string | null = '43') => ({ role, prefectureCode });

describe('networkTenant', () => {
  it('makes the system administrator name the prefecture', () => {
    expect(networkTenant(sys, undefined)).toEqual({ ok: false, error: 'prefecture_required' });
    expect(networkTenant(sys, '14')).toEqual({ ok: true, prefectureCode: '14' });
  });

  it('keeps everybody else in their own prefecture and hides the others', () => {
    for (const role of ROLES.filter((r) => r !== 'system_admin')) {
      expect(networkTenant(of(role), undefined)).toEqual({ ok: true, prefectureCode: '43' });
      expect(networkTenant(of(role), '43')).toEqual({ ok: true, prefectureCode: '43' });
      expect(networkTenant(of(role), '14')).toEqual({ ok: false, error: 'not_found' });
    }
  });

  it('refuses a prefectural role whose prefecture is missing (default deny)', () => {
    expect(networkTenant(of('centre_admin', null), undefined)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('does not treat a system_admin row with a prefecture as deployment-wide', () => {
    expect(networkTenant(of('system_admin', '43'), '14')).toEqual({ ok: false, error: 'not_found' });
  });
});

describe('canReadNetwork / canAdminister', () => {
  const table: [Role, boolean, boolean][] = [
    // role, reads own prefecture, writes own prefecture
    ['centre_admin', true, true],
    ['centre_staff', true, false],
    ['regional_coordinator', true, false],
    ['municipal_staff', true, false],
    ['provider_staff', true, false],
    ['auditor', true, false],
  ];
  it.each(table)('%s: read %s, write %s in its own prefecture, nothing elsewhere', (role, read, write) => {
    expect(canReadNetwork(of(role), '43')).toBe(read);
    expect(canAdminister(of(role), '43')).toBe(write);
    expect(canReadNetwork(of(role), '14')).toBe(false);
    expect(canAdminister(of(role), '14')).toBe(false);
  });

  it('lets the system administrator read and write any tenant', () => {
    expect(canReadNetwork(sys, '14')).toBe(true);
    expect(canAdminister(sys, '14')).toBe(true);
    expect(canAdminister(sys, '43')).toBe(true);
  });
});

describe('prefectures', () => {
  it('are enabled only by the system administrator', () => {
    expect(canManagePrefectures(sys)).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'system_admin'))
      expect(canManagePrefectures(of(role))).toBe(false);
  });

  it('are listed in full only for the system administrator', () => {
    expect(listablePrefectures(sys)).toBe('all');
    expect(listablePrefectures(of('auditor'))).toEqual(['43']);
    expect(listablePrefectures(of('auditor', null))).toEqual([]);
  });
});
