/**
 * Transitions of a 年度 (KU-3): which children enter nursery, elementary school or a division of a special-needs
 * school, leave school, or turn 18 or 20 in a given 年度 — so the centre can plan the training it gives at
 * each first entry. Pure rules over the birth date, using the 学齢 and age functions of src/shared/age.ts.
 *
 * Every kind is one school cohort (born April 2 – April 1 of the next year), so each is also a range of birth
 * dates that SQL can compare with the indexed `birth_date`.
 */
import { schoolEntryNendo, turnsAgeInNendo } from '../../shared/age';
import { addDays } from '../../shared/dates';
import { currentNendo, type Nendo, nendoRange } from '../../shared/nendo';

export const TRANSITION_KINDS = [
  'nursery_entry',
  'elementary_entry',
  'special_school_junior_entry',
  'special_school_high_entry',
  'school_leaving',
  'turning_18',
  'turning_20',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** Kinds decided by the 学齢 cohort: schoolYearOffset in the target 年度 (1 = 小1, 7 = 中1, 10 = 高1, −2 = 年少). */
const SCHOOL_YEAR_OFFSET = {
  nursery_entry: -2,
  elementary_entry: 1,
  special_school_junior_entry: 7,
  special_school_high_entry: 10,
  school_leaving: 12,
} as const satisfies Partial<Record<TransitionKind, number>>;

/** Kinds decided by the day the age is legally reached (年齢計算ニ関スル法律: the day before the birthday). */
const AGE_REACHED = { turning_18: 18, turning_20: 20 } as const satisfies Partial<
  Record<TransitionKind, number>
>;

type Bilingual = { ja: string; en: string };

/** Names of the kinds and the rule each follows, as the screen and the export show them. */
export const TRANSITION_INFO = {
  nursery_entry: {
    label: { ja: '保育所・幼稚園等への入園（年少）', en: 'Entering nursery or kindergarten (age-3 class)' },
    rule: {
      ja: '年度の4月1日に年少（3歳児クラス）となる学年：小学校入学の3年前の年度（学齢の学年で −2）。4月2日〜翌年4月1日生まれが同じ学年です。',
      en: 'The cohort in the age-3 class (年少) that year: three years before school entry (school-year offset −2). One cohort is born 2 April – 1 April.',
    },
  },
  elementary_entry: {
    label: {
      ja: '小学校・特別支援学校小学部への入学',
      en: 'Entering elementary school (or the elementary division)',
    },
    rule: {
      ja: '満6歳に達した日の翌日以後の最初の4月1日に入学（学校教育法17条）。4月1日生まれは前の学年に入ります。',
      en: 'School starts on the first 1 April after the child reaches 6 (School Education Act art. 17); 1 April births join the earlier year.',
    },
  },
  special_school_junior_entry: {
    label: {
      ja: '中学校・特別支援学校中学部への進学',
      en: 'Entering junior high school (or the junior division)',
    },
    rule: {
      ja: '小学校入学から7年目の年度（学齢の学年で7）。',
      en: 'The seventh school year counted from elementary entry (school-year offset 7).',
    },
  },
  special_school_high_entry: {
    label: {
      ja: '高等学校・特別支援学校高等部への進学',
      en: 'Entering high school (or the high-school division)',
    },
    rule: {
      ja: '小学校入学から10年目の年度（学齢の学年で10）。',
      en: 'The tenth school year counted from elementary entry (school-year offset 10).',
    },
  },
  school_leaving: {
    label: { ja: '高等学校・高等部の卒業', en: 'Leaving school (end of high school)' },
    rule: {
      ja: '高校3年（学齢の学年で12）の年度。その年度の3月31日に卒業するため、卒業する年度に表示します。',
      en: 'The standard final high-school year (offset 12): they leave on 31 March at the end of that year, so they are listed in it.',
    },
  },
  turning_18: {
    label: { ja: '18歳到達', en: 'Turning 18' },
    rule: {
      ja: '年度中に満18歳に達する人（誕生日の前日に達します。2月29日生まれは2月28日）。',
      en: 'Reaching 18 during the year (legally on the day before the birthday; 28 February for a 29 February birth).',
    },
  },
  turning_20: {
    label: { ja: '20歳到達', en: 'Turning 20' },
    rule: {
      ja: '年度中に満20歳に達する人（誕生日の前日に達します。2月29日生まれは2月28日）。',
      en: 'Reaching 20 during the year (legally on the day before the birthday; 28 February for a 29 February birth).',
    },
  },
} as const satisfies Record<TransitionKind, { label: Bilingual; rule: Bilingual }>;

/** The kinds a child born on `birthIso` goes through in 年度 `nendo`, in TRANSITION_KINDS order. */
export function transitionKindsOf(birthIso: string, nendo: Nendo): TransitionKind[] {
  const offset = nendo - schoolEntryNendo(birthIso) + 1;
  return TRANSITION_KINDS.filter((kind) =>
    kind in SCHOOL_YEAR_OFFSET
      ? SCHOOL_YEAR_OFFSET[kind as keyof typeof SCHOOL_YEAR_OFFSET] === offset
      : turnsAgeInNendo(birthIso, AGE_REACHED[kind as keyof typeof AGE_REACHED], nendo),
  );
}

/**
 * The births (inclusive ISO range) of the children going through `kind` in 年度 `nendo`: the same set as
 * {@link transitionKindsOf}. A cohort kind with offset k enters school in 年度 nendo + 1 − k, so the day
 * before the birth lies in 年度 nendo − 6 − k. Someone reaches age A in 年度 N when the day before the
 * birthday, A years on, lies in N — the day before the birth lies in 年度 N − A (a 29 February birth reaches
 * it on 28 February, which gives the same cohort).
 */
export function transitionBirthRange(kind: TransitionKind, nendo: Nendo): { from: string; to: string } {
  const dayBeforeBirthNendo =
    kind in SCHOOL_YEAR_OFFSET
      ? nendo - 6 - SCHOOL_YEAR_OFFSET[kind as keyof typeof SCHOOL_YEAR_OFFSET]
      : nendo - AGE_REACHED[kind as keyof typeof AGE_REACHED];
  const { start, end } = nendoRange(dayBeforeBirthNendo);
  return { from: addDays(start, 1), to: addDays(end, 1) };
}

/** The 年度 a transitions list looks at by default: the next one, in Japan time. */
export function defaultTransitionNendo(now: Date): Nendo {
  return currentNendo(now) + 1;
}
