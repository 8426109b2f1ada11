import type { Labels } from './label';

/**
 * The vocabularies of training requests (研修の依頼, MI-6; docs/learning.md §6): a municipality, provider or
 * school asks the centre for a training; the dialogue goes on until the real need is written down, a session
 * is linked and the request is done (or declined).
 */

/** Where a request stands. */
export const REQUEST_STATUSES = [
  'received',
  'in_dialogue',
  'need_written',
  'session_linked',
  'done',
  'declined',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS = {
  received: { ja: '受付', en: 'Received' },
  in_dialogue: { ja: '聞き取り中', en: 'In dialogue' },
  need_written: { ja: 'ニーズ整理済み', en: 'Need written down' },
  session_linked: { ja: '研修の回あり', en: 'Session linked' },
  done: { ja: '完了', en: 'Done' },
  declined: { ja: '見送り', en: 'Declined' },
} as const satisfies Labels<RequestStatus>;

/** Who asks: an organisation of the network (a provider, a school, a nursery …) or a municipality. */
export const REQUESTER_KINDS = ['organisation', 'municipality'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const REQUESTER_KIND_LABELS = {
  organisation: { ja: '関係機関・事業所・学校', en: 'Organisation, provider or school' },
  municipality: { ja: '市町村', en: 'Municipality' },
} as const satisfies Labels<RequesterKind>;

/** Where a request came from: filed directly, a child's first entry (KU-3), or a newly opened provider. */
export const REQUEST_SOURCES = ['direct', 'transition', 'new_provider'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

export const REQUEST_SOURCE_LABELS = {
  direct: { ja: '依頼', en: 'Asked' },
  transition: { ja: '入園・入学（移行予定から）', en: 'First entry (from the transitions list)' },
  new_provider: { ja: '新規開設の事業所へ提案', en: 'Offered to a newly opened provider' },
} as const satisfies Labels<RequestSource>;

/** The kinds of dated entry in a request's dialogue. */
export const REQUEST_ENTRY_KINDS = [
  'message',
  'need_written',
  'session_linked',
  'done',
  'declined',
  'assigned',
] as const;
export type RequestEntryKind = (typeof REQUEST_ENTRY_KINDS)[number];

export const REQUEST_ENTRY_KIND_LABELS = {
  message: { ja: 'やりとり', en: 'Message' },
  need_written: { ja: 'ニーズを記入', en: 'Need written down' },
  session_linked: { ja: '研修の回を設定', en: 'Session linked' },
  done: { ja: '完了', en: 'Marked done' },
  declined: { ja: '見送り', en: 'Declined' },
  assigned: { ja: '担当を設定', en: 'Handler set' },
} as const satisfies Labels<RequestEntryKind>;

/** Which side wrote an entry: the centre or the requester. */
export const REQUEST_SIDES = ['centre', 'requester'] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

export const REQUEST_SIDE_LABELS = {
  centre: { ja: 'センター', en: 'Centre' },
  requester: { ja: '依頼元', en: 'Requester' },
} as const satisfies Labels<RequestSide>;
