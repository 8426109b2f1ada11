import { describe, expect, it } from 'vitest';
import { LEARNER_API_AREAS, mayCallArea } from './learner-areas';
import { ROLES } from './roles';

describe('the learner fence', () => {
  it('lets every staff role call every area', () => {
    for (const role of ROLES.filter((r) => r !== 'learner')) {
      expect(mayCallArea(role, '/api/children'), role).toBe(true);
      expect(mayCallArea(role, '/api/learning/sessions'), role).toBe(true);
    }
  });

  it.each([
    ['/api/auth/session', true],
    ['/api/auth/sign-in', true],
    ['/api/learning/me', true],
    ['/api/learning', true],
    ['/api/public/learning/sign-up', true],
    ['/api/notifications', true],
    ['/api/notifications/00000000-0000-4000-8000-000000000000/read', true],
    ['/api/saved-filters', true],
    ['/api/openapi.json', true],
    ['/api/children', false],
    ['/api/children/00000000-0000-4000-8000-000000000000', false],
    ['/api/home/figures', false],
    ['/api/consultations', false],
    ['/api/resources/services', false],
    ['/api/network/organisations', false],
    ['/api/admin/users', false],
    ['/api/census/runs', false],
    ['/api/audit', false],
    ['/api/transitions', false],
    // A prefix alone is not an area: /api/learning-admin would be another module.
    ['/api/learning-admin', false],
    ['/api/notificationsx', false],
    ['/api/publicity', false],
  ] as const)('learner %s → %s', (path, allowed) => {
    expect(mayCallArea('learner', path)).toBe(allowed);
  });

  it('keeps its areas under /api', () => {
    for (const area of LEARNER_API_AREAS) expect(area.startsWith('/api/')).toBe(true);
  });
});
