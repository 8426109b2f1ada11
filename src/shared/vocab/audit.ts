import type { Labels } from './label';

/** What an audit entry records. */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'configure',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS = {
  read: { ja: '閲覧', en: 'Read' },
  search: { ja: '検索', en: 'Search' },
  create: { ja: '作成', en: 'Create' },
  update: { ja: '更新', en: 'Update' },
  delete: { ja: '削除', en: 'Delete' },
  export: { ja: '出力', en: 'Export' },
  sign_in: { ja: 'サインイン', en: 'Sign-in' },
  sign_in_failed: { ja: 'サインイン失敗', en: 'Failed sign-in' },
  sign_out: { ja: 'サインアウト', en: 'Sign-out' },
  configure: { ja: '設定変更', en: 'Configuration' },
} as const satisfies Labels<AuditAction>;
