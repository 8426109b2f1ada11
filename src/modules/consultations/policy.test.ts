import { describe, expect, it } from 'vitest';
import { allowedActions, can, searchTextOf } from './policy';

const base = { owner: false, shared: false, readOnly: false, closed: false };

describe('consultation policy', () => {
  it.each([
    [
      'owner',
      { ...base, owner: true },
      ['update', 'addAction', 'close', 'requestHandoff', 'requestBackup', 'requestSupervise'],
    ],
    ['shared (back-up)', { ...base, shared: true }, ['addAction']],
    ['reader only', base, []],
    ['auditor in no team', { ...base, readOnly: true }, []],
    ['owner of a closed case', { ...base, owner: true, closed: true }, []],
    ['read-only owner', { ...base, owner: true, readOnly: true }, []],
  ])('%s', (_name, rel, expected) => {
    expect(allowedActions(rel)).toEqual(expected);
  });

  it('only the owner hands off', () => {
    expect(can({ ...base, shared: true }, 'requestHandoff')).toBe(false);
    expect(can({ ...base, owner: true }, 'requestHandoff')).toBe(true);
  });
});

describe('searchTextOf', () => {
  it('folds width, kana and punctuation', () => {
    expect(searchTextOf('ショートステイ、ＡＢＣ。　ﾃｽﾄ')).toBe('しょーとすてい abc てすと');
  });
  it('keeps kanji', () => {
    expect(searchTextOf('人工呼吸器の児の保育園入園について')).toBe('人工呼吸器の児の保育園入園について');
  });
});
