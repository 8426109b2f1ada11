import { defineConfig } from 'vitest/config';

/**
 * Projects: pure unit tests; database tests on PGlite and, when TEST_DATABASE_URL is set, again on a
 * PostgreSQL server; browser tests (Debian chromium via playwright-core) on both databases likewise.
 */
const withServer = Boolean(process.env.TEST_DATABASE_URL);
const dbKinds = withServer ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      ...dbKinds.map((kind) => ({
        test: {
          name: `db-${kind}`,
          include: ['src/**/*.db.test.ts'],
          env: { TSUNAGU_TEST_DB: kind },
          globalSetup: [`src/test/global-setup-${kind}.ts`],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      ...dbKinds.map((kind) => ({
        test: {
          name: `browser-${kind}`,
          include: ['tests/browser/**/*.test.ts'],
          env: { TSUNAGU_TEST_DB: kind },
          globalSetup: [`src/test/global-setup-${kind}.ts`],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page is read only once the browser shows it; on a busy machine a lazily loaded screen takes seconds.
          expect: { poll: { timeout: 15_000 } },
        },
      })),
    ],
  },
});
