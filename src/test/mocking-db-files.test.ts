import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOCKING_DB_FILES } from './mocking-db-files';

const root = join(import.meta.dirname, '..', '..');

function dbTestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? dbTestFiles(join(dir, e.name))
      : e.name.endsWith('.db.test.ts')
        ? [relative(root, join(dir, e.name))]
        : [],
  );
}

describe('database files that mock modules', () => {
  it('are exactly the files listed to run with a module cache of their own', () => {
    const mocking = dbTestFiles(join(root, 'src'))
      .filter((f) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(root, f), 'utf8')))
      .sort();
    expect(mocking).toEqual([...MOCKING_DB_FILES].sort());
  });
});
