import { describe, expect, it } from 'vitest';
import type { Actor, Scope, ScopeKind } from '../../src/modules/access/actor';
import { SCOPE_KINDS } from '../../src/modules/access/actor';
import { ROLES } from '../../src/modules/access/roles';
import { censusAccess, censusListScope } from '../../src/modules/census/policy';
import { learningPolicy } from '../../src/modules/learning/policy';
import { rosterArea } from '../../src/modules/learning/roster/area';
import { municipalPolicy } from '../../src/modules/municipalities/policy';
import { resourcePolicy } from '../../src/modules/resources/policy';
import { surveyPolicy } from '../../src/modules/surveys/policy';
import { ACCESS, isGroup, navFor } from './nav';

/** Every path the menu lists for this role and scope kind. */
function paths(role: (typeof ROLES)[number], scopeKind: ScopeKind): string[] {
  return navFor(role, scopeKind).flatMap((e) => (isGroup(e) ? e.items.map((i) => i.to) : [e.to]));
}

const SAMPLE_SCOPES: Record<ScopeKind, Scope> = {
  none: { kind: 'none' },
  prefecture: { kind: 'prefecture' },
  regions: { kind: 'regions', regionIds: ['00000000-0000-4000-8000-000000000001'] },
  municipality: { kind: 'municipality', municipalityCode: '141003', division: null },
  organisation: { kind: 'organisation', organisationId: '00000000-0000-4000-8000-000000000002' },
};

function actor(role: (typeof ROLES)[number], scopeKind: ScopeKind): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000003',
    email: 'x@example.jp',
    displayName: 'x',
    role,
    prefectureCode: '14',
    scope: SAMPLE_SCOPES[scopeKind],
    locale: 'ja',
  };
}

describe('menu rules that depend on the scope', () => {
  it('hides 実態把握 and the resources rounds from centre staff of a branch', () => {
    expect(paths('centre_staff', 'regions')).not.toContain('/census');
    expect(paths('centre_staff', 'regions')).not.toContain('/resources/confirmation');
    expect(paths('centre_staff', 'regions')).toContain('/resources');
    expect(paths('centre_staff', 'prefecture')).toContain('/census');
    expect(paths('centre_staff', 'prefecture')).toContain('/resources/confirmation');
    expect(paths('centre_admin', 'prefecture')).toContain('/census');
  });

  it('lists census and prefecture-wide resources work exactly when the API allows them', () => {
    for (const role of ROLES) {
      for (const kind of SCOPE_KINDS) {
        const a = actor(role, kind);
        // The centre's census, or a municipality's own list (municipal staff).
        const lists = (() => {
          try {
            return !!censusListScope(a);
          } catch {
            return false;
          }
        })();
        expect(ACCESS.census(role, kind), `census ${role} ${kind}`).toBe(lists);
        if (censusAccess(a) !== 'none') expect(lists).toBe(true);
        expect(ACCESS.resourceRounds(role, kind), `rounds ${role} ${kind}`).toBe(
          resourcePolicy(a).prefectureWide,
        );
      }
    }
  });
});

describe('consultations in the menu', () => {
  it('gives provider staff the queue of the cases shared with their supervise team, and nothing else of it', () => {
    const mine = paths('provider_staff', 'organisation').filter((p) => p.startsWith('/consultations'));
    expect(mine).toEqual(['/consultations']);
    expect(paths('centre_admin', 'prefecture')).toEqual(
      expect.arrayContaining(['/consultations', '/consultations/new', '/consultations/caseload']),
    );
    expect(paths('system_admin', 'none').some((p) => p.startsWith('/consultations'))).toBe(false);
  });
});

describe('learners in the menu', () => {
  it('gives a learner only the learning pages and the account, whatever the scope kind', () => {
    for (const kind of SCOPE_KINDS) {
      expect(paths('learner', kind)).toEqual([
        '/learning/me',
        '/learning/lessons',
        '/learning/me/profile',
        '/account',
      ]);
    }
  });

  it('opens no staff page to a learner and no learner page to staff', () => {
    for (const kind of SCOPE_KINDS) {
      for (const [name, allowed] of Object.entries(ACCESS)) {
        if (name === 'everyone' || name === 'myLearning') continue;
        expect(allowed('learner', kind), `${name} learner ${kind}`).toBe(false);
      }
    }
    for (const role of ROLES.filter((r) => r !== 'learner')) {
      expect(ACCESS.myLearning(role), role).toBe(false);
      expect(
        paths(role, 'prefecture').some((p) => p.startsWith('/learning/me')),
        role,
      ).toBe(false);
    }
  });

  it('lists e-learning management for the roles the learning policy lets read courses, lessons for learners', () => {
    const withElearning = ROLES.filter((r) => paths(r, 'prefecture').includes('/learning/elearning'));
    expect(withElearning.sort()).toEqual(['auditor', 'centre_admin', 'centre_staff', 'regional_coordinator']);
    for (const role of ROLES.filter((r) => r !== 'learner')) {
      expect(paths(role, 'prefecture').includes('/learning/lessons'), role).toBe(false);
    }
  });

  it('matches the server: a learner is refused every area but its own', () => {
    const a = actor('learner', 'none');
    expect(censusAccess(a)).toBe('none');
    expect(resourcePolicy(a).read.kind).toBe('none');
    expect(resourcePolicy(a).gaps).toBe(false);
  });
});

