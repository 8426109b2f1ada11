import { join, resolve } from 'node:path';

/**
 * Every test run gets its own id, so two runs on one machine (or one server) never touch each other's
 * databases: the PGlite dumps, the server templates, the per-file databases and the seeded sets all carry it.
 */
export const TEST_DIR = resolve('.tsunagu-test');

export function pgliteTemplateFile(runId: string): string {
  return join(TEST_DIR, `pglite-template-${runId}.tar`);
}

export function templateDb(runId: string): string {
  return `tsunagu_tpl_${runId}`;
}

/** Prefix of the per-test-file databases of one run. */
export function testDbPrefix(runId: string): string {
  return `tsunagu_t_${runId}_`;
}

/** A seeded data set's template on the server; under the run's prefix, so the run's teardown drops it. */
export function seededTemplateDb(runId: string, key: string): string {
  return `${testDbPrefix(runId)}seed_${key}`;
}

/** A seeded data set's dumped PGlite data dir (an uncompressed tar). */
export function pgliteSeededFile(runId: string, key: string): string {
  return join(TEST_DIR, `pglite-seeded-${runId}-${key}.tar`);
}

/** What a seeded data set's seeding answered (e.g. its accounts); written last, so it marks the set ready. */
export function seededMetaFile(runId: string, kind: string, key: string): string {
  return join(TEST_DIR, `seeded-${runId}-${kind}-${key}.json`);
}

export function serverAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

/** The same server, another database name. */
export function serverDbUrl(name: string): string {
  const u = new URL(serverAdminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    tsunaguRunId: string;
  }
}
