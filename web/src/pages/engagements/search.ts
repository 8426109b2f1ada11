import { ENGAGEMENT_KINDS, type EngagementKind } from '../../../../src/shared/vocab/engagements';

/** The list's search (address): kind, municipality, 年度, words, page. */
export type EngagementSearch = {
  kind?: EngagementKind;
  municipalityCode?: string;
  nendo?: number;
  q?: string;
  page?: number;
};

const kindOf = (v: unknown) =>
  typeof v === 'string' && (ENGAGEMENT_KINDS as readonly string[]).includes(v)
    ? (v as EngagementKind)
    : undefined;
const codeOf = (v: unknown) => (typeof v === 'string' && /^\d{6}$/.test(v) ? v : undefined);

export function parseEngagementSearch(raw: Record<string, unknown>): EngagementSearch {
  const nendo = Number(raw.nendo);
  const page = Number(raw.page);
  const q = typeof raw.q === 'string' && raw.q.trim() ? raw.q.trim().slice(0, 100) : undefined;
  return {
    kind: kindOf(raw.kind),
    municipalityCode: codeOf(raw.municipalityCode),
    nendo: Number.isInteger(nendo) && nendo >= 2000 && nendo <= 2100 ? nendo : undefined,
    q,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** Where a new record starts from: its kind and municipality (from the overdue list or a municipality's page). */
export type NewEngagementSearch = { kind?: EngagementKind; municipalityCode?: string };

export function parseNewEngagementSearch(raw: Record<string, unknown>): NewEngagementSearch {
  return { kind: kindOf(raw.kind), municipalityCode: codeOf(raw.municipalityCode) };
}
