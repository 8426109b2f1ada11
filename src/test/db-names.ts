import { join, resolve } from 'node:path';

export const TEST_DIR = resolve('.tsunagu-test');
export const PGLITE_TEMPLATE_FILE = join(TEST_DIR, 'pglite-template.tar.gz');
export const TEMPLATE_DB = 'tsunagu_template';

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
