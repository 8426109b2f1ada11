import { parseJapaneseDate } from '../../../../src/shared/wareki';
import type { ChildSearchFilter } from '../../lib/queries/consultation-teams';

/**
 * What the intake's registry search fields ask for, or why they cannot be searched yet: nothing typed, or a
 * birth date that is neither 西暦 nor 和暦. The date is sent as typed; the query helper turns it into ISO.
 */
export function childSearchOf(name: string, birth: string): ChildSearchFilter | 'empty' | 'badDate' {
  const q = name.trim();
  const b = birth.trim();
  if (!q && !b) return 'empty';
  if (b && !parseJapaneseDate(b)) return 'badDate';
  return { ...(q ? { q } : {}), ...(b ? { birthDate: b } : {}) };
}
