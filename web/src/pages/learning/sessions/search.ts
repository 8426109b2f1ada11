import { COURSE_KINDS, SESSION_STATUSES } from '../../../../../src/shared/vocab/learning';

/** The sessions list's filters in the address (so a filtered list can be bookmarked and shared). */
export type SessionSearch = {
  /** The 年度 of the first day; 0 for every 年度; absent: the current one. */
  nendo?: number;
  kind?: string;
  status?: string;
  mine?: boolean;
  q?: string;
  page?: number;
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const int = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseSessionSearch(raw: Record<string, unknown>): SessionSearch {
  const kind = str(raw.kind);
  const status = str(raw.status);
  const nendo = int(raw.nendo);
  return {
    nendo:
      raw.nendo === 0 || raw.nendo === '0' ? 0 : nendo && nendo >= 2000 && nendo <= 2100 ? nendo : undefined,
    kind: kind && (COURSE_KINDS as readonly string[]).includes(kind) ? kind : undefined,
    status: status && (SESSION_STATUSES as readonly string[]).includes(status) ? status : undefined,
    mine: raw.mine === true || raw.mine === 'true' ? true : undefined,
    q: str(raw.q),
    page: int(raw.page),
  };
}
