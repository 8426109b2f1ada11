import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../access/roles';
import {
  canAdministerUsers,
  canAssignRole,
  canManageUser,
  EMPTY_SCOPE,
  fitScopeToRole,
  isSelfLockout,
  newUserPrefecture,
  scopeIssues,
} from './policy';

const sys = { userId: 's', role: 'system_admin' as const, prefectureCode: null };
const admin43 = { userId: 'a', role: 'centre_admin' as const, prefectureCode: '43' };
const of = (role: Role, prefectureCode: string | null = '43') => ({ userId: 'x', role, prefectureCode });
const ID = '00000000-0000-4000-8000-000000000000';

describe('who administers users', () => {
  it.each(ROLES.map((r) => [r, r === 'system_admin' || r === 'centre_admin'] as const))(
    '%s → %s',
    (role, allowed) => {
      expect(canAdministerUsers(of(role, role === 'system_admin' ? null : '43'))).toBe(allowed);
    },
  );

  it('refuses a centre administrator without a prefecture (default deny)', () => {
    expect(canAdministerUsers(of('centre_admin', null))).toBe(false);
  });
});

describe('canManageUser', () => {
  it('limits a centre administrator to non-system users of its prefecture', () => {
    expect(canManageUser(admin43, { id: 'u', role: 'municipal_staff', prefectureCode: '43' })).toBe(true);
    expect(canManageUser(admin43, { id: 'u', role: 'centre_admin', prefectureCode: '43' })).toBe(true);
    expect(canManageUser(admin43, { id: 'u', role: 'municipal_staff', prefectureCode: '14' })).toBe(false);
    expect(canManageUser(admin43, { id: 'u', role: 'system_admin', prefectureCode: null })).toBe(false);
  });

  it('lets the system administrator manage everybody and nobody else manage anyone', () => {
    expect(canManageUser(sys, { id: 'u', role: 'system_admin', prefectureCode: null })).toBe(true);
    expect(canManageUser(sys, { id: 'u', role: 'auditor', prefectureCode: '14' })).toBe(true);
    expect(canManageUser(of('auditor'), { id: 'u', role: 'municipal_staff', prefectureCode: '43' })).toBe(
      false,
    );
  });
});

describe('roles and prefectures of new users', () => {
  it('keeps system_admin for the system administrator', () => {
    expect(canAssignRole(admin43, 'system_admin')).toBe(false);
    expect(canAssignRole(admin43, 'centre_admin')).toBe(true);
    expect(canAssignRole(sys, 'system_admin')).toBe(true);
    expect(canAssignRole(of('centre_staff'), 'municipal_staff')).toBe(false);
  });

  it('puts a centre administrator’s users in its own prefecture', () => {
    expect(newUserPrefecture(admin43, 'municipal_staff', undefined)).toEqual({
      ok: true,
      prefectureCode: '43',
    });
    expect(newUserPrefecture(admin43, 'municipal_staff', '43')).toEqual({ ok: true, prefectureCode: '43' });
    expect(newUserPrefecture(admin43, 'municipal_staff', '14')).toEqual({ ok: false, error: 'forbidden' });
    expect(newUserPrefecture(admin43, 'system_admin', null)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('makes the system administrator name the prefecture of a prefectural user, and none for a system one', () => {
    expect(newUserPrefecture(sys, 'centre_admin', '14')).toEqual({ ok: true, prefectureCode: '14' });
    expect(newUserPrefecture(sys, 'centre_admin', undefined)).toMatchObject({
      ok: false,
      error: 'validation_failed',
    });
    expect(newUserPrefecture(sys, 'system_admin', undefined)).toEqual({ ok: true, prefectureCode: null });
    expect(newUserPrefecture(sys, 'system_admin', '14')).toMatchObject({
      ok: false,
      error: 'validation_failed',
    });
  });

  it('spots an administrator acting on itself', () => {
    expect(isSelfLockout(admin43, { id: 'a' })).toBe(true);
    expect(isSelfLockout(admin43, { id: 'b' })).toBe(false);
  });
});

describe('scope shapes', () => {
  const table: [Role, Partial<typeof EMPTY_SCOPE>, string[]][] = [
    ['centre_admin', {}, []],
    ['centre_admin', { regionId: ID }, ['scope.regionId']],
    ['auditor', { municipalityCode: '431001' }, ['scope.municipalityCode']],
    ['centre_staff', {}, []],
    ['centre_staff', { centreId: ID }, []],
    ['regional_coordinator', {}, ['scope.regionId']],
    ['regional_coordinator', { regionId: ID }, []],
    ['municipal_staff', {}, ['scope.municipalityCode']],
    ['municipal_staff', { municipalityCode: '431001', division: 'education' }, []],
    ['municipal_staff', { division: 'education' }, ['scope.municipalityCode']],
    ['provider_staff', { organisationId: ID }, []],
    ['provider_staff', { organisationId: ID, centreId: ID }, ['scope.centreId']],
    ['system_admin', { organisationId: ID }, ['scope.organisationId']],
  ];
  it.each(table)('%s %j → %j', (role, scope, paths) => {
    expect(scopeIssues(role, { ...EMPTY_SCOPE, ...scope }).map((i) => i.path)).toEqual(paths);
  });

  it('keeps only the fields the new role uses', () => {
    const scope = {
      ...EMPTY_SCOPE,
      municipalityCode: '431001',
      division: 'education' as const,
      regionId: ID,
    };
    expect(fitScopeToRole('municipal_staff', scope)).toEqual({
      ...EMPTY_SCOPE,
      municipalityCode: '431001',
      division: 'education',
    });
    expect(fitScopeToRole('centre_admin', scope)).toEqual(EMPTY_SCOPE);
    expect(fitScopeToRole('regional_coordinator', scope)).toEqual({ ...EMPTY_SCOPE, regionId: ID });
  });
});
