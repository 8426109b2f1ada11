import { describe, expect, it } from 'vitest';
import { emptyProviderDraft, providerDraftOf, providerEditOf } from './draft';

describe('providerEditOf', () => {
  it('sends unknown as null, numbers as numbers and conditions only with accepted_with_conditions', () => {
    const d = emptyProviderDraft();
    d.minAge = '０';
    d.maxAge = '18';
    d.transport = 'yes';
    d.bathing = 'no';
    d.howToApply = '  電話で  ';
    d.careItems = {
      ventilator: { acceptance: 'accepted', conditions: 'ignored' },
      suction: { acceptance: 'accepted_with_conditions', conditions: ' 平日のみ ' },
      oxygen: { acceptance: '', conditions: '' },
    };
    d.schedules = [
      { key: 1, byday: ['MO', 'TU'], opensAt: '09:00', closesAt: '', note: '' },
      { key: 2, byday: [], opensAt: '', closesAt: '', note: 'no days: dropped' },
    ];
    const edit = providerEditOf(d);
    expect(edit).toMatchObject({
      minAge: 0,
      maxAge: 18,
      capacity: null,
      transport: true,
      bathing: false,
      howToApply: '電話で',
      description: null,
      status: 'active',
    });
    expect(edit.careItems).toEqual([
      { code: 'ventilator', acceptance: 'accepted', conditions: null },
      { code: 'suction', acceptance: 'accepted_with_conditions', conditions: '平日のみ' },
    ]);
    expect(edit.schedules).toEqual([{ byday: ['MO', 'TU'], opensAt: '09:00', closesAt: null, note: null }]);
  });

  it('sends what the listing offers in a disaster, and reads it back (docs/disaster.md §6)', () => {
    const d = emptyProviderDraft();
    expect(providerEditOf(d)).toMatchObject({ disasterSupport: [], disasterNote: null });
    d.disasterSupport = ['charging_point', 'powered_welfare_shelter'];
    d.disasterNote = ' 非常用発電機（72時間） ';
    const edit = providerEditOf(d);
    expect(edit).toMatchObject({
      disasterSupport: ['charging_point', 'powered_welfare_shelter'],
      disasterNote: '非常用発電機（72時間）',
    });
    const back = providerDraftOf({
      description: null,
      howToApply: null,
      eligibilityDescription: null,
      feesDescription: null,
      minAge: null,
      maxAge: null,
      capacity: null,
      vacancy: null,
      transport: null,
      transportNote: null,
      bathing: null,
      bathingNote: null,
      phone: null,
      email: null,
      website: null,
      schedules: [],
      careItems: [],
      status: 'active',
      disasterSupport: ['charging_point', 'powered_welfare_shelter'],
      disasterNote: '非常用発電機（72時間）',
    });
    expect(back.disasterSupport).toEqual(['charging_point', 'powered_welfare_shelter']);
    expect(back.disasterNote).toBe('非常用発電機（72時間）');
  });
});
