import { describe, expect, it } from 'vitest';
import { ASKER_KINDS, MUNICIPAL_DIVISIONS } from '../../shared/vocab/consultations';
import { askerDivisionIssue } from './asker';

describe('askerDivisionIssue', () => {
  it('requires a division of a municipal asker and accepts every division', () => {
    expect(askerDivisionIssue('municipality', undefined)?.path).toBe('askerDivision');
    expect(askerDivisionIssue('municipality', null)?.message).toContain('Choose the municipal division');
    for (const d of MUNICIPAL_DIVISIONS) expect(askerDivisionIssue('municipality', d)).toBeNull();
  });

  it('refuses a division for every other asker and accepts none', () => {
    for (const k of ASKER_KINDS.filter((k) => k !== 'municipality')) {
      expect(askerDivisionIssue(k, 'education')?.message, k).toContain(
        'only when the asker is a municipality',
      );
      expect(askerDivisionIssue(k, null), k).toBeNull();
      expect(askerDivisionIssue(k, undefined), k).toBeNull();
    }
  });
});
