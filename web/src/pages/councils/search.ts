/** The councils list's address: ?tier=region&kind=regional_council&archived=true (bookmarkable). */
export type CouncilsSearch = { tier?: string; kind?: string; archived?: boolean };

const CODE = /^[a-z_]{1,40}$/;

export function parseCouncilsSearch(raw: Record<string, unknown>): CouncilsSearch {
  return {
    tier: typeof raw.tier === 'string' && CODE.test(raw.tier) ? raw.tier : undefined,
    kind: typeof raw.kind === 'string' && CODE.test(raw.kind) ? raw.kind : undefined,
    archived: raw.archived === true || raw.archived === 'true' ? true : undefined,
  };
}

/** The public minutes' address: ?prefecture=14&nendo=2026. */
export type PublicMinutesSearch = { prefecture?: string; nendo?: number };

export function parsePublicMinutesSearch(raw: Record<string, unknown>): PublicMinutesSearch {
  const p =
    typeof raw.prefecture === 'string' || typeof raw.prefecture === 'number' ? String(raw.prefecture) : '';
  const n = Number(raw.nendo);
  return {
    prefecture: /^\d{2}$/.test(p) ? p : undefined,
    nendo: Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined,
  };
}
