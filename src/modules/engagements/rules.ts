/**
 * What an engagement must hold, by kind (pure; docs/municipal-support.md §2). Fields that do not belong to
 * the kind are dropped, so a hearing carries no analysis codes and a support log entry no hearing notes.
 */
import type { ErrorIssue } from '../../server/errors';
import {
  type EngagementKind,
  HEARING_ITEMS,
  type HearingItem,
  SUPPORT_FIELDS,
  type SupportField,
} from '../../shared/vocab/engagements';
import type { CreateEngagementRequest } from './schemas';

export type EngagementFields = Omit<CreateEngagementRequest, 'kind'>;

const issue = (path: string, ja: string, en: string): ErrorIssue => ({
  path,
  message: `${ja} / ${en}`,
  ja,
  en,
});

function notes<K extends string>(keys: readonly K[], given: Partial<Record<K, string | null | undefined>>) {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = given[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/** The columns an engagement of the kind is stored with. */
export function normalise(kind: EngagementKind, f: EngagementFields) {
  const support = kind === 'support';
  return {
    municipalityCode: f.municipalityCode,
    status: f.status,
    occurredOn: f.occurredOn,
    subject: f.subject,
    place: f.place?.trim() || null,
    attendees: f.attendees?.trim() || null,
    divisions: [...new Set(f.divisions)],
    hearing: kind === 'hearing' ? notes<HearingItem>(HEARING_ITEMS, f.hearing) : {},
    notes: f.notes?.trim() || null,
    lifeElement: support ? (f.lifeElement ?? null) : null,
    request: support ? (f.request ?? null) : null,
    assessment: support ? (f.assessment ?? null) : null,
    approach: support ? (f.approach ?? null) : null,
    municipalAction: support ? (f.municipalAction ?? null) : null,
    outcome: support ? (f.outcome ?? null) : null,
    analysisNotes: support ? notes<SupportField>(SUPPORT_FIELDS, f.analysisNotes) : {},
  };
}

export type Normalised = ReturnType<typeof normalise>;

/**
 * Problems with an engagement, each naming its field: a held one dated after today, a held four-division
 * meeting with no division attending, a held hearing with none of its items noted, a support log entry
 * without what the municipality asked or the life element concerned, a support log entry marked planned.
 */
export function engagementIssues(kind: EngagementKind, e: Normalised, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (e.occurredOn < '2000-01-01') {
    issues.push(issue('occurredOn', '日付が古すぎます', 'The date is too far in the past'));
  }
  if (e.status === 'held' && e.occurredOn > today) {
    issues.push(
      issue(
        'occurredOn',
        '実施済みの記録に未来の日付は入力できません（予定として登録してください）',
        'A held engagement cannot be dated in the future (record it as planned)',
      ),
    );
  }
  if (kind === 'four_division' && e.status === 'held' && e.divisions.length === 0) {
    issues.push(
      issue('divisions', '出席した課を1つ以上選んでください', 'Choose at least one division that attended'),
    );
  }
  if (kind === 'hearing' && e.status === 'held' && Object.keys(e.hearing).length === 0) {
    issues.push(
      issue(
        'hearing',
        'ヒアリング項目を1つ以上記入してください',
        'Write down at least one of the hearing items',
      ),
    );
  }
  if (kind === 'support') {
    if (e.status !== 'held') {
      issues.push(
        issue('status', '市町村支援の記録は実施済みのみです', 'A support log entry records what was done'),
      );
    }
    if (!e.request) {
      issues.push(
        issue('request', '市町村からの相談内容を選んでください', 'Choose what the municipality asked'),
      );
    }
    if (!e.lifeElement) {
      issues.push(issue('lifeElement', '生活の要素を選んでください', 'Choose the life element concerned'));
    }
  }
  return issues;
}

/** The names of the columns that differ between two stored forms (for the audit entry of an edit). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .sort();
}
