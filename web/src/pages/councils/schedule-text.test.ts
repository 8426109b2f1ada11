import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { scheduleText } from './schedule-text';

function translate(dict: Record<string, string>, locale: 'ja' | 'en'): Translate {
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    dict[key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
  return Object.assign(t, { locale }) as Translate;
}

const rule = {
  scheduleKind: 'monthly_weekday' as const,
  scheduleIntervalMonths: 2,
  scheduleDayOfMonth: null,
  scheduleWeekOfMonth: 2,
  scheduleWeekday: 3,
  scheduleStartTime: '14:00',
  scheduleDurationMinutes: 90,
};

describe('scheduleText', () => {
  it('says a schedule in words in both languages', () => {
    expect(scheduleText(translate(ja, 'ja'), rule)).toBe('2か月ごと・第2水曜日 14:00から90分');
    expect(scheduleText(translate(en, 'en'), rule)).toBe(
      'Every 2 months, Week 2 Wednesday, 14:00 for 90 minutes',
    );
    expect(
      scheduleText(translate(ja, 'ja'), { ...rule, scheduleWeekOfMonth: 5, scheduleIntervalMonths: 1 }),
    ).toBe('毎月・最終水曜日 14:00から90分');
    expect(
      scheduleText(translate(ja, 'ja'), { ...rule, scheduleKind: 'monthly_day', scheduleDayOfMonth: 31 }),
    ).toBe('2か月ごと・31日 14:00から90分');
    expect(scheduleText(translate(ja, 'ja'), { ...rule, scheduleKind: 'none' })).toBe(
      '定例の日程はありません',
    );
  });
});
