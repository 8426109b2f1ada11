import type { DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema';
import { renderSystemText, type SystemText } from '../../shared/vocab/system-text';
import { mailNotificationNow } from './notify-mail';

/** A notification to write: to one user, or to everyone scoped to a municipality. */
export type NewNotification = {
  prefectureCode: string;
  kind: string;
  entityType?: string | null;
  entityId?: string | null;
  data?: Record<string, unknown>;
  at: Date;
} & ({ recipientUserId: string } | { recipientMunicipalityCode: string }) &
  /** The message as a code with parameters, shown in the reader's language; or, for now, both titles. */
  ({ text: SystemText } | { titleJa: string; titleEn: string });

/**
 * Adds an in-app notification, in the caller's transaction (it commits with the change it announces).
 * Titles must not say more than every recipient may see: no child's name unless they may open the record.
 * Recipients who chose mail "at once" for its kind get a mail queued in the same transaction (notify-mail.ts).
 */
export async function notify(tx: DbOrTx, n: NewNotification): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      prefectureCode: n.prefectureCode,
      recipientUserId: 'recipientUserId' in n ? n.recipientUserId : null,
      recipientMunicipalityCode: 'recipientMunicipalityCode' in n ? n.recipientMunicipalityCode : null,
      kind: n.kind,
      text: 'text' in n ? n.text : null,
      // Kept for readers of older versions: the text's rendering at the time.
      titleJa: 'text' in n ? renderSystemText(n.text, 'ja') : n.titleJa,
      titleEn: 'text' in n ? renderSystemText(n.text, 'en') : n.titleEn,
      entityType: n.entityType ?? null,
      entityId: n.entityId ?? null,
      data: n.data ?? {},
      createdAt: n.at,
    })
    .returning({ id: notifications.id });
  // Mailed at once to whoever chose so for this kind, with mail on (notify-mail.ts, decision 0030).
  await mailNotificationNow(tx, n);
  return row!.id;
}
