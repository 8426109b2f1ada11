import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { organisations } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { AskerKind } from '../../shared/vocab/consultations';
import { askerOrganisationIssue } from './asker';

export { askerDivisionIssue } from './asker';

/** Whether an asker of this kind can be an organisation of the network. */
export function isOrganisationAsker(kind: AskerKind): boolean {
  return askerOrganisationIssue(kind, 'x') === null;
}

/**
 * The organisation that asked, checked: it fits the asker's kind and is an organisation of the case's
 * prefecture (400 naming the field otherwise, never saying whether another prefecture has it). Null when none.
 */
export async function checkAskerOrganisation(
  tx: DbOrTx,
  prefectureCode: string,
  askerKind: AskerKind,
  organisationId: string | null | undefined,
): Promise<string | null> {
  if (!organisationId) return null;
  const issue = askerOrganisationIssue(askerKind, organisationId);
  if (issue) throw new AppError('validation_failed', { issues: [issue] });
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.prefectureCode, prefectureCode)));
  if (!org) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'askerOrganisationId',
          message:
            "その機関はこの都道府県のネットワークにありません / That organisation is not in this prefecture's network",
        },
      ],
    });
  }
  return org.id;
}
