import { describe, expect, it } from 'vitest';
import { parseNewRequestSearch, parseRequestSearch } from './search';

describe('training request searches', () => {
  it('keeps what the list understands and drops the rest', () => {
    expect(parseRequestSearch({ status: 'open', mine: 'true', q: ' 胃ろう ', page: '2' })).toEqual({
      status: 'open',
      mine: true,
      q: '胃ろう',
      page: 2,
    });
    expect(parseRequestSearch({ page: '0', mine: 'no', q: ' ' })).toEqual({
      status: undefined,
      mine: undefined,
      q: undefined,
      page: undefined,
    });
  });

  it('takes ids, a 年度 and an entry kind only when well formed', () => {
    const id = '0b7f3c56-6f5e-4a55-9a4a-0d2b8b8f1c11';
    expect(parseNewRequestSearch({ childId: id, nendo: '2027', transitionKind: 'elementary_entry' })).toEqual(
      {
        resourceOrganizationId: undefined,
        childId: id,
        nendo: 2027,
        transitionKind: 'elementary_entry',
      },
    );
    expect(parseNewRequestSearch({ childId: 'x', nendo: '27', transitionKind: 'turning_18' })).toEqual({
      resourceOrganizationId: undefined,
      childId: undefined,
      nendo: undefined,
      transitionKind: undefined,
    });
  });
});
