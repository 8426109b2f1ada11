import type { DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema';

/** A notification to write: to one user, or to everyone scoped to a municipality. */
export type NewNotification = {
  prefectureCode: string;
  kind: string;
  titleJa: string;
  titleEn: string;
  entityType?: string | null;
  entityId?: string | null;
  data?: Record<string, unknown>;
  at: Date;
} & ({ recipientUserId: string } | { recipientMunicipalityCode: string });

/**
 * Adds an in-app notification, in the caller's transaction (it commits with the change it announces).
 * Titles must not say more than every recipient may see: no child's name unless they may open the record.
 */
export async function notify(tx: DbOrTx, n: NewNotification): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      prefectureCode: n.prefectureCode,
      recipientUserId: 'recipientUserId' in n ? n.recipientUserId : null,
      recipientMunicipalityCode: 'recipientMunicipalityCode' in n ? n.recipientMunicipalityCode : null,
      kind: n.kind,
      titleJa: n.titleJa,
      titleEn: n.titleEn,
      entityType: n.entityType ?? null,
      entityId: n.entityId ?? null,
      data: n.data ?? {},
      createdAt: n.at,
    })
    .returning({ id: notifications.id });
  return row!.id;
}
