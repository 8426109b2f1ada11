/** URL search params of the consultation screens (kept small: the router loads them up front). */

export const QUEUE_VIEWS = ['mine', 'team', 'overdue', 'handoffs-inbox', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** Columns the server sorts by (its allow-list, consultations/schemas.ts CONSULTATION_SORTS). */
export const QUEUE_SORTS = [
  'urgency',
  'due',
  'caseNumber',
  'opened',
  'child',
  'subject',
  'assignee',
  'municipality',
  'team',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueSearch = {
  view?: QueueView;
  status?: 'open' | 'closed' | 'any';
  topic?: string;
  urgency?: string;
  /** 'me', 'none' or a user's id. */
  assignee?: string;
  caseNumber?: string;
  sort?: QueueSort;
  dir?: 'asc' | 'desc';
  page?: number;
};

const text = (v: unknown, max = 40): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, max);
  return s ? s : undefined;
};

export function parseQueueSearch(raw: Record<string, unknown>): QueueSearch {
  const page = Number(raw.page);
  const view = QUEUE_VIEWS.find((v) => v === raw.view);
  const status = (['open', 'closed', 'any'] as const).find((s) => s === raw.status);
  return {
    view,
    status,
    topic: text(raw.topic),
    urgency: text(raw.urgency),
    assignee: text(raw.assignee),
    caseNumber: text(raw.caseNumber, 30),
    sort: QUEUE_SORTS.find((x) => x === raw.sort),
    dir: raw.dir === 'desc' ? 'desc' : raw.dir === 'asc' ? 'asc' : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined,
  };
}

export type FiguresSearch = { nendo?: number };

export function parseFiguresSearch(raw: Record<string, unknown>): FiguresSearch {
  const n = Number(raw.nendo);
  return { nendo: Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined };
}

/**
 * What another screen may fill the intake with through its address (/consultations/new?childId=…&subject=…):
 * a registered child (read from the registry, so only one the user may see) and a one-line subject. The
 * subject names no child (the transitions list writes the kind of transition and the 年度).
 */
export type IntakeSearch = { childId?: string; subject?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseIntakeSearch(raw: Record<string, unknown>): IntakeSearch {
  const childId = typeof raw.childId === 'string' && UUID.test(raw.childId) ? raw.childId : undefined;
  const subject =
    typeof raw.subject === 'string'
      ? raw.subject
          .replace(/[\r\n]+/g, ' ')
          .trim()
          .slice(0, 100)
      : '';
  return { ...(childId ? { childId } : {}), ...(subject ? { subject } : {}) };
}
