import { describe, expect, it } from 'vitest';
import {
  isSystemText,
  placeholdersOf,
  renderSystemText,
  SYSTEM_TEXT_CODES,
  SYSTEM_TEXT_LABELS,
} from './system-text';

describe('system-written text', () => {
  it('names every code in both languages with the same placeholders', () => {
    for (const code of SYSTEM_TEXT_CODES) {
      const { ja, en } = SYSTEM_TEXT_LABELS[code];
      expect(ja.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(placeholdersOf(ja).sort(), code).toEqual(placeholdersOf(en).sort());
    }
  });

  it('renders in the reader’s language, dates through the date formatter', () => {
    const moved = { code: 'child_moved_in', params: { from: '藤沢市', movedOn: '2026-12-06' } } as const;
    expect(renderSystemText(moved, 'ja')).toBe('医療的ケア児が藤沢市から転入しました（令和8年12月6日）。');
    expect(renderSystemText(moved, 'en')).toBe(
      'A child with medical care needs moved in from 藤沢市 (6 Dec 2026).',
    );
    const note = { code: 'registration_care_reported', params: { receiptNo: 'R-20261206-ABCD' } } as const;
    expect(renderSystemText(note, 'en')).toBe('From registration R-20261206-ABCD (reported by the family)');
    expect(renderSystemText({ code: 'handoff_kept_as_backup' }, 'ja')).toBe('移管後も後方支援として関わる');
  });

  it('shows a missing parameter as a dash and an unknown code as itself', () => {
    expect(renderSystemText({ code: 'registration_consent' }, 'ja')).toBe('登録申請 —');
    expect(renderSystemText({ code: 'from_a_newer_server' }, 'en')).toBe('from_a_newer_server');
    expect(isSystemText({ code: 'registration_consent', params: {} })).toBe(true);
    expect(isSystemText({ code: 'nope' })).toBe(false);
    expect(isSystemText('registration_consent')).toBe(false);
  });
});
