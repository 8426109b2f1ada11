/** The library list's search (address). */
export type LibrarySearch = {
  situation?: string;
  audience?: string;
  kind?: string;
  stale?: boolean;
  archived?: boolean;
  q?: string;
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);

export function parseLibrarySearch(raw: Record<string, unknown>): LibrarySearch {
  return {
    situation: str(raw.situation),
    audience: str(raw.audience),
    kind: str(raw.kind),
    stale: raw.stale === true || raw.stale === 'true' ? true : undefined,
    archived: raw.archived === true || raw.archived === 'true' ? true : undefined,
    q: str(raw.q),
  };
}
