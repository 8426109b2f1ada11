import { describe, expect, it } from 'vitest';
import { renderMail } from '../mail/templates';
import { closesText, headerSafeName } from './mailing';

describe('survey mail', () => {
  it('writes the closing day in 和暦 for Japanese readers and in 西暦 for English ones', () => {
    const at = new Date('2026-05-31T14:59:00.000Z'); // 23:59 in Japan
    expect(closesText(at, 'ja')).toBe('令和8年5月31日（2026-05-31）23時59分');
    expect(closesText(at, 'en')).toBe('2026-05-31 23:59 (Japan time)');
    expect(closesText(null, 'ja')).toBeNull();
  });

  it('keeps a name on one line', () => {
    expect(headerSafeName('山田\r\n花子')).toBe('山田 花子');
    expect(headerSafeName('\n')).toBe('-');
  });

  it('carries the title, the link and the closing day, never more; a reminder says the old link died', () => {
    const input = {
      kind: 'survey_invitation' as const,
      name: '山田 花子',
      link: 'https://t.example.lg.jp/public/surveys/abc',
      surveyTitle: '保護者アンケート',
      closes: '令和8年5月31日',
      reminder: false,
      anonymous: false,
    };
    const ja = renderMail(input, 'ja');
    expect(ja.subject).toBe('【つなぐ】アンケートへのご協力のお願い');
    expect(ja.text).toContain('https://t.example.lg.jp/public/surveys/abc');
    expect(ja.text).toContain('回答の締切: 令和8年5月31日');
    expect(ja.text).not.toContain('無記名');
    const again = renderMail({ ...input, reminder: true, anonymous: true, closes: null }, 'ja');
    expect(again.subject).toContain('（再送）');
    expect(again.text).toContain('以前のリンクは使えなくなりました');
    expect(again.text).toContain('無記名');
    expect(again.text).not.toContain('締切');
    expect(renderMail({ ...input, reminder: true }, 'en').subject).toBe(
      '[Tsunagu] Reminder: Please answer our survey',
    );
  });
});
