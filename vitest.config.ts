import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { MOCKING_DB_FILES } from './src/test/mocking-db-files';

/**
 * Projects: pure unit tests; database tests on PGlite and, when TEST_DATABASE_URL is set, again on a
 * PostgreSQL server; browser tests (Debian chromium via playwright-core), each journey once (below).
 * Why the suite is laid out this way, with its measured times: docs/decisions/0018-test-suite-time.md.
 */
const withServer = Boolean(process.env.TEST_DATABASE_URL);
const dbKinds = withServer ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

/**
 * Unit, database and browser files run side by side in one pool, as many at once as the machine has cores (at
 * least two: a PostgreSQL file leaves its core to the server half the time, a journey waits for its page most of
 * the time). TSUNAGU_TEST_WORKERS overrides.
 */
const workers = Number(process.env.TSUNAGU_TEST_WORKERS) || Math.max(2, availableParallelism());

/**
 * The rule for browser journeys: each runs once (exception: BOTH_ENGINE_JOURNEYS below). Without a server every journey runs on PGlite. With
 * TEST_DATABASE_URL, the journeys that exercise what the server does differently run on PostgreSQL and all
 * others on PGlite. Server-specific: background jobs, whose worker holds an advisory lock on one connection
 * while requests go on over others (census: imports and linkage), and two editors' transactions on separate
 * connections under optimistic locking (registry: the conflict view). A new journey goes on PGlite unless it
 * adds such behaviour; keep at least one journey on each engine.
 */
const SERVER_JOURNEYS = ['tests/browser/census.test.ts', 'tests/browser/registry.test.ts'];
/**
 * The exception: journeys required to pass on both engines run on each (with TEST_DATABASE_URL). The learning
 * story — sign-up to a checked certificate — crosses every part of that module (accounts, selection, media and
 * progress, quizzes, attendance, certificates) and its requirement names both engines; so does the municipal
 * story — a four-division meeting to a directory listing, counted in the yearly activity report (it replaced the
 * regional-issues journey); and the library journey — a guide published with its file, handed out from a case
 * and opened by the family from the printed address (the file store's parts differ by engine); and the disaster
 * journey — a consent to a declared outage's access review, whose requirement names both engines (the consent
 * trigger, the ranking statement and the opening's transaction are the database's); and the survey story — a
 * parent survey mailed by personal links, answered on phones, reminded and exported by region, and an anonymous
 * answer nothing traces (it took over most of the two survey journeys). Keep this list short: each entry runs a
 * whole journey twice.
 */
const BOTH_ENGINE_JOURNEYS = [
  'tests/browser/learning-story.test.ts',
  'tests/browser/municipal-story.test.ts',
  'tests/browser/knowledge.test.ts',
  'tests/browser/survey-story.test.ts',
  'tests/browser/disaster.test.ts',
];
// A renamed journey would leave PostgreSQL with none, silently.
for (const f of [...SERVER_JOURNEYS, ...BOTH_ENGINE_JOURNEYS])
  if (!existsSync(new URL(f, import.meta.url))) throw new Error(`vitest.config.ts: ${f} is gone`);
const ALL_JOURNEYS = ['tests/browser/**/*.test.ts'];

const browserFiles = (kind: 'pglite' | 'postgres') =>
  !withServer
    ? { include: ALL_JOURNEYS }
    : kind === 'postgres'
      ? { include: [...SERVER_JOURNEYS, ...BOTH_ENGINE_JOURNEYS] }
      : { include: ALL_JOURNEYS, exclude: [...SERVER_JOURNEYS, 'node_modules/**'] };

for (const f of MOCKING_DB_FILES)
  if (!existsSync(new URL(f, import.meta.url))) throw new Error(`vitest.config.ts: ${f} is gone`);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
          maxWorkers: workers,
          // Pure code shares one module cache per worker: loading the modules again for each file doubled the
          // project's CPU time. Database files stay isolated (each loads the app afresh; some mock modules).
          isolate: false,
          // Two files run at once on a busy machine: the day-by-day calendar checks take seconds, not a target.
          testTimeout: 30_000,
        },
      },
      ...dbKinds.map((kind) => ({
        test: {
          name: `db-${kind}`,
          include: ['src/**/*.db.test.ts'],
          exclude: [...MOCKING_DB_FILES, 'node_modules/**'],
          // Database files share a module cache per worker too (decision 0018 §7): importing the app again for
          // each file was half their CPU time. Each file still makes its own database, app and clock.
          isolate: false,
          env: { TSUNAGU_TEST_DB: kind },
          globalSetup: [`src/test/global-setup-${kind}.ts`],
          maxWorkers: workers,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      // The database files that replace modules with vi.mock keep a module cache of their own.
      ...dbKinds.map((kind) => ({
        test: {
          name: `db-${kind}-isolated`,
          include: MOCKING_DB_FILES,
          env: { TSUNAGU_TEST_DB: kind },
          globalSetup: [`src/test/global-setup-${kind}.ts`],
          maxWorkers: workers,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      ...dbKinds.map((kind) => ({
        test: {
          name: `browser-${kind}`,
          ...browserFiles(kind),
          env: { TSUNAGU_TEST_DB: kind },
          globalSetup: [`src/test/global-setup-${kind}.ts`],
          // Journeys share the pool with the database files (decision 0018 §9): a journey spends most of its time
          // waiting for its page, using well under a core, so it runs beside a database file or another journey
          // rather than alone after them all. A busier core makes a step slower, never wrong: the limits below
          // are safety nets, not timing targets.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: workers,
          // A page is read only once the browser shows it; on a busy machine a lazily loaded screen takes seconds.
          expect: { poll: { timeout: 15_000 } },
        },
      })),
    ],
  },
});
