/**
 * Pure rules of the disaster profile (docs/disaster.md §1–2): which battery figures are believable, what a plan
 * status needs, and the order of the municipality's list. No I/O.
 */
import type { ErrorIssue } from '../../server/errors';
import { BATTERY_LIMITS, type PlanStatus } from '../../shared/vocab/disaster';

export type BatteryInput = {
  powerDrawWatts?: number | null;
  internalBatteryHours?: number | null;
  externalBatteryHours?: number | null;
  spareBatteries?: number | null;
  spareBatteryHours?: number | null;
};

function issue(path: string, ja: string, en: string): ErrorIssue {
  return { path, message: `${ja} / ${en}`, ja, en };
}

/** Whether a number has at most one decimal (hours are kept to a tenth). */
const tenth = (v: number) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9;

/**
 * The battery figures' problems, each with why: negative figures, fractions finer than a tenth of an hour, and
 * figures beyond what the devices can hold (an internal battery of more than 72 hours is a typing error —
 * ventilators' internal batteries last about 3–15 hours).
 */
export function batteryIssues(input: BatteryInput): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  const hours = (
    path: keyof BatteryInput,
    max: number,
    jaName: string,
    enName: string,
    jaWhy: string,
    enWhy: string,
  ) => {
    const v = input[path];
    if (v === null || v === undefined) return;
    if (!Number.isFinite(v) || v < 0) {
      out.push(issue(path, `${jaName}は0以上で入力してください。`, `${enName} cannot be negative.`));
    } else if (v > max) {
      out.push(
        issue(
          path,
          `${jaName}が${max}時間を超えています。${jaWhy}入力を確かめてください。`,
          `${enName} is over ${max} hours. ${enWhy} Please check the figure.`,
        ),
      );
    } else if (!tenth(v)) {
      out.push(
        issue(path, `${jaName}は0.1時間単位で入力してください。`, `Give ${enName} to a tenth of an hour.`),
      );
    }
  };
  hours(
    'internalBatteryHours',
    BATTERY_LIMITS.internalHours,
    '内部バッテリーの時間',
    'The internal battery time',
    '在宅人工呼吸器の内部バッテリーはおよそ3〜15時間です。',
    'Home ventilators’ internal batteries last about 3–15 hours.',
  );
  hours(
    'externalBatteryHours',
    BATTERY_LIMITS.externalHours,
    '外部バッテリーの時間',
    'The external battery time',
    '専用の外部バッテリーは内部と合わせて24時間程度が一般的です。',
    'Dedicated external batteries usually give about 24 hours with the internal one.',
  );
  hours(
    'spareBatteryHours',
    BATTERY_LIMITS.spareHours,
    '予備バッテリーの合計時間',
    'The spare batteries’ total time',
    '1週間（168時間）を超える予備は考えにくい値です。',
    'Spares lasting more than a week (168 hours) are unlikely.',
  );
  const count = input.spareBatteries;
  if (count !== null && count !== undefined) {
    if (!Number.isInteger(count) || count < 0 || count > BATTERY_LIMITS.spareCount) {
      out.push(
        issue(
          'spareBatteries',
          `予備バッテリーの数は0〜${BATTERY_LIMITS.spareCount}の整数で入力してください。`,
          `Give the number of spare batteries as a whole number from 0 to ${BATTERY_LIMITS.spareCount}.`,
        ),
      );
    }
  }
  const watts = input.powerDrawWatts;
  if (watts !== null && watts !== undefined) {
    if (!Number.isInteger(watts) || watts < 0) {
      out.push(
        issue(
          'powerDrawWatts',
          '消費電力は0以上の整数（W）で入力してください。',
          'Give the power draw in whole watts, 0 or more.',
        ),
      );
    } else if (watts > BATTERY_LIMITS.powerDrawWatts) {
      out.push(
        issue(
          'powerDrawWatts',
          `消費電力が${BATTERY_LIMITS.powerDrawWatts}Wを超えています。人工呼吸器は約60W、酸素濃縮装置は約120Wです。入力を確かめてください。`,
          `The power draw is over ${BATTERY_LIMITS.powerDrawWatts} W. A ventilator draws about 60 W, an oxygen concentrator about 120 W. Please check the figure.`,
        ),
      );
    }
  }
  return out;
}

/** A plan status's problems: "reviewed" needs the review date, and no date lies in the future. */
export function planIssues(
  status: PlanStatus,
  reviewedOn: string | null | undefined,
  today: string,
): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  if (status === 'reviewed' && !reviewedOn) {
    out.push(
      issue(
        'planReviewedOn',
        '「見直し済」には見直した日を入力してください。',
        'Give the day the plan was reviewed.',
      ),
    );
  }
  if (reviewedOn && reviewedOn > today) {
    out.push(issue('planReviewedOn', '未来の日付は指定できません。', 'The date cannot be in the future.'));
  }
  return out;
}

/** Dates that may not lie in the future (drills, registration with the utility, the family's confirmation). */
export function pastDateIssues(
  path: string,
  dates: (string | null | undefined)[],
  today: string,
): ErrorIssue[] {
  return dates.some((d) => d && d > today)
    ? [issue(path, '未来の日付は指定できません。', 'The date cannot be in the future.')]
    : [];
}

/** Hours of battery the child's devices have: the profile's total, else the shortest of the mains devices. */
export function batteryHoursOf(profileTotal: number | null, deviceHours: number | null): number | null {
  return profileTotal ?? deviceHours;
}

export type ListOrderRow = {
  electricityDependent: boolean;
  batteryHours: number | null;
  careScore: number | null;
  familyKana: string;
  givenKana: string;
};

/**
 * The municipality's list order: electricity-dependent children first, then the fewest battery hours (unknown
 * hours first — they are the ones to find out), then the highest care score, then by kana.
 */
export function compareListRows(a: ListOrderRow, b: ListOrderRow): number {
  if (a.electricityDependent !== b.electricityDependent) return a.electricityDependent ? -1 : 1;
  const ha = a.batteryHours ?? -1;
  const hb = b.batteryHours ?? -1;
  if (ha !== hb) return ha - hb;
  const sa = a.careScore ?? -1;
  const sb = b.careScore ?? -1;
  if (sa !== sb) return sb - sa;
  return `${a.familyKana}${a.givenKana}`.localeCompare(`${b.familyKana}${b.givenKana}`, 'ja');
}
