/**
 * Roles are typed data: adding a role does not compile until every map below handles it.
 * Scope kinds say which area a role's personal-data queries are limited to (see scope.ts).
 */
export const ROLES = [
  'system_admin',
  'centre_admin',
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
  'provider_staff',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

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
  ja: string;
  en: string;
};

export const ROLE_INFO = {
  system_admin: {
    scope: 'none',
    requiresTotp: true,
    administers: true,
    readOnly: false,
    readsAudit: false,
    ja: 'システム管理者',
    en: 'System administrator',
  },
  centre_admin: {
    scope: 'prefecture',
    requiresTotp: true,
    administers: true,
    readOnly: false,
    readsAudit: true,
    ja: 'センター管理者',
    en: 'Centre administrator',
  },
  centre_staff: {
    scope: 'branch_or_prefecture',
    requiresTotp: true,
    administers: false,
    readOnly: false,
    readsAudit: false,
    ja: 'センター職員',
    en: 'Centre staff',
  },
  regional_coordinator: {
    scope: 'region',
    requiresTotp: true,
    administers: false,
    readOnly: false,
    readsAudit: false,
    ja: '圏域コーディネーター',
    en: 'Regional coordinator',
  },
  municipal_staff: {
    scope: 'municipality',
    requiresTotp: false,
    administers: false,
    readOnly: false,
    readsAudit: false,
    ja: '市町村職員・コーディネーター',
    en: 'Municipal staff or coordinator',
  },
  provider_staff: {
    scope: 'organisation',
    requiresTotp: false,
    administers: false,
    readOnly: false,
    readsAudit: false,
    ja: '事業所職員',
    en: 'Provider staff',
  },
  auditor: {
    scope: 'prefecture',
    requiresTotp: true,
    administers: false,
    readOnly: true,
    readsAudit: true,
    ja: '監査担当（閲覧のみ）',
    en: 'Auditor (read-only)',
  },
} as const satisfies Record<Role, RoleInfo>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
