import { describe, expect, it } from 'vitest';
import { type PoolCandidate, proposeSuperviseTeam } from './proposal';

const c = (personId: string, tags: string[], load: number, sortKey = personId): PoolCandidate => ({
  personId,
  tags,
  load,
  sortKey,
});

describe('proposeSuperviseTeam', () => {
  it('covers every needed tag with the fewest, least-loaded members', () => {
    const pool = [
      c('a', ['medical', 'nursing'], 0),
      c('b', ['welfare'], 0),
      c('c', ['medical', 'nursing', 'welfare'], 5),
      c('d', ['education'], 1),
    ];
    const p = proposeSuperviseTeam(['medical', 'welfare', 'education'], pool);
    expect(p.members.map((m) => m.personId)).toEqual(['a', 'b', 'd']);
    expect(p.members[0]!.covers).toEqual(['medical']);
    expect(p.uncovered).toEqual([]);
  });

  it('prefers one member with more tags when the load per tag is lower', () => {
    const pool = [
      c('a', ['medical'], 0),
      c('b', ['welfare'], 0),
      c('c', ['medical', 'welfare', 'education'], 1),
    ];
    // c: 3 tags for cost 2 (1.5 a unit) beats a or b (1 a unit).
    const p = proposeSuperviseTeam(['medical', 'welfare', 'education'], pool);
    expect(p.members.map((m) => m.personId)).toEqual(['c']);
  });

  it('weighs load: a busy generalist loses to two idle specialists', () => {
    const pool = [c('busy', ['medical', 'welfare'], 4), c('m', ['medical'], 0), c('w', ['welfare'], 0)];
    const p = proposeSuperviseTeam(['medical', 'welfare'], pool);
    expect(p.members.map((m) => m.personId)).toEqual(['m', 'w']);
  });

  it('breaks ties by more new tags, then lower load, then name, then id', () => {
    // Equal ratio 1: x (1 tag, load 0) vs y (2 tags, load 1) — y covers more.
    expect(
      proposeSuperviseTeam(['a', 'b'], [c('x', ['a'], 0), c('y', ['a', 'b'], 1)]).members.map(
        (m) => m.personId,
      ),
    ).toEqual(['y']);
    // Same tags and load: the name decides, whatever the pool's order.
    const p1 = [c('id2', ['a'], 0, 'あおき'), c('id1', ['a'], 0, 'いとう')];
    expect(proposeSuperviseTeam(['a'], p1).members[0]!.personId).toBe('id2');
    expect(proposeSuperviseTeam(['a'], [...p1].reverse()).members[0]!.personId).toBe('id2');
    // Same name too: the id decides.
    const p2 = [c('id9', ['a'], 0, 'さとう'), c('id3', ['a'], 0, 'さとう')];
    expect(proposeSuperviseTeam(['a'], p2).members[0]!.personId).toBe('id3');
  });

  it('reports tags no one has and still proposes the rest', () => {
    const p = proposeSuperviseTeam(['medical', 'psychology'], [c('a', ['medical'], 2)]);
    expect(p.members.map((m) => m.personId)).toEqual(['a']);
    expect(p.uncovered).toEqual(['psychology']);
  });

  it('proposes no one for no need or an empty pool, and respects a maximum', () => {
    expect(proposeSuperviseTeam([], [c('a', ['medical'], 0)])).toEqual({ members: [], uncovered: [] });
    expect(proposeSuperviseTeam(['medical'], [])).toEqual({ members: [], uncovered: ['medical'] });
    const p = proposeSuperviseTeam(['a', 'b', 'c'], [c('x', ['a'], 0), c('y', ['b'], 0), c('z', ['c'], 0)], {
      maxMembers: 2,
    });
    expect(p.members).toHaveLength(2);
    expect(p.uncovered).toEqual(['c']);
  });

  it('ignores tags not needed and repeated tags when weighing', () => {
    const pool = [
      c('a', ['medical', 'medical', 'education', 'childcare'], 0, 'い'),
      c('b', ['medical'], 0, 'あ'),
    ];
    const p = proposeSuperviseTeam(['medical'], pool);
    // Both give 1 needed tag at cost 1: b sorts first by name.
    expect(p.members.map((m) => m.personId)).toEqual(['b']);
  });
});
