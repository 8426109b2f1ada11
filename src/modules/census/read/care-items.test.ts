import { describe, expect, it } from 'vitest';
import { CARE_ITEMS } from '../../../shared/care-score';
import { parseCareItems } from './care-items';

describe('parseCareItems', () => {
  it.each([
    ['人工呼吸器、気管切開・吸引', ['ventilator', 'tracheostomy', 'suction']],
    ['吸引・人工呼吸器', ['ventilator', 'suction']],
    ['胃ろう／吸引（口鼻腔）', ['suction', 'tube_feeding_gastric']],
    ['経管栄養（経鼻腸管、経胃瘻腸管、腸瘻、食道瘻）', ['tube_feeding_intestinal']],
    ['経管栄養', ['tube_feeding_gastric']],
    ['在宅酸素,導尿', ['oxygen', 'catheterization_intermittent']],
    ['ＮＰＰＶ，ネブライザー', ['ventilator', 'nebulizer']],
    ['気管切開の管理\n酸素療法', ['tracheostomy', 'oxygen']],
    ['吸引あり', ['suction']],
    ['人工呼吸器（夜間のみ）', ['ventilator']],
    ['痙攣時の坐剤挿入、吸引、酸素投与、迷走神経刺激装置の作動等の処置', ['seizure_management']],
    ['インスリン注射及び血糖測定', ['subcutaneous_injection', 'blood_glucose']],
    ['吸引、吸引', ['suction']],
    ['たんきゅういん', []],
  ])('%s → %j', (cell, ids) => {
    expect(parseCareItems(cell).ids).toEqual(ids);
  });

  it.each(['', '  ', 'なし', '無', '－', '特になし'])('%j gives no items and no unknown words', (cell) => {
    expect(parseCareItems(cell)).toEqual({ ids: [], unknown: [] });
  });

  it('returns the words it cannot place', () => {
    expect(parseCareItems('人工呼吸器、見守り、謎')).toEqual({
      ids: ['ventilator'],
      unknown: ['見守り', '謎'],
    });
  });

  it('reads every item of the table by its own label', () => {
    for (const item of CARE_ITEMS) expect(parseCareItems(item.ja).ids).toEqual([item.code]);
  });

  it('reads every item by its code', () => {
    for (const item of CARE_ITEMS) expect(parseCareItems(item.code).ids).toEqual([item.code]);
  });
});
