import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { ROLES, type Role } from '../access/roles';
import { allowedChildActions, canCreateChild, canEditChild, canManageConsents, canMoveChild } from './policy';

const SCOPES: Record<Role, Actor['scope']> = {
  system_admin: { kind: 'none' },
  centre_admin: { kind: 'prefecture' },
  centre_staff: { kind: 'regions', regionIds: ['r1'] },
  regional_coordinator: { kind: 'regions', regionIds: ['r1'] },
  municipal_staff: { kind: 'municipality', municipalityCode: '142051', division: null },
  provider_staff: { kind: 'organisation', organisationId: 'o1' },
  auditor: { kind: 'prefecture' },
  learner: { kind: 'none' },
};

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  email: 'u@example.jp',
  displayName: 'u',
  role,
  prefectureCode: role === 'system_admin' ? null : '14',
  scope: SCOPES[role],
  locale: 'ja',
  ...over,
});

const EDITORS: Role[] = ['centre_admin', 'centre_staff', 'regional_coordinator', 'municipal_staff'];

describe('registry policy', () => {
  it.each(ROLES)(
    '%s: edits, manages consents, moves and creates exactly when it keeps the registry',
    (role) => {
      const a = actor(role);
      const expected = EDITORS.includes(role);
      expect(canEditChild(a)).toBe(expected);
      expect(canManageConsents(a)).toBe(expected);
      expect(canMoveChild(a)).toBe(expected);
      expect(canCreateChild(a)).toBe(expected);
      expect(allowedChildActions(a, 'full')).toEqual({
        edit: expected,
        manageConsents: expected,
        move: expected,
      });
    },
  );

  it.each(ROLES)('%s: nothing is allowed on a former-residence view', (role) => {
    expect(allowedChildActions(actor(role), 'former_residence')).toEqual({
      edit: false,
      manageConsents: false,
      move: false,
    });
  });

  it('allows nothing to an editor without an area (incomplete scope or no prefecture)', () => {
    expect(canEditChild(actor('municipal_staff', { scope: { kind: 'none' } }))).toBe(false);
    expect(canCreateChild(actor('centre_staff', { prefectureCode: null }))).toBe(false);
  });
});
