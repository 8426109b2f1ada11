import { type ControlCharacterKind, findControlCharacter } from '../shared/control-characters';
import type { ErrorIssue } from './errors';
import { matchesAny, type PathPattern } from './text-fields';

/**
 * The character checks of every request's query string, path and JSON body (pure; the middleware is
 * input-hygiene.ts). Each problem becomes an issue naming the field, with a code and messages in Japanese and
 * English. Values are never copied into an issue: only field names are.
 */

type IssueCode = 'control_character' | 'invalid_encoding';

const TEXT: Record<ControlCharacterKind | 'encoding', { ja: string; en: string }> = {
  nul: {
    ja: '使用できない文字（NUL）が含まれています。',
    en: 'This contains a character that cannot be used (NUL).',
  },
  lone_surrogate: {
    ja: '文字が壊れています（対になっていないサロゲート）。入力し直してください。',
    en: 'This contains a broken character (an unpaired surrogate). Please type it again.',
  },
  control: {
    ja: '使用できない制御文字が含まれています。',
    en: 'This contains a control character that cannot be used.',
  },
  line_break: {
    ja: '改行やタブはこの欄では使えません（複数行の欄でのみ使えます）。',
    en: 'Line breaks and tabs cannot be used in this field (only in multi-line fields).',
  },
  encoding: {
    ja: 'URL のエンコード（%xx）が正しくありません。',
    en: 'The URL encoding (%xx) is not valid.',
  },
};

/** At most this many issues are listed; one is enough to refuse the request. */
export const MAX_ISSUES = 20;

function issue(path: string, code: IssueCode, kind: keyof typeof TEXT): ErrorIssue {
  const t = TEXT[kind];
  return { path, code, message: `${t.ja} / ${t.en}`, ja: t.ja, en: t.en };
}

function charIssue(path: string, value: string, multiline: boolean): ErrorIssue | null {
  const found = findControlCharacter(value, multiline);
  return found ? issue(path, 'control_character', found.kind) : null;
}

/** A field name fit to echo in an issue: short and itself clean, else a neutral label. */
function fieldName(name: string, fallback: string): string {
  return name.length > 0 && name.length <= 64 && !findControlCharacter(name, false) ? name : fallback;
}

function strictDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Issues of a raw query string (without `?`): invalid percent-encoding, and any control character in a
 * name or value (query values are single-line). Issues name the parameter.
 */
export function queryIssues(rawQuery: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (rawQuery === '') return issues;
  for (const part of rawQuery.split('&')) {
    if (issues.length >= MAX_ISSUES) break;
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = (eq === -1 ? part : part.slice(0, eq)).replaceAll('+', ' ');
    const rawValue = eq === -1 ? '' : part.slice(eq + 1).replaceAll('+', ' ');
    const name = strictDecode(rawName);
    const value = strictDecode(rawValue);
    const label = name === null ? '(query)' : fieldName(name, '(query)');
    if (name === null || value === null) issues.push(issue(label, 'invalid_encoding', 'encoding'));
    else {
      const found = charIssue(label, name, false) ?? charIssue(label, value, false);
      if (found) issues.push(found);
    }
  }
  return issues;
}

/**
 * Issues of a raw request path: each segment must decode and be free of control characters. `pattern` is
 * the matched route (`/api/children/:id`), so a segment that is a parameter is named by it.
 */
export function pathIssues(rawPath: string, pattern: string | null): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const segments = rawPath.split('/');
  const names = pattern?.split('/') ?? [];
  segments.forEach((segment, i) => {
    if (issues.length >= MAX_ISSUES) return;
    const param = names[i]?.match(/^:([A-Za-z0-9_]+)/)?.[1];
    const label = param ?? '(path)';
    const value = strictDecode(segment);
    if (value === null) issues.push(issue(label, 'invalid_encoding', 'encoding'));
    else {
      const found = charIssue(label, value, false);
      if (found) issues.push(found);
    }
  });
  return issues;
}

type Node = { key: string | number; parent: Node | null } | null;

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n = node; n; n = n.parent) path.push(n.key);
  return path.reverse();
}

function labelOf(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(body)' : path.join('.');
}

/**
 * Issues of a parsed JSON body: every string, object keys included, is checked; strings at a path matching
 * `multiline` may hold tab and line breaks. Walked with a stack of linked paths, so deep nesting costs neither
 * call stack nor copies. Paths are written as the validation hook writes them (`guardians.0.name`).
 */
export function jsonIssues(body: unknown, multiline: readonly PathPattern[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const stack: { value: unknown; node: Node }[] = [{ value: body, node: null }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value, node } = stack.pop()!;
    if (typeof value === 'string') {
      let found = findControlCharacter(value, false);
      if (!found) continue;
      const path = pathOf(node);
      if (found.kind === 'line_break' && matchesAny(path, multiline))
        found = findControlCharacter(value, true);
      if (found) issues.push(issue(labelOf(path), 'control_character', found.kind));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], node: { key: i, parent: node } });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const bad = findControlCharacter(key, false);
        if (bad) issues.push(issue(labelOf(pathOf(node)), 'control_character', bad.kind));
        else stack.push({ value: child, node: { key, parent: node } });
      }
    }
  }
  return issues;
}
