import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/vocab/roles';
import type { Actor } from '../access/actor';
import { municipalPolicy, readsMunicipalPages } from './policy';

const actor = (role: Actor['role'], scope: Actor['scope'], prefectureCode: string | null = '14') => ({
  role,
  scope,
  prefectureCode,
});

describe('municipal page policy', () => {
  it('gives the centre the whole prefecture and lets it keep the pages', () => {
    expect(municipalPolicy(actor('centre_admin', { kind: 'prefecture' }))).toEqual({
      prefectureCode: '14',
      area: { kind: 'prefecture' },
      edit: true,
    });
    expect(municipalPolicy(actor('centre_staff', { kind: 'prefecture' })).edit).toBe(true);
  });

  it('limits branch staff and regional coordinators to their regions', () => {
    const p = municipalPolicy(actor('regional_coordinator', { kind: 'regions', regionIds: ['r1'] }));
    expect(p.area).toEqual({ kind: 'regions', regionIds: ['r1'] });
    expect(p.edit).toBe(true);
    expect(municipalPolicy(actor('centre_staff', { kind: 'regions', regionIds: [] })).area.kind).toBe('none');
  });

  it('gives municipal staff their own municipality, whatever their division', () => {
    const p = municipalPolicy(
      actor('municipal_staff', { kind: 'municipality', municipalityCode: '142051', division: 'education' }),
    );
    expect(p).toEqual({
      prefectureCode: '14',
      area: { kind: 'municipality', municipalityCode: '142051' },
      edit: true,
    });
  });

  it('lets auditors read without keeping', () => {
    const p = municipalPolicy(actor('auditor', { kind: 'prefecture' }));
    expect(p.area.kind).toBe('prefecture');
    expect(p.edit).toBe(false);
  });

  it('denies providers, learners, system administrators and incomplete scopes', () => {
    expect(
      municipalPolicy(actor('provider_staff', { kind: 'organisation', organisationId: 'o' })).area.kind,
    ).toBe('none');
    expect(municipalPolicy(actor('learner', { kind: 'none' })).area.kind).toBe('none');
    expect(municipalPolicy(actor('system_admin', { kind: 'none' }, null)).area.kind).toBe('none');
    expect(municipalPolicy(actor('centre_staff', { kind: 'none' })).area.kind).toBe('none');
    expect(ROLES.filter(readsMunicipalPages)).toEqual([
      'centre_admin',
      'centre_staff',
      'regional_coordinator',
      'municipal_staff',
      'auditor',
    ]);
  });
});
