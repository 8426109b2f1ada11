import { describe, expect, it } from 'vitest';
import * as e from './engagements';
import type { Label } from './label';

/** The engagement vocabularies, held to the same rules as every other (vocab.test.ts). */
const VOCABULARIES: [string, readonly string[], Record<string, Label>][] = [
  ['engagement kinds', e.ENGAGEMENT_KINDS, e.ENGAGEMENT_KIND_LABELS],
  ['engagement statuses', e.ENGAGEMENT_STATUSES, e.ENGAGEMENT_STATUS_LABELS],
  ['hearing items', e.HEARING_ITEMS, e.HEARING_ITEM_LABELS],
  ['support fields', e.SUPPORT_FIELDS, e.SUPPORT_FIELD_LABELS],
  ['life elements', e.LIFE_ELEMENTS, e.LIFE_ELEMENT_LABELS],
  ['municipal requests', e.MUNICIPAL_REQUESTS, e.MUNICIPAL_REQUEST_LABELS],
  ['assessments', e.ASSESSMENTS, e.ASSESSMENT_LABELS],
  ['approaches', e.APPROACHES, e.APPROACH_LABELS],
  ['municipal actions', e.MUNICIPAL_ACTIONS, e.MUNICIPAL_ACTION_LABELS],
  ['support outcomes', e.SUPPORT_OUTCOMES, e.SUPPORT_OUTCOME_LABELS],
  ['good example uses', e.GOOD_EXAMPLE_USES, e.GOOD_EXAMPLE_USE_LABELS],
  ['cross-tab fields', e.CROSS_TAB_FIELDS, e.CROSS_TAB_FIELD_LABELS],
  ['cadence states', e.CADENCE_STATES, e.CADENCE_STATE_LABELS],
];

describe('engagement vocabularies', () => {
  it.each(VOCABULARIES)('%s: codes are unique and each has exactly one label', (_, codes, labels) => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });

  it.each(VOCABULARIES)('%s: labels are written out and tell every code apart', (_, codes, labels) => {
    for (const lang of ['ja', 'en'] as const) {
      const names = codes.map((c) => labels[c]?.[lang] ?? '');
      for (const [i, name] of names.entries()) {
        expect(name.trim(), `${codes[i]} ${lang}`).not.toBe('');
        expect(name, `${codes[i]} ${lang}`).not.toBe(codes[i]);
      }
      expect(new Set(names).size, `${lang}: ${names.join(' / ')}`).toBe(names.length);
    }
  });

  it('gives each analysis field its vocabulary', () => {
    expect(Object.keys(e.SUPPORT_FIELD_VOCAB).sort()).toEqual([...e.SUPPORT_FIELDS].sort());
  });
});
