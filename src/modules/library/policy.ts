import type { Actor } from '../access/actor';

/**
 * Who may do what with the library (pure; docs/knowledge.md §2). Library items are not personal data: every
 * staff role of a prefecture reads all of its items, public and staff-only (a municipality's or provider's staff
 * hand forms out too); the centre (administrators and staff) publishes and keeps them. A handout also needs the
 * consultation: that is the consultations module's own rule (it adds the timeline entry). Learners and system
 * administrators have no prefecture's library (403 before an id is read); another prefecture's items answer 404.
 */
export type LibraryPolicy = {
  prefectureCode: string | null;
  read: boolean;
  manage: boolean;
};

export function libraryPolicy(actor: Pick<Actor, 'role' | 'prefectureCode'>): LibraryPolicy {
  const prefectureCode = actor.prefectureCode ?? null;
  if (!prefectureCode) return { prefectureCode: null, read: false, manage: false };
  switch (actor.role) {
    case 'centre_admin':
    case 'centre_staff':
      return { prefectureCode, read: true, manage: true };
    case 'regional_coordinator':
    case 'municipal_staff':
    case 'provider_staff':
    case 'auditor':
      return { prefectureCode, read: true, manage: false };
    case 'system_admin':
    case 'learner':
      return { prefectureCode: null, read: false, manage: false };
  }
}

/** Whether an item last reviewed on `reviewedOn` (YYYY-MM-DD) is stale on `today`: 12 months or more ago. */
export function isStale(reviewedOn: string, today: string, months = 12): boolean {
  return reviewDueOn(reviewedOn, months) <= today;
}

/** The day a review falls due: `months` after the last review (the end of a shorter month when it overflows). */
export function reviewDueOn(reviewedOn: string, months = 12): string {
  const [y, m, d] = reviewedOn.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
