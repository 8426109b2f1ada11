import { describe, expect, it } from 'vitest';
import { CARE_ITEMS } from '../care-score';
import { CARE_ITEM_CODES, CARE_ITEM_SHORT_LABELS, careItemLabel } from './care-items';

const LANGS = ['ja', 'en'] as const;

describe('care-item names', () => {
  it('has a name for every item of the score table, and for nothing else', () => {
    expect(Object.keys(CARE_ITEM_SHORT_LABELS).sort()).toEqual([...CARE_ITEM_CODES].sort());
  });

  it.each(LANGS)('names every item differently in %s (short and full names)', (lang) => {
    const short = CARE_ITEM_CODES.map((c) => careItemLabel(c, lang));
    const full = CARE_ITEM_CODES.map((c) => careItemLabel(c, lang, true));
    expect(new Set(short).size).toBe(short.length);
    expect(new Set(full).size).toBe(full.length);
  });

  it('tells the siblings of one heading apart: 経管栄養 ×3, 導尿 ×2, 排便管理 ×3', () => {
    const heads = (prefix: string) =>
      CARE_ITEM_CODES.filter((c) => careItemLabel(c, 'ja').startsWith(prefix));
    expect(heads('経管栄養')).toHaveLength(3);
    expect(heads('導尿')).toHaveLength(2);
    expect(heads('排便管理')).toHaveLength(3);
    for (const code of [...heads('経管栄養'), ...heads('導尿'), ...heads('排便管理')]) {
      // The qualifier in brackets is what tells them apart: never the bare heading.
      expect(careItemLabel(code, 'ja')).toMatch(/^[^（]+（.+）$/);
      expect(careItemLabel(code, 'en')).toMatch(/: .+/);
    }
  });

  it('uses the score table’s wording: each Japanese name is the start of the table’s name', () => {
    // The one entry that is a sentence with no heading: 痙攣時の坐剤挿入、吸引、…等の処置 → 痙攣時の処置.
    const sentences = new Set(['seizure_management']);
    for (const item of CARE_ITEMS) {
      if (sentences.has(item.code)) {
        expect(item.ja.startsWith('痙攣時の') && item.ja.endsWith('処置')).toBe(true);
        continue;
      }
      const name = careItemLabel(item.code, 'ja');
      const bare = name.replace(/）$/, '');
      expect(item.ja.startsWith(bare), `${item.code}: ${name} / ${item.ja}`).toBe(true);
    }
  });

  it('falls back to the full name, then to the code', () => {
    expect(careItemLabel('ventilator', 'ja', true)).toBe(CARE_ITEMS.find((i) => i.code === 'ventilator')?.ja);
    expect(careItemLabel('not_an_item', 'en')).toBe('not_an_item');
  });
});
