import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/vocab/roles';
import { isStale, libraryPolicy, reviewDueOn } from './policy';

describe('library policy', () => {
  it('lets every staff role of a prefecture read, the centre manage, and nobody without a prefecture', () => {
    const table = Object.fromEntries(
      ROLES.map((role) => {
        const p = libraryPolicy({ role, prefectureCode: '14' });
        return [role, `${p.read ? 'r' : '-'}${p.manage ? 'm' : '-'}`];
      }),
    );
    expect(table).toEqual({
      system_admin: '--',
      centre_admin: 'rm',
      centre_staff: 'rm',
      regional_coordinator: 'r-',
      municipal_staff: 'r-',
      provider_staff: 'r-',
      auditor: 'r-',
      learner: '--',
    });
    expect(libraryPolicy({ role: 'centre_admin', prefectureCode: null }).read).toBe(false);
  });
});

describe('review due and stale (12 months, as directory listings)', () => {
  it.each([
    ['2025-12-06', '2026-12-06', true],
    ['2025-12-07', '2026-12-06', false],
    ['2024-02-29', '2025-02-28', true],
    ['2026-01-31', '2026-12-06', false],
  ])('reviewed %s, today %s → stale %s', (reviewed, today, stale) => {
    expect(isStale(reviewed, today)).toBe(stale);
  });
  it('falls due twelve months on, at the end of a shorter month', () => {
    expect(reviewDueOn('2024-02-29')).toBe('2025-02-28');
    expect(reviewDueOn('2025-03-31', 11)).toBe('2026-02-28');
    expect(reviewDueOn('2026-04-01')).toBe('2027-04-01');
  });
});
