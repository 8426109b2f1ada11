/** The lists' searches (address) and where a new issue or project starts from. */
export type IssueSearch = {
  status?: string;
  level?: string;
  regionId?: string;
  mine?: boolean;
  q?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);
const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

export function parseIssueSearch(raw: Record<string, unknown>): IssueSearch {
  return {
    status: str(raw.status),
    level: str(raw.level),
    regionId: id(raw.regionId),
    mine: raw.mine === true || raw.mine === 'true' ? true : undefined,
    q: str(raw.q),
  };
}

/** A new issue raised from another record (a consultation, hearing, meeting or bottleneck). */
export type NewIssueSearch = { sourceKind?: string; sourceId?: string };

const SOURCE_KINDS = ['consultation', 'hearing', 'meeting', 'bottleneck'];

export function parseNewIssueSearch(raw: Record<string, unknown>): NewIssueSearch {
  const kind =
    typeof raw.sourceKind === 'string' && SOURCE_KINDS.includes(raw.sourceKind) ? raw.sourceKind : undefined;
  const sourceId = id(raw.sourceId);
  return kind && sourceId ? { sourceKind: kind, sourceId } : {};
}

export type ProjectSearch = { status?: string; kind?: string; stage?: string; q?: string };

export function parseProjectSearch(raw: Record<string, unknown>): ProjectSearch {
  return { status: str(raw.status), kind: str(raw.kind), stage: str(raw.stage), q: str(raw.q) };
}

/** A new project started from an issue. */
export function parseNewProjectSearch(raw: Record<string, unknown>): { issueId?: string } {
  const issueId = id(raw.issueId);
  return issueId ? { issueId } : {};
}
