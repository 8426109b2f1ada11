import { describe, expect, it } from 'vitest';
import { type BreakdownMember, countBreakdown, excludedTotal, exclusionOf } from './breakdown';
import { isCounted } from './results';

const rec: BreakdownMember = { kind: 'record', childStatus: null };
const reg = (childStatus: BreakdownMember['childStatus']): BreakdownMember => ({
  kind: 'registry',
  childStatus,
});

describe('census count breakdown', () => {
  it('explains 310件 → 304人 → 278人: duplicates joined, registry-only people who left excluded by reason', () => {
    const clusters: BreakdownMember[][] = [];
    // 270 list records: 258 people alone, 6 people found twice in the lists (12 records)
    for (let i = 0; i < 258; i++) clusters.push([rec]);
    for (let i = 0; i < 6; i++) clusters.push([rec, rec]);
    // 40 registry children: 14 joined to a list record, 26 of the registry only who died, moved out or moved
    // to adult services
    for (let i = 0; i < 14; i++) clusters[i]!.push(reg('at_home'));
    for (let i = 0; i < 3; i++) clusters.push([reg('deceased')]);
    for (let i = 0; i < 20; i++) clusters.push([reg('moved_out')]);
    for (let i = 0; i < 3; i++) clusters.push([reg('adult_services')]);
    const b = countBreakdown(clusters);
    expect(b).toEqual({
      listRecords: 270,
      registryRecords: 40,
      records: 310,
      merged: 20,
      people: 290,
      excluded: { deceased: 3, movedOut: 20, adultServices: 3 },
      children: 264,
    });
    expect(b.records - b.merged).toBe(b.people);
    expect(b.people - excludedTotal(b)).toBe(b.children);
  });

  it('counts a registry child still at home or in hospital even when no list holds it', () => {
    expect(exclusionOf([reg('at_home')])).toBeNull();
    expect(exclusionOf([reg('in_hospital')])).toBeNull();
    expect(exclusionOf([reg(null)])).toBeNull();
  });

  it('never excludes a person some list holds, whatever the registry says', () => {
    expect(exclusionOf([reg('deceased'), rec])).toBeNull();
    expect(exclusionOf([reg('moved_out'), rec])).toBeNull();
  });

  it('names one reason per person: died before moved out before adult services', () => {
    expect(exclusionOf([reg('moved_out'), reg('deceased')])).toBe('deceased');
    expect(exclusionOf([reg('adult_services'), reg('moved_out')])).toBe('movedOut');
    expect(exclusionOf([reg('adult_services'), reg('at_home')])).toBeNull();
  });

  it('agrees with the rule the results count by (isCounted)', () => {
    const cases: BreakdownMember[][] = [
      [rec],
      [reg('deceased')],
      [reg('moved_out'), reg('adult_services')],
      [reg('moved_out'), reg('at_home')],
      [reg('deceased'), rec],
    ];
    for (const members of cases) {
      const cluster = {
        cluster: 0,
        members: members.map((m) => ({ ...m, childStatusSince: null }) as never),
      };
      expect(exclusionOf(members) === null, JSON.stringify(members)).toBe(isCounted(cluster));
    }
  });

  it('is all zeros for an empty run', () => {
    const b = countBreakdown([]);
    expect(b.records).toBe(0);
    expect(b.children).toBe(0);
  });
});
