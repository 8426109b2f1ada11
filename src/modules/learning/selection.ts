import { createHash } from 'node:crypto';
import type { SelectionReason } from '../../shared/vocab/learning-selection';

/**
 * The balanced selection of the coordinator course (MI-5), as a pure function: no database, no clock, no
 * Math.random. The rule, in the order it is applied (docs/learning.md, "Applications and selection"):
 *
 * 1. **Seeded order.** Every applicant gets a lottery position from SHA-256(seed, id); every region gets one
 *    from SHA-256(seed, region). Input order plays no part, so the same applicants and seed always give the
 *    same result.
 * 2. **Guarantees.** A region whose applicants include both a medical and a welfare professional is
 *    guaranteed one of each: its first medical and its first welfare applicant in the seeded order. When the
 *    seats do not cover every guarantee, they are given in rounds: first one seat to each such region (its
 *    better-placed candidate), in the regions' seeded order, then the second seat to each in the same order —
 *    so as many regions as possible get someone. Guaranteed candidates left without a seat head the waiting
 *    list in that same order (`waiting_for_guarantee`).
 * 3. **Proportional share.** The remaining seats are shared among regions in proportion to their number of
 *    applicants (all of them, guaranteed ones included) by the largest-remainder (Hamilton) method: each
 *    region gets the whole part of its quota, and the seats left over go to the largest remainders, ties in
 *    the regions' seeded order. A region cannot receive more seats than it has applicants left; when its quota
 *    reaches that, it gets them all and the rest is shared again among the others. Within a region the seats
 *    go in the seeded order. Applicants without a region form one more group of their own that shares in
 *    proportion but has no guarantee.
 * 4. **Waiting list.** Everyone else waits: unseated guaranteed candidates first (step 2), then the rest in
 *    the seeded order.
 */

export type ProfessionGroup = 'medical' | 'welfare';

export type SelectionApplicant = {
  id: string;
  /** The region's code or name; null when unknown (no guarantee, shares in proportion as its own group). */
  region: string | null;
  professionGroup: ProfessionGroup;
};

/** The reasons the rule itself gives (staff actions add the others of SELECTION_REASONS). */
export type RuleReason = Extract<
  SelectionReason,
  'guaranteed_medical' | 'guaranteed_welfare' | 'proportional_share' | 'waiting_for_guarantee' | 'waiting'
>;

export type SelectionDecision = SelectionApplicant & {
  outcome: 'selected' | 'waiting';
  reason: RuleReason;
  /** 1-based order in which the seat was given; null for those waiting. */
  seatOrder: number | null;
  /** 1-based place on the waiting list; null for those selected. */
  waitRank: number | null;
  /** 1-based place in the seeded order of all applicants. */
  lotteryRank: number;
};

export type RegionSummary = {
  region: string | null;
  applicants: number;
  medical: number;
  welfare: number;
  /** Has both groups among its applicants, so one of each is guaranteed. */
  guaranteeEligible: boolean;
  /** 1-based place of the region in the seeded order of regions. */
  regionRank: number;
  /** Guaranteed seats actually given (0, 1 or 2). */
  guaranteed: number;
  /**
   * Its quota of the seats being shared: seats × its applicants ÷ the applicants of the regions sharing them
   * (after any region that took all its remaining applicants left the sharing; 0 when it had none left).
   */
  quota: number;
  /** Seats given by the proportional share. */
  proportional: number;
  selected: number;
};

export type SelectionResult = {
  seats: number;
  seed: string;
  /** Selected ids in the order their seats were given. */
  selected: string[];
  /** Waiting ids, best first. */
  waiting: string[];
  /** Selected in seat order, then waiting in rank order. */
  decisions: SelectionDecision[];
  /** Regions in code order (no region last). */
  regions: RegionSummary[];
  /** Seats the guarantees would need, and those they got. */
  guaranteeSeatsNeeded: number;
  guaranteeSeatsGiven: number;
  /** Seats left for the proportional share after the guarantees. */
  proportionalSeats: number;
  /** Seats nobody could fill (fewer applicants than seats). */
  emptySeats: number;
};

/** Input the rule refuses; `code` is stable, the message names the offending value. */
export class SelectionInputError extends Error {
  constructor(
    readonly code: 'bad_seats' | 'empty_id' | 'duplicate_id' | 'bad_group',
    message: string,
    readonly value?: string,
  ) {
    super(message);
  }
}

/** A lottery key: SHA-256 of the seed, a domain word and the value. Hex strings compare like the numbers. */
function lotteryKey(seed: string, domain: 'applicant' | 'region', value: string): string {
  return createHash('sha256').update(`${seed}\u0000${domain}\u0000${value}`).digest('hex');
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ids in the seeded order (what "ties broken by a seeded order" means for applicants). */
export function seededOrder(seed: string, ids: readonly string[]): string[] {
  return ids
    .map((id) => ({ id, key: lotteryKey(seed, 'applicant', id) }))
    .sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.id, b.id))
    .map((x) => x.id);
}

