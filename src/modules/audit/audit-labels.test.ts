import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_DETAIL_KEY_LABELS,
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

/**
 * The keys of the object literal starting at `from` (a `{`, or a condition choosing between literals), at any depth
 * the screen shows (nested objects and conditional spreads too); calls' and arrays' contents are not keys.
 */
function keysFrom(text: string, from: number): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  let expectKey = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = text.indexOf(c, i + 1);
      if (i < 0) break;
      expectKey = false;
    } else if ('{(['.includes(c)) {
      stack.push(c);
      expectKey = c === '{';
    } else if ('})]'.includes(c)) {
      if (!stack.pop()) break;
      expectKey = false;
    } else if (c === ',') {
      if (stack.length === 0) break;
      expectKey = stack.at(-1) === '{';
    } else if ((c === ';' || c === '\n') && stack.length === 0 && text.slice(from, i).trim()) {
      break;
    } else if (expectKey && /[A-Za-z_]/.test(c)) {
      const m = /^(\w+)\s*[:,}]/.exec(text.slice(i));
      if (m) out.push(m[1]!);
      expectKey = false;
    } else if (!/\s/.test(c)) {
      expectKey = false;
    }
  }
  return out;
}

/** Every key of an audit detail the server writes: `detail: {…}`, `const detail = {…}` and `detail.key = …`. */
function detailKeys(): Set<string> {
  const out = new Set<string>();
  for (const file of sources(MODULES)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bdetail(?:: Record<string, unknown>)? ?[:=] ?(?=\{|[\w.!]+ \? \{)/g)) {
      // An error's detail (new AppError(…, { detail })) is the client's, not the audit log's.
      if (/AppError\([^;]*$/.test(text.slice(Math.max(0, m.index - 120), m.index))) continue;
      for (const k of keysFrom(text, m.index + m[0].length)) out.add(k);
    }
    for (const m of text.matchAll(/\bdetail\.(\w+) = /g)) out.add(m[1]!);
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

  it('labels every key of the details the server records, in both languages', () => {
    const recorded = detailKeys();
    expect(recorded.size).toBeGreaterThan(100);
    expect([...recorded].filter((k) => !Object.hasOwn(AUDIT_DETAIL_KEY_LABELS, k)).sort()).toEqual([]);
    expect(Object.values(AUDIT_DETAIL_KEY_LABELS).every((l) => l.ja.trim() && l.en.trim())).toBe(true);
  });
});
