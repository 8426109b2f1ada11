import type { Actor } from '../access/actor';

/**
 * Who reads and manages surveys (pure; docs/knowledge.md §5). A survey belongs to its prefecture's centre:
 * centre administrators and centre staff (of the HQ or a branch) build, send and read them; auditors read
 * them; every other role is refused before any id is read (403), and a survey of another prefecture answers 404.
 * Answering needs no account: the public links do that (routes-public.ts).
 */
export type SurveyPolicy = { prefectureCode: string; manage: boolean };

export function surveyPolicy(actor: Actor): SurveyPolicy | null {
  if (!actor.prefectureCode) return null;
  switch (actor.role) {
    case 'centre_admin':
    case 'centre_staff':
      return { prefectureCode: actor.prefectureCode, manage: true };
    case 'auditor':
      return { prefectureCode: actor.prefectureCode, manage: false };
    default:
      return null;
  }
}
