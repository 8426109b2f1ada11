import { join, resolve } from 'node:path';

/**
 * Every test run gets its own id, so two runs on one machine (or one server) never touch each other's
 * databases: the PGlite dump, the server template and the per-file databases all carry it.
 */
export const TEST_DIR = resolve('.tsunagu-test');

export function pgliteTemplateFile(runId: string): string {
  return join(TEST_DIR, `pglite-template-${runId}.tar.gz`);
}

export function templateDb(runId: string): string {
  return `tsunagu_tpl_${runId}`;
}

/** Prefix of the per-test-file databases of one run. */
export function testDbPrefix(runId: string): string {
  return `tsunagu_t_${runId}_`;
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
