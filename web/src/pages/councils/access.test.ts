import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/modules/access/actor';
import { ROLES } from '../../../../src/modules/access/roles';
import { councilPolicy } from '../../../../src/modules/councils/policy';
import { navFor } from '../../nav';
import { readsCouncils } from './access';

const SCOPES: Actor['scope'][] = [
  { kind: 'prefecture' },
  { kind: 'regions', regionIds: ['00000000-0000-4000-8000-000000000001'] },
  { kind: 'municipality', municipalityCode: '142051', division: null },
  { kind: 'organisation', organisationId: '00000000-0000-4000-8000-000000000002' },
];

const actor = (role: (typeof ROLES)[number], scope: Actor['scope']): Actor => ({
  userId: '00000000-0000-4000-8000-000000000003',
  email: 'x@example.jp',
  displayName: 'x',
  role,
  prefectureCode: '14',
  scope,
  locale: 'ja',
});

const facts = {
  scopeCentreId: '00000000-0000-4000-8000-000000000004',
  scopeCentreKind: 'branch' as const,
  municipalityRegionIds: ['00000000-0000-4000-8000-000000000001'],
  coveringCentreIds: [],
};

describe('the councils screens in the menu', () => {
  it('are listed for exactly the roles the councils policy lets read some body', () => {
    for (const role of ROLES) {
      const reads = SCOPES.some((s) => councilPolicy(actor(role, s), facts).read.kind !== 'none');
      expect(readsCouncils(role), role).toBe(reads);
    }
  });

  it('sit in 市町村支援 with the user’s own action items', () => {
    const group = navFor('municipal_staff', 'municipality').find(
      (e) => 'items' in e && e.label === 'nav.municipalSupport',
    );
    const paths = group && 'items' in group ? group.items.map((i) => i.to) : [];
    expect(paths).toEqual(expect.arrayContaining(['/councils', '/councils/action-items']));
    expect(JSON.stringify(navFor('provider_staff', 'organisation'))).not.toContain('/councils');
  });
});
