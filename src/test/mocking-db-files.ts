/**
 * Database test files that replace a module with `vi.mock`. Database files share a module cache per worker
 * (decision 0018 §7), where such a mock would leak into later files or not apply, so these run in projects of
 * their own with a fresh module cache per file (`db-*-isolated` in vitest.config.ts). A unit test
 * (`mocking-db-files.test.ts`) fails when a database file mocks a module and is not listed here.
 */
export const MOCKING_DB_FILES = [
  'src/modules/accounts/sign-in-oracle.db.test.ts',
  'src/modules/audit/export-limit.db.test.ts',
  'src/modules/registry/export.db.test.ts',
];
