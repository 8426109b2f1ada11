import { useCallback, useState } from 'react';

export type Editing = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; id: string };

/**
 * The state every administration list shares: which record the form edits, the last confirmation,
 * and whether the last save lost a race (409: someone else saved first).
 */
export function useEditor() {
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const open = useCallback((next: Editing) => {
    setMessage(null);
    setConflict(false);
    setEditing(next);
  }, []);
  const close = useCallback(() => setEditing({ kind: 'closed' }), []);
  const saved = useCallback((text: string) => {
    setEditing({ kind: 'closed' });
    setConflict(false);
    setMessage(text);
  }, []);
  const lostRace = useCallback(() => setConflict(true), []);
  return { editing, open, close, saved, lostRace, notify: setMessage, message, conflict };
}

/** Trimmed text, or null when empty (the API clears optional fields with null). */
export function textOrNull(value: string): string | null {
  const v = value.trim();
  return v ? v : null;
}
