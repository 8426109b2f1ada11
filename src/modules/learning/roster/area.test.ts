import { describe, expect, it } from 'vitest';
import type { LearningPolicy } from '../policy';
import { editsRoster, poolsManaged, rosterArea } from './area';

const p = (read: LearningPolicy['read'], manage: LearningPolicy['manage'], pref: string | null = '14') => ({
  prefectureCode: pref,
  read,
  manage,
});

describe('rosterArea', () => {
  it.each([
    [
      'manager',
      p({ kind: 'prefecture' }, { kind: 'prefecture' }),
      { kind: 'prefecture', edit: true },
      true,
      'all',
    ],
    [
      'auditor',
      p({ kind: 'prefecture' }, { kind: 'none' }),
      { kind: 'prefecture', edit: false },
      false,
      'none',
    ],
    [
      'branch staff',
      p({ kind: 'prefecture' }, { kind: 'centre', centreId: 'c1' }),
      { kind: 'centre', centreId: 'c1' },
      true,
      { centreId: 'c1' },
    ],
    [
      'regional coordinator',
      p({ kind: 'prefecture' }, { kind: 'region', regionId: 'r1' }),
      { kind: 'region', regionId: 'r1' },
      true,
      'none',
    ],
    ['no staff access', p({ kind: 'none' }, { kind: 'none' }), { kind: 'none' }, false, 'none'],
    [
      'no prefecture',
      p({ kind: 'prefecture' }, { kind: 'prefecture' }, null),
      { kind: 'none' },
      false,
      'none',
    ],
  ] as const)('%s', (_name, policy, area, edits, pools) => {
    const a = rosterArea(policy);
    expect(a).toEqual(area);
    expect(editsRoster(a)).toBe(edits);
    expect(poolsManaged(a)).toEqual(pools);
  });
});