describe('training courses and sessions in the menu', () => {
  it('lists them for exactly the roles whose learning policy reads the training year', () => {
    const centres = [
      { scopeCentreId: null, scopeCentreKind: null },
      { scopeCentreId: 'c', scopeCentreKind: 'hq' },
      { scopeCentreId: 'c', scopeCentreKind: 'branch' },
    ] as const;
    for (const role of ROLES) {
      for (const kind of SCOPE_KINDS) {
        const reads = centres.some((cols) => learningPolicy(actor(role, kind), cols).read.kind !== 'none');
        // The menu reads the role only; a role the policy lets read in some scope sees the entry.
        if (reads) expect(ACCESS.trainings(role), `${role} ${kind}`).toBe(true);
        if (!ACCESS.trainings(role)) expect(reads, `${role} ${kind}`).toBe(false);
      }
    }
    expect(paths('centre_staff', 'regions')).toEqual(
      expect.arrayContaining(['/learning/sessions', '/learning/courses']),
    );
    expect(paths('auditor', 'prefecture')).toContain('/learning/sessions');
    for (const role of ['municipal_staff', 'provider_staff', 'system_admin', 'learner'] as const) {
      expect(
        paths(role, 'prefecture').some((p) => p.startsWith('/learning/sessions')),
        role,
      ).toBe(false);
    }
  });
});

describe('training requests in the menu', () => {
  it('lists them inside 研修 for the centre, coordinators and auditors, and for municipal and provider staff', () => {
    for (const role of ['centre_admin', 'centre_staff', 'regional_coordinator', 'auditor'] as const) {
      expect(paths(role, 'prefecture'), role).toContain('/learning/requests');
    }
    expect(paths('municipal_staff', 'municipality')).toContain('/learning/requests');
    expect(paths('provider_staff', 'organisation')).toContain('/learning/requests');
    for (const role of ['system_admin', 'learner'] as const) {
      expect(paths(role, 'prefecture'), role).not.toContain('/learning/requests');
    }
  });
});

describe('the coordinator roster, supervise pools and training figures in the menu', () => {
  const pages = ['/learning/roster', '/learning/supervise-pool', '/learning/figures'];
  it('lists them inside 研修 for exactly the roles the roster area lets read them', () => {
    const centres = [
      { scopeCentreId: null, scopeCentreKind: null },
      { scopeCentreId: 'c', scopeCentreKind: 'hq' },
      { scopeCentreId: 'c', scopeCentreKind: 'branch' },
    ] as const;
    for (const role of ROLES) {
      for (const kind of SCOPE_KINDS) {
        const reads = centres.some(
          (cols) => rosterArea(learningPolicy(actor(role, kind), cols)).kind !== 'none',
        );
        const listed = pages.filter((p) => paths(role, kind).includes(p));
        // The menu reads the role only: listed wherever some scope of the role reads them, never elsewhere.
        if (reads) expect(listed, `${role} ${kind}`).toEqual(pages);
        if (listed.length === 0) expect(reads, `${role} ${kind}`).toBe(false);
      }
    }
    const group = navFor('centre_staff', 'regions').find((e) => isGroup(e) && e.label === 'nav.trainings');
    expect(group && isGroup(group) ? group.items.map((i) => i.to) : []).toEqual(
      expect.arrayContaining(pages),
    );
    for (const role of ['municipal_staff', 'provider_staff', 'system_admin', 'learner'] as const) {
      for (const p of pages) expect(paths(role, 'prefecture'), role).not.toContain(p);
    }
  });
});

describe('the municipality pages in the menu', () => {
  it('lists them inside 市町村支援 for exactly the roles the municipal page policy lets read some area', () => {
    for (const role of ROLES) {
      for (const kind of SCOPE_KINDS) {
        const reads = municipalPolicy(actor(role, kind)).area.kind !== 'none';
        const listed = paths(role, kind).includes('/municipalities');
        if (reads) expect(listed, `${role} ${kind}`).toBe(true);
        if (!listed) expect(reads, `${role} ${kind}`).toBe(false);
      }
    }
    const group = navFor('municipal_staff', 'municipality').find(
      (e) => isGroup(e) && e.label === 'nav.municipalSupport',
    );
    expect(group && isGroup(group) ? group.items.map((i) => i.to) : []).toContain('/municipalities');
  });
});

describe('surveys in the menu', () => {
  it('lists アンケート for exactly the roles the survey policy lets read, whatever the scope kind', () => {
    for (const role of ROLES) {
      for (const kind of SCOPE_KINDS) {
        expect(paths(role, kind).includes('/surveys'), `${role} ${kind}`).toBe(
          surveyPolicy(actor(role, kind)) !== null,
        );
      }
    }
  });
});
