/**
 * KA-2: when a registration of a municipality's resident is accepted with the family's consent to share with the
 * municipality, the municipality's active staff accounts are told by mail, in the accepting transaction
 * (decision 0032). The mail names only the receipt number and links to the record behind sign-in — no child's
 * name, no care. An account is active when it is enabled and its invitation was accepted. With mail off, or
 * without the consent, nothing is queued (the municipality sees the child in its list, as always).
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { queueMail } from '../mail/outbox';
import type { MailSettings } from '../mail/settings';

/** Queues the notice to each active staff account of the municipality; answers how many were queued. */
export async function mailMunicipalityOfAcceptance(
  tx: DbOrTx,
  settings: MailSettings | undefined,
  r: { prefectureCode: string; municipalityCode: string; childId: string; receiptNo: string },
  opts: { createdBy: string | null; now: Date },
): Promise<number> {
  if (!settings) return 0;
  const staff = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.prefectureCode, r.prefectureCode),
        eq(users.role, 'municipal_staff'),
        eq(users.scopeMunicipalityCode, r.municipalityCode),
        isNull(users.disabledAt),
        isNotNull(users.passwordHash),
      ),
    );
  for (const u of staff) {
    await queueMail(
      tx,
      settings,
      {
        userId: u.id,
        prefectureCode: r.prefectureCode,
        email: u.email,
        displayName: u.displayName,
        locale: u.locale,
      },
      {
        kind: 'registration_shared',
        name: u.displayName,
        link: `/children/${r.childId}`,
        receiptNo: r.receiptNo,
      },
      opts,
    );
  }
  return staff.length;
}
