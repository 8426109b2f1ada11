import type { Translate } from '../../i18n';

type Rule = {
  scheduleKind: 'none' | 'monthly_day' | 'monthly_weekday';
  scheduleIntervalMonths: number;
  scheduleDayOfMonth: number | null;
  scheduleWeekOfMonth: number | null;
  scheduleWeekday: number | null;
  scheduleStartTime: string | null;
  scheduleDurationMinutes: number;
};

/** A body's recurring schedule in words: 「2か月ごと・第2水曜日 14:00から90分」 / "Every 2 months, week 2 Wednesday, …". */
export function scheduleText(t: Translate, r: Rule): string {
  if (r.scheduleKind === 'none' || !r.scheduleStartTime) return t('cn.schedule.none');
  const interval =
    r.scheduleIntervalMonths === 1
      ? t('cn.everyMonth')
      : t('cn.f.interval.value', { n: r.scheduleIntervalMonths });
  const common = { interval, time: r.scheduleStartTime, minutes: r.scheduleDurationMinutes };
  if (r.scheduleKind === 'monthly_day')
    return t('cn.schedule.day', { ...common, day: r.scheduleDayOfMonth ?? '' });
  const week =
    r.scheduleWeekOfMonth === 5 ? t('cn.f.week.last') : t('cn.f.week.n', { n: r.scheduleWeekOfMonth ?? '' });
  const weekday = t(`cn.weekday.${r.scheduleWeekday ?? 0}` as 'cn.weekday.0');
  return t('cn.schedule.weekday', { ...common, week, weekday });
}
