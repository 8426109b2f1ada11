/** Test helpers of the disaster events module: a child with devices and a disaster-planning decision. */
import type { DbOrTx } from '../../db/client';
import { childConsents, childDevices, childGuardians, type children } from '../../db/schema';
import { disasterEvents } from '../../db/schema/disaster-events';
import { makeChild } from '../../test/factories';

/**
 * A child at home with a device (needing mains power with `batteryHours` of battery when given) and, when
 * `disasterConsent` is true, the guardian's granted `disaster_planning` consent.
 */
export async function disasterChild(
  db: DbOrTx,
  municipalityCode: string,
  opts: {
    familyName?: string;
    batteryHours?: number | null;
    dependent?: boolean;
    careScore?: number;
    disasterConsent?: boolean;
    phone?: string;
  } = {},
): Promise<typeof children.$inferSelect> {
  const child = await makeChild(db, municipalityCode.slice(0, 2), municipalityCode, {
    familyName: opts.familyName ?? '山田',
    careScore: opts.careScore ?? 10,
  });
  if (opts.dependent ?? true) {
    await db.insert(childDevices).values({
      childId: child.id,
      kind: 'ventilator',
      needsMains: true,
      batteryHours: opts.batteryHours ?? null,
    });
  }
  await db.insert(childGuardians).values({
    childId: child.id,
    familyName: opts.familyName ?? '山田',
    givenName: '花子',
    relationship: '母',
    phone: opts.phone ?? '090-0000-0000',
    isPrimary: true,
  });
  if (opts.disasterConsent ?? true) {
    await db.insert(childConsents).values({
      childId: child.id,
      purpose: 'disaster_planning',
      granted: true,
      decidedOn: '2026-04-01',
      method: 'paper',
    });
  }
  return child;
}

/** An event in force declared for one municipality (inserted directly; `declaredBy` any user of the prefecture). */
export async function declaredEvent(
  db: DbOrTx,
  prefectureCode: string,
  municipalityCode: string,
  declaredBy: string,
): Promise<string> {
  const now = Date.now();
  const [row] = await db
    .insert(disasterEvents)
    .values({
      prefectureCode,
      title: '大雨による停電',
      reason: '広域停電のため',
      municipalityCodes: [municipalityCode],
      startsAt: new Date(now - 3_600_000),
      endsAt: new Date(now + 86_400_000),
      declaredBy,
      declaredAt: new Date(now - 3_600_000),
    })
    .returning({ id: disasterEvents.id });
  return row!.id;
}