type Region = {
  region: string | null;
  /** Applicants of the region in the seeded order. */
  members: SelectionApplicant[];
  rank: number;
};

/**
 * Largest-remainder apportionment of `seats` over regions by weight, none above its cap, in exact integer
 * arithmetic. A region whose quota reaches its cap takes the cap and the rest is apportioned again among the
 * others; leftover seats after the whole parts go to the largest remainders, ties to the lower `rank`. Each
 * part's `quota` is the one it was decided on (in the last round it took part in).
 */
export function apportion(
  seats: number,
  parts: readonly { key: number; weight: number; cap: number; rank: number }[],
): Map<number, { seats: number; quota: number }> {
  const given = new Map<number, number>(parts.map((p) => [p.key, 0]));
  const quotas = new Map<number, number>(parts.map((p) => [p.key, 0]));
  let left = seats;
  let active = parts.filter((p) => p.cap > 0 && p.weight > 0);
  while (left > 0 && active.length > 0) {
    const total = active.reduce((s, p) => s + p.weight, 0);
    for (const p of active) quotas.set(p.key, (left * p.weight) / total);
    // quota = left × weight ÷ total ≥ cap, compared without division.
    const full = active.filter((p) => p.cap * total <= left * p.weight);
    if (full.length > 0) {
      for (const p of full) {
        given.set(p.key, p.cap);
        left -= p.cap;
      }
      active = active.filter((p) => !full.includes(p));
      continue;
    }
    const remainders = active.map((p) => {
      const whole = Math.floor((left * p.weight) / total);
      given.set(p.key, whole);
      return { p, remainder: left * p.weight - whole * total };
    });
    const extra = left - remainders.reduce((s, r) => s + given.get(r.p.key)!, 0);
    remainders.sort((a, b) => b.remainder - a.remainder || a.p.rank - b.p.rank);
    for (const r of remainders.slice(0, extra)) given.set(r.p.key, given.get(r.p.key)! + 1);
    left = 0;
  }
  return new Map(parts.map((p) => [p.key, { seats: given.get(p.key)!, quota: quotas.get(p.key)! }]));
}

function validate(applicants: readonly SelectionApplicant[], seats: number): void {
  if (!Number.isInteger(seats) || seats < 0) {
    throw new SelectionInputError('bad_seats', `seats must be a whole number ≥ 0: ${seats}`, String(seats));
  }
  const seen = new Set<string>();
  for (const a of applicants) {
    if (a.id === '') throw new SelectionInputError('empty_id', 'an applicant has an empty id');
    if (seen.has(a.id)) throw new SelectionInputError('duplicate_id', `duplicate id: ${a.id}`, a.id);
    seen.add(a.id);
    if (a.professionGroup !== 'medical' && a.professionGroup !== 'welfare') {
      throw new SelectionInputError('bad_group', `bad profession group: ${a.professionGroup}`, a.id);
    }
  }
}

