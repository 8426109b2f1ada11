import { mayCallArea } from '../../../src/modules/access/learner-areas';
import { ROLE_INFO } from '../../../src/modules/access/roles';
import { ROLE_LABELS, ROLES, type Role } from '../../../src/shared/vocab/roles';
import type { Locale } from '../i18n';

/**
 * Role facts come from the server's typed role table (pure data, shared), so the menu cannot drift
 * from what the API allows. The server still enforces every rule; this only hides what would fail.
 */
export { ROLES, type Role };

export function roleLabel(role: Role, locale: Locale): string {
  return ROLE_LABELS[role][locale];
}

/** Roles that read personal data (the registry). */
export function seesPersonalData(role: Role): boolean {
  return ROLE_INFO[role].scope !== 'none';
}

/** Roles that configure the network and users. */
export function administers(role: Role): boolean {
  return ROLE_INFO[role].administers;
}

/** Roles that read the audit log. */
export function readsAudit(role: Role): boolean {
  return ROLE_INFO[role].readsAudit;
}

/**
 * Learners (the Learning module's own accounts) use only the learning pages: the API refuses them every staff
 * area (src/modules/access/learner-fence.ts), so the menu and the page guards hide those areas too.
 */
export function isLearner(role: Role): boolean {
  return !mayCallArea(role, '/api/children');
}

export function requiresTotp(role: Role): boolean {
  return ROLE_INFO[role].requiresTotp;
}

/** Which area limits the role's personal-data reads (decides the scope fields of a user). */
export function scopeKindOf(role: Role) {
  return ROLE_INFO[role].scope;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
