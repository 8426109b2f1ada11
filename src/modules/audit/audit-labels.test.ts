import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_DETAIL_VALUE_LABELS,
  AUDIT_DETAIL_VALUES,
  AUDIT_ENTITY_TYPE_LABELS,
  AUDIT_ENTITY_TYPES,
} from '../../shared/vocab/audit';

const MODULES = join(import.meta.dirname, '..');

/** The server's own source files (tests left out: they record made-up entries). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.includes('.test.') && d.name !== 'testing.ts' ? [p] : [];
  });
}

function literals(pattern: RegExp): Set<string> {
  const out = new Set<string>();
  for (const file of sources(MODULES)) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) out.add(m[1]!);
  }
  return out;
}

describe('the audit screen names everything the server records', () => {
  it('has a Japanese and an English label for every action, unique in each language', () => {
    for (const lang of ['ja', 'en'] as const) {
      const labels = AUDIT_ACTIONS.map((a) => AUDIT_ACTION_LABELS[a][lang]);
      expect(labels.every((l) => l.trim() !== '')).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('names every kind of object an entry is recorded about', () => {
    const recorded = literals(/entityType: '([a-z_]+)'/g);
    expect(recorded.size).toBeGreaterThan(20);
    const known = new Set<string>(AUDIT_ENTITY_TYPES);
    expect([...recorded].filter((t) => !known.has(t))).toEqual([]);
    for (const lang of ['ja', 'en'] as const) {
      const labels = AUDIT_ENTITY_TYPES.map((t) => AUDIT_ENTITY_TYPE_LABELS[t][lang]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('names every event an entry’s detail records', () => {
    const recorded = literals(/\bevent: '([a-z_]+)'/g);
    const known = new Set<string>(AUDIT_DETAIL_VALUES);
    // A checkpoint is an event of the server's log, not of an audit entry.
    const missing = [...recorded].filter((e) => !known.has(e) && e !== 'audit_checkpoint');
    expect(missing).toEqual([]);
    expect(
      AUDIT_DETAIL_VALUES.every((v) => AUDIT_DETAIL_VALUE_LABELS[v].ja && AUDIT_DETAIL_VALUE_LABELS[v].en),
    ).toBe(true);
  });
});
