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
import { AUDIT_CHANGE_FIELD_LABELS } from '../../shared/vocab/audit-change-fields';
import { ZSheetContent } from '../disaster/schemas';
import { ZUpdateEngagementRequest } from '../engagements/schemas';
import { ZUpdateChildRequest } from '../registry/schemas-write';
import { ZServiceProviderEdit } from '../resources/schemas-service';
import { ZUpdateSurveyRequest } from '../surveys/schemas';

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
function keysFrom(text: string, from: number, outsideArrays = false): string[] {
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
      if (m && !(outsideArrays && stack.includes('['))) out.push(m[1]!);
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

/** The text from the bracket at `open` to the one closing it. */
function bracketed(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if ('{(['.includes(text[i]!)) depth++;
    else if ('})]'.includes(text[i]!) && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** Functions that write a history entry and an audit entry naming the changed fields (their callers build them). */
const RECORDERS = /\b(?:recordChildChange|finishChildWrite|recordConsultationChange|writeProfileChange)\(/;
/** An audit detail's list of changed fields: `fields: Object.keys(…)`, `changed: […]`, `{ changed }`. */
const FIELD_LISTS = /\b(?:fields|changed): (?:Object\.keys\(|\[|changed\b)|\bchanged,|\{ changed \}/;

/**
 * Every field name a change record can name (`fields` / `changed` of an audit detail, `changes` of a history):
 * in the files that record such lists or call a recorder, the fields set one by one (`set.x =`, `changes.x =`,
 * `change('x', …)`, `changed.push('x')`), the keys of the objects diffed or recorded (`const changes = {…}`,
 * `definedOnly({…})`, a recorder's argument), the names listed as strings (`changed: [...(… ? ['x'] : [])]`,
 * `const EDITABLE = ['x', …]`), and the request fields of the writes that diff a whole request.
 */
function changeFieldNames(): Set<string> {
  const out = new Set<string>();
  for (const file of sources(MODULES)) {
    const text = readFileSync(file, 'utf8');
    if (!RECORDERS.test(text) && !FIELD_LISTS.test(text)) continue;
    for (const m of text.matchAll(/\b(?:changes|set|v|fields)\.(\w+) = /g)) out.add(m[1]!);
    for (const m of text.matchAll(/\b(?:changed\.push|change)\('(\w+)'/g)) out.add(m[1]!);
    const objects =
      /\b(?:const (?:changes|next|set|requested)\b[^=\n]*= (?:definedOnly\()?|changes: |(?<!function )(?:recordChildChange|finishChildWrite|recordConsultationChange)\([^{;]*?)(?=\{)/g;
    for (const m of text.matchAll(objects)) {
      for (const k of keysFrom(text, m.index + m[0].length, true)) out.add(k);
    }
    for (const m of text.matchAll(/(?:\bchanged(?::| =) |\b[A-Z_]+ = |\.concat)(?=[[(])/g)) {
      const list = bracketed(text, m.index + m[0].length);
      if (
        /^[[(]\s*(?:'|\.\.\.|Object\.keys|body)/.test(list) ||
        m[0].startsWith('changed') ||
        m[0] === '.concat'
      ) {
        for (const l of list.matchAll(/'(\w+)'/g)) out.add(l[1]!);
      }
    }
    // Fields copied in a loop into the values written (`for (const k of ['a', 'b']) set[k] = …`).
    for (const m of text.matchAll(/for \(const (\w+) of (\[[^\]]*\])[^{]*\{?\s*[^;]*\bset\b[^;]*\[\1\]/g)) {
      for (const l of m[2]!.matchAll(/'(\w+)'/g)) out.add(l[1]!);
    }
    // A record created whole: every value it was created with (registry/create-child.ts).
    if (/Object\.entries\(values\)/.test(text)) {
      for (const m of text.matchAll(/\bconst values = (?=\{)/g)) {
        for (const k of keysFrom(text, m.index + m[0].length, true)) out.add(k);
      }
    }
    // A collection of a child's record (guardians, devices …) is recorded under its name.
    if (text.includes('[spec.name]')) for (const m of text.matchAll(/^\s+name: '(\w+)',$/gm)) out.add(m[1]!);
  }
  // Writes that diff the request as sent: every field of the request can be named.
  for (const schema of [ZUpdateChildRequest, ZSheetContent, ZServiceProviderEdit, ZUpdateSurveyRequest]) {
    for (const k of Object.keys(schema.shape)) out.add(k);
  }
  for (const k of Object.keys(ZUpdateEngagementRequest.shape)) out.add(k);
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

  it('labels every field a change record can name, in both languages', () => {
    const recorded = changeFieldNames();
    expect(recorded.size).toBeGreaterThan(150);
    // Bookkeeping columns set with every change, never listed as what changed.
    for (const k of ['version', 'updatedAt', 'searchText', 'searchKey']) recorded.delete(k);
    expect([...recorded].filter((k) => !Object.hasOwn(AUDIT_CHANGE_FIELD_LABELS, k)).sort()).toEqual([]);
    expect(Object.values(AUDIT_CHANGE_FIELD_LABELS).every((l) => l.ja.trim() && l.en.trim())).toBe(true);
  });
});
