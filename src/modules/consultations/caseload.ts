/**
 * Caseload balance (MI-8): requests concentrate on a few devoted coordinators. The rule is configurable and
 * explained on screen: warn when the top `topShare` of people (at least one) hold more than `maxShare` of the
 * open cases of the group (a region, a team). Pure; the figures come from the queries.
 */

export type ConcentrationRule = {
  /** Share of people counted as "the top", 0–1 (default 0.1: the top 10 %). */
  topShare: number;
  /** Warn when they hold more than this share of open cases, 0–1 (default 0.4: 40 %). */
  maxShare: number;
  /** Groups with fewer open cases than this are not judged (a handful of cases says nothing). */
  minCases: number;
};

export const DEFAULT_CONCENTRATION_RULE: ConcentrationRule = { topShare: 0.1, maxShare: 0.4, minCases: 10 };

export type PersonLoad = { personId: string; openCases: number };

export type Concentration = {
  people: number;
  openCases: number;
  /** How many people form the top (ceil(people × topShare), at least 1). */
  topCount: number;
  topPersonIds: string[];
  topCases: number;
  /** topCases / openCases (0 when there are no cases). */
  share: number;
  warn: boolean;
  /** Why no judgement was made, when none was. */
  skipped: 'too_few_cases' | 'too_few_people' | null;
};

/** Measures how concentrated a group's open cases are on its busiest people. */
export function measureConcentration(
  loads: readonly PersonLoad[],
  rule: ConcentrationRule = DEFAULT_CONCENTRATION_RULE,
): Concentration {
  const sorted = [...loads].sort((a, b) => b.openCases - a.openCases || a.personId.localeCompare(b.personId));
  const openCases = sorted.reduce((s, l) => s + l.openCases, 0);
  const people = sorted.length;
  const topCount = Math.max(1, Math.ceil(people * rule.topShare));
  const top = sorted.slice(0, topCount);
  const topCases = top.reduce((s, l) => s + l.openCases, 0);
  const share = openCases === 0 ? 0 : topCases / openCases;
  // With one or two people "the top 10 %" is one of them: no imbalance can be told from that.
  const skipped = openCases < rule.minCases ? 'too_few_cases' : people < 3 ? 'too_few_people' : null;
  return {
    people,
    openCases,
    topCount,
    topPersonIds: top.map((l) => l.personId),
    topCases,
    share,
    warn: skipped === null && share > rule.maxShare,
    skipped,
  };
}

/** Checks a rule read from settings: shares strictly between 0 and 1, a non-negative whole minimum. */
export function isValidRule(rule: ConcentrationRule): boolean {
  return (
    rule.topShare > 0 &&
    rule.topShare < 1 &&
    rule.maxShare > 0 &&
    rule.maxShare < 1 &&
    Number.isInteger(rule.minCases) &&
    rule.minCases >= 0
  );
}
