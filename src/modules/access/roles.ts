/**
 * Roles are typed data: adding a role does not compile until every map below handles it. The codes and their
 * names live in src/shared/vocab/roles.ts (ROLES, ROLE_LABELS). Scope kinds say which area a role's personal-data queries are limited to (see scope.ts).
 */
import { ROLES, type Role } from '../../shared/vocab/roles';

export { ROLES, type Role };

export type ScopeKind =
  | 'none'
  | 'prefecture'
  | 'branch_or_prefecture'
  | 'region'
  | 'municipality'
  | 'organisation';

type RoleInfo = {
  /** Which area the role's personal-data reads cover. */
  scope: ScopeKind;
  /** TOTP is mandatory when a role sees personal data beyond one municipality. */
  requiresTotp: boolean;
  /** May change network configuration and users of its prefecture (or the deployment, for system_admin). */
  administers: boolean;
  /** May only read; every write is refused. */
  readOnly: boolean;
  /** May search and export the audit log of its prefecture. */
  readsAudit: boolean;
};

export const ROLE_INFO = {
  system_admin: {
    scope: 'none',
    requiresTotp: true,
    administers: true,
    readOnly: false,
    readsAudit: false,
  },
  centre_admin: {
    scope: 'prefecture',
    requiresTotp: true,
    administers: true,
    readOnly: false,
    readsAudit: true,
  },
  centre_staff: {
    scope: 'branch_or_prefecture',
    requiresTotp: true,
    administers: false,
    readOnly: false,
    readsAudit: false,
  },
  regional_coordinator: {
    scope: 'region',
    requiresTotp: true,
    administers: false,
    readOnly: false,
    readsAudit: false,
  },
  municipal_staff: {
    scope: 'municipality',
    requiresTotp: false,
    administers: false,
    readOnly: false,
    readsAudit: false,
  },
  provider_staff: {
    scope: 'organisation',
    requiresTotp: false,
    administers: false,
    readOnly: false,
    readsAudit: false,
  },
  auditor: {
    scope: 'prefecture',
    requiresTotp: true,
    administers: false,
    readOnly: true,
    readsAudit: true,
  },
  /**
   * A learner of the Learning module (nurse, care worker, teacher …): signs up or is invited, sees the
   * catalogue and their own learning only, never any child's data. No TOTP: they see no personal data but
   * their own, and thousands of them sign in from phones.
   */
  learner: {
    scope: 'none',
    requiresTotp: false,
    administers: false,
    readOnly: false,
    readsAudit: false,
  },
} as const satisfies Record<Role, RoleInfo>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
