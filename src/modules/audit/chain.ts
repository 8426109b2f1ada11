import { createHash } from 'node:crypto';

/** The fields an audit entry's hash covers (everything but its id and its own hash). */
export type AuditContent = {
  at: Date;
  prefectureCode: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityIds: string[];
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** hash = SHA-256(previous hash + "\n" + canonical JSON of the content). */
export function chainHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** The hashed content of a stored row (its chain fields and id excluded). */
export function contentOf(r: AuditContent): AuditContent {
  return {
    at: r.at,
    prefectureCode: r.prefectureCode,
    actorUserId: r.actorUserId,
    actorRole: r.actorRole,
    action: r.action,
    entityType: r.entityType,
    entityIds: r.entityIds,
    detail: r.detail,
    ip: r.ip,
    userAgent: r.userAgent,
    requestId: r.requestId,
  };
}
