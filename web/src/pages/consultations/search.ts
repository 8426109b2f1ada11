/** URL search params of the consultation screens (kept small: the router loads them up front). */

export const QUEUE_VIEWS = ['mine', 'team', 'overdue', 'handoffs-inbox', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export type QueueSearch = {
  view?: QueueView;
  status?: 'open' | 'closed' | 'any';
  topic?: string;
  urgency?: string;
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
    page: Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined,
  };
}

export type FiguresSearch = { nendo?: number };

export function parseFiguresSearch(raw: Record<string, unknown>): FiguresSearch {
  const n = Number(raw.nendo);
  return { nendo: Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined };
}
