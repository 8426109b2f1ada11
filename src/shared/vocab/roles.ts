import type { Labels } from './label';

/** The roles of a user (what each may do and see: src/modules/access/roles.ts ROLE_INFO). */
export const ROLES = [
  'system_admin',
  'centre_admin',
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
  'provider_staff',
  'auditor',
  'learner',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  system_admin: { ja: 'システム管理者', en: 'System administrator' },
  centre_admin: { ja: 'センター管理者', en: 'Centre administrator' },
  centre_staff: { ja: 'センター職員', en: 'Centre staff' },
  regional_coordinator: { ja: '圏域コーディネーター', en: 'Regional coordinator' },
  municipal_staff: { ja: '市町村職員・コーディネーター', en: 'Municipal staff or coordinator' },
  provider_staff: { ja: '事業所職員', en: 'Provider staff' },
  auditor: { ja: '監査担当（閲覧のみ）', en: 'Auditor (read-only)' },
  learner: { ja: '受講者', en: 'Learner' },
} as const satisfies Labels<Role>;
