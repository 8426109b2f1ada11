/**
 * The life of a training request (MI-6; pure, table-tested in requests-rules.test.ts):
 * received → in_dialogue (the first message) → need_written (the real need written down by the centre) →
 * session_linked (the session it led to) → done; declined, with a reason, from any open state. Messages may be
 * added by either side while the request is open; the need may be rewritten and the session changed until the
 * request is closed.
 */
import type { RequestStatus } from '../../shared/vocab/learning-requests';

export const OPEN_REQUEST_STATUSES = ['received', 'in_dialogue', 'need_written', 'session_linked'] as const;

export type RequestAction = 'message' | 'need' | 'link' | 'done' | 'decline' | 'assign';

/** The state a request is in after the action, or null when the action is not allowed in `from`. */
export function nextRequestStatus(from: RequestStatus, action: RequestAction): RequestStatus | null {
  if (from === 'done' || from === 'declined') return null;
  switch (action) {
    case 'message':
      return from === 'received' ? 'in_dialogue' : from;
    case 'assign':
      return from;
    case 'need':
      return from === 'session_linked' ? 'session_linked' : 'need_written';
    case 'link':
      return from === 'need_written' || from === 'session_linked' ? 'session_linked' : null;
    case 'done':
      return from === 'session_linked' ? 'done' : null;
    case 'decline':
      return 'declined';
  }
}

/** The actions the centre may take now (the request page's buttons). */
export function centreActions(status: RequestStatus): RequestAction[] {
  const all: RequestAction[] = ['message', 'need', 'link', 'done', 'decline', 'assign'];
  return all.filter((a) => nextRequestStatus(status, a) !== null);
}

/** Whole days from `since` to `now` in Japan (a request received yesterday evening waits 1 day this morning). */
export function daysBetweenInJapan(since: Date, now: Date): number {
  const day = (d: Date) => Math.floor((d.getTime() + 9 * 3_600_000) / 86_400_000);
  return Math.max(0, day(now) - day(since));
}
