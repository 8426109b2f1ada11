/**
 * A subject (件名) for a consultation that came without one — the public request form, and cases recorded
 * before subjects existed (migration 0020 applies the same rule in SQL): the first sentence of the narrative's
 * first line, cut at 40 characters; the first topic's name when the narrative gives nothing.
 */
import { TOPIC_LABELS, type Topic } from '../../shared/vocab/consultations';

export const DERIVED_SUBJECT_MAX = 40;

export function subjectFrom(narrative: string, topics: readonly Topic[]): string {
  const firstLine = narrative.split(/\r?\n/, 1)[0] ?? '';
  const first = (firstLine.split('。', 1)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (!first) return `${TOPIC_LABELS[topics[0] ?? 'other'].ja}の相談`;
  const chars = [...first];
  return chars.length > DERIVED_SUBJECT_MAX ? `${chars.slice(0, DERIVED_SUBJECT_MAX - 1).join('')}…` : first;
}
