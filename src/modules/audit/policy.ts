import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { ROLE_INFO } from '../access/roles';

/** True when the actor may search, export and verify the audit log (of its own prefecture only). */
export function canReadAudit(actor: Actor): boolean {
  return ROLE_INFO[actor.role].readsAudit && actor.prefectureCode !== null;
}

/** The prefecture whose audit entries the actor may read; 403 for every other role. */
export function auditPrefectureOf(actor: Actor): string {
  if (!canReadAudit(actor) || !actor.prefectureCode) throw new AppError('forbidden');
  return actor.prefectureCode;
}