/** Runs the balanced selection (see the module comment). Throws SelectionInputError on bad input. */
export function selectApplicants(
  applicants: readonly SelectionApplicant[],
  seats: number,
  seed: string,
): SelectionResult {
  validate(applicants, seats);
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const order = seededOrder(seed, [...byId.keys()]);
  const lotteryRank = new Map(order.map((id, i) => [id, i + 1]));

  // Regions, each with its members in the seeded order; ranked by the seeded order of region names.
  const members = new Map<string | null, SelectionApplicant[]>();
  for (const id of order) {
    const a = byId.get(id)!;
    const list = members.get(a.region);
    if (list) list.push(a);
    else members.set(a.region, [a]);
  }
  const regions: Region[] = [...members.entries()]
    .map(([region, list]) => ({
      region,
      members: list,
      key: region === null ? '' : lotteryKey(seed, 'region', region),
      rank: 0,
    }))
    // The no-region group has no guarantee; it is ranked last so that it never wins a tie on its name.
    .sort((a, b) => (a.region === null ? 1 : b.region === null ? -1 : compareStrings(a.key, b.key)))
    .map((r, i) => ({ region: r.region, members: r.members, rank: i + 1 }));

  const seatOf = new Map<string, { reason: RuleReason; order: number }>();
  const give = (id: string, reason: RuleReason) => seatOf.set(id, { reason, order: seatOf.size + 1 });

  // Step 2: guarantees in rounds.
  type Candidate = { id: string; reason: 'guaranteed_medical' | 'guaranteed_welfare' };
  const firstRound: Candidate[] = [];
  const secondRound: Candidate[] = [];
  for (const r of regions) {
    if (r.region === null) continue;
    const medical = r.members.find((a) => a.professionGroup === 'medical');
    const welfare = r.members.find((a) => a.professionGroup === 'welfare');
    if (!medical || !welfare) continue;
    const m: Candidate = { id: medical.id, reason: 'guaranteed_medical' };
    const w: Candidate = { id: welfare.id, reason: 'guaranteed_welfare' };
    const medicalFirst = lotteryRank.get(medical.id)! < lotteryRank.get(welfare.id)!;
    firstRound.push(medicalFirst ? m : w);
    secondRound.push(medicalFirst ? w : m);
  }
  const guarantees = [...firstRound, ...secondRound];
  const guaranteedNow = guarantees.slice(0, seats);
  for (const c of guaranteedNow) give(c.id, c.reason);
  const waitingForGuarantee = guarantees.slice(seats).map((c) => c.id);

  // Step 3: the remaining seats in proportion to the applicants per region.
  const proportionalSeats = seats - guaranteedNow.length;
  const remainingOf = (r: Region) => r.members.filter((a) => !seatOf.has(a.id));
  const shares = apportion(
    proportionalSeats,
    regions.map((r, i) => ({ key: i, weight: r.members.length, cap: remainingOf(r).length, rank: r.rank })),
  );
  const proportionalIds = regions.flatMap((r, i) =>
    remainingOf(r)
      .slice(0, shares.get(i)!.seats)
      .map((a) => a.id),
  );
  proportionalIds.sort((a, b) => lotteryRank.get(a)! - lotteryRank.get(b)!);
  for (const id of proportionalIds) give(id, 'proportional_share');

  // Step 4: the waiting list.
  const waiting = [
    ...waitingForGuarantee,
    ...order.filter((id) => !seatOf.has(id) && !waitingForGuarantee.includes(id)),
  ];
  const selected = [...seatOf.entries()].sort((a, b) => a[1].order - b[1].order).map(([id]) => id);

  const decisions: SelectionDecision[] = [
    ...selected.map((id) => ({
      ...byId.get(id)!,
      outcome: 'selected' as const,
      reason: seatOf.get(id)!.reason,
      seatOrder: seatOf.get(id)!.order,
      waitRank: null,
      lotteryRank: lotteryRank.get(id)!,
    })),
    ...waiting.map((id, i) => ({
      ...byId.get(id)!,
      outcome: 'waiting' as const,
      reason: (i < waitingForGuarantee.length ? 'waiting_for_guarantee' : 'waiting') as RuleReason,
      seatOrder: null,
      waitRank: i + 1,
      lotteryRank: lotteryRank.get(id)!,
    })),
  ];

  const summaries: RegionSummary[] = regions.map((r, i) => {
    const ids = new Set(r.members.map((a) => a.id));
    const inRegion = decisions.filter((d) => ids.has(d.id) && d.outcome === 'selected');
    const medical = r.members.filter((a) => a.professionGroup === 'medical').length;
    return {
      region: r.region,
      applicants: r.members.length,
      medical,
      welfare: r.members.length - medical,
      guaranteeEligible: r.region !== null && medical > 0 && medical < r.members.length,
      regionRank: r.rank,
      guaranteed: inRegion.filter((d) => d.reason !== 'proportional_share').length,
      quota: shares.get(i)!.quota,
      proportional: shares.get(i)!.seats,
      selected: inRegion.length,
    };
  });
  summaries.sort((a, b) =>
    a.region === null ? 1 : b.region === null ? -1 : compareStrings(a.region, b.region),
  );

  return {
    seats,
    seed,
    selected,
    waiting,
    decisions,
    regions: summaries,
    guaranteeSeatsNeeded: guarantees.length,
    guaranteeSeatsGiven: guaranteedNow.length,
    proportionalSeats,
    emptySeats: seats - selected.length,
  };
}

/** An applicant's current place, for {@link pickReplacement}. */
export type SeatHolder = SelectionApplicant & { status: 'selected' | 'waiting'; waitRank: number | null };

/**
 * Who moves up when a selected applicant gives up their seat. If the region of the freed seat is left with
 * nobody selected of that profession group, and someone of the same region and group is waiting, the
 * best-ranked such person moves up (the guarantee keeps holding, for a region with both groups among its
 * applicants); otherwise the first on the waiting list.
 * `holders` is everyone's state after the cancellation. Returns null when nobody is waiting.
 */
export function pickReplacement(
  holders: readonly SeatHolder[],
  freed: { region: string | null; professionGroup: ProfessionGroup },
): string | null {
  const waiting = holders
    .filter((h) => h.status === 'waiting')
    .sort(
      (a, b) =>
        (a.waitRank ?? Number.MAX_SAFE_INTEGER) - (b.waitRank ?? Number.MAX_SAFE_INTEGER) ||
        compareStrings(a.id, b.id),
    );
  if (waiting.length === 0) return null;
  const sameKind = (h: SelectionApplicant) =>
    h.region === freed.region && h.professionGroup === freed.professionGroup;
  const regionHas = (g: ProfessionGroup) =>
    holders.some((h) => h.region === freed.region && h.professionGroup === g);
  const guaranteed = freed.region !== null && regionHas('medical') && regionHas('welfare');
  if (guaranteed && !holders.some((h) => h.status === 'selected' && sameKind(h))) {
    const match = waiting.find(sameKind);
    if (match) return match.id;
  }
  return waiting[0]!.id;
}
