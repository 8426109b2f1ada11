import { describe, expect, it } from 'vitest';
import { subjectFrom } from './subject';

describe('subjectFrom', () => {
  it('takes the first sentence of the first line', () => {
    expect(subjectFrom('退院後の訪問看護を探したい。週3回希望。\n詳しくは電話で', ['medical_care'])).toBe(
      '退院後の訪問看護を探したい',
    );
  });

  it('cuts a long sentence at 40 characters with an ellipsis', () => {
    const s = subjectFrom('あ'.repeat(60), ['education']);
    expect([...s]).toHaveLength(40);
    expect(s.endsWith('…')).toBe(true);
  });

  it('names the first topic when the narrative gives nothing', () => {
    expect(subjectFrom('。\nあとで', ['short_stay', 'money'])).toBe('ショートステイの相談');
    expect(subjectFrom('   ', [])).toBe('その他の相談');
  });
});
