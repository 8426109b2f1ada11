/** The library's search (address) and where a new story starts from. */
export type StorySearch = {
  status?: string;
  q?: string;
  topic?: string;
  lifeElement?: string;
  request?: string;
  careItem?: string;
  regionId?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);
const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

export function parseStorySearch(raw: Record<string, unknown>): StorySearch {
  return {
    status: str(raw.status),
    q: str(raw.q),
    topic: str(raw.topic),
    lifeElement: str(raw.lifeElement),
    request: str(raw.request),
    careItem: str(raw.careItem),
    regionId: id(raw.regionId),
  };
}

/** A new story written from another record. */
export type NewStorySearch = { sourceKind?: string; sourceId?: string };

const SOURCE_KINDS = ['consultation', 'engagement', 'council_meeting'];

export function parseNewStorySearch(raw: Record<string, unknown>): NewStorySearch {
  const kind =
    typeof raw.sourceKind === 'string' && SOURCE_KINDS.includes(raw.sourceKind) ? raw.sourceKind : undefined;
  const sourceId = id(raw.sourceId);
  return kind && sourceId ? { sourceKind: kind, sourceId } : {};
}
