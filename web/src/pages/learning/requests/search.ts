/** The list's search (address) and the new-request form's prefill from the triggers. */
export type RequestSearch = { status?: string; mine?: boolean; q?: string; page?: number };

export function parseRequestSearch(raw: Record<string, unknown>): RequestSearch {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);
  const page = Number(raw.page);
  return {
    status: str(raw.status),
    mine: raw.mine === true || raw.mine === 'true' ? true : undefined,
    q: str(raw.q),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** Where a new request starts from: a newly opened provider, or a child's first entry (ids only). */
export type NewRequestSearch = {
  resourceOrganizationId?: string;
  childId?: string;
  nendo?: number;
  transitionKind?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRY_KINDS = [
  'nursery_entry',
  'elementary_entry',
  'special_school_junior_entry',
  'special_school_high_entry',
];

export function parseNewRequestSearch(raw: Record<string, unknown>): NewRequestSearch {
  const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);
  const nendo = Number(raw.nendo);
  const kind =
    typeof raw.transitionKind === 'string' && ENTRY_KINDS.includes(raw.transitionKind)
      ? raw.transitionKind
      : undefined;
  return {
    resourceOrganizationId: id(raw.resourceOrganizationId),
    childId: id(raw.childId),
    nendo: Number.isInteger(nendo) && nendo >= 2000 && nendo <= 2200 ? nendo : undefined,
    transitionKind: kind,
  };
}
