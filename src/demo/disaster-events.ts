/**
 * Declared events and the outage list in the demo (docs/disaster.md §4–6): a typhoon's outage in the demo
 * municipality three weeks ago, declared by the centre's administrator with the municipality's staff as a
 * responder, now over — its responders opened two records of children without consent, each with a reason, and the
 * access review waits for the administrator's sign-off; the safety checks made during it; and a few listings of the
 * directory offering shelter with power, pre-emptive admission or charging. Fictional; deterministic.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { childDevices, children, resourceServices, users } from '../db/schema';
import { disasterEventOpenings, disasterEvents, disasterSafetyChecks } from '../db/schema/disaster-events';
import type { DisasterSupport, SafetyResult } from '../shared/vocab/disaster-events';

export type SeedDisasterEventsOptions = {
  prefectureCode: string;
  municipalityCode: string;
  centreEmail: string;
  municipalEmail: string;
  now: Date;
};

const HOUR = 3_600_000;

/** Writes the event, its openings and checks, and the directory's disaster offers; returns the event's id. */
export async function seedDisasterEvents(
  tx: DbOrTx,
  opts: SeedDisasterEventsOptions,
): Promise<string | null> {
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .where(inArray(users.email, [opts.centreEmail, opts.municipalEmail]));
  const admin = people.find((u) => u.email === opts.centreEmail);
  const municipal = people.find((u) => u.email === opts.municipalEmail);
  if (!admin || !municipal) return null;
  const startsAt = new Date(opts.now.getTime() - 21 * 24 * HOUR);
  const endsAt = new Date(startsAt.getTime() + 48 * HOUR);
  const [event] = await tx
    .insert(disasterEvents)
    .values({
      prefectureCode: opts.prefectureCode,
      title: '台風第10号による大規模停電',
      reason:
        '台風第10号の通過で市内の広い範囲が停電し、復旧の見込みが立たない。人工呼吸器などを使う子どもの安否確認と、電源の確保・避難先の調整を急ぐ必要がある。',
      municipalityCodes: [opts.municipalityCode],
      responderUserIds: [municipal.id],
      startsAt,
      endsAt,
      declaredBy: admin.id,
      declaredAt: new Date(startsAt.getTime() + HOUR),
    })
    .returning({ id: disasterEvents.id });
  // The municipality's children at home, electricity-dependent first, with and without the disaster-planning consent.
  const atHome = await tx
    .select({
      id: children.id,
      consented: sql<boolean>`coalesce((select granted from child_disaster_consents dc where dc.child_id = ${children.id}), false)`,
      dependent: sql<boolean>`exists (select 1 from ${childDevices} d where d.child_id = ${children.id} and d.needs_mains)`,
    })
    .from(children)
    .where(and(eq(children.municipalityCode, opts.municipalityCode), eq(children.status, 'at_home')))
    .orderBy(asc(children.id));
  const dependentFirst = [...atHome.filter((c) => c.dependent), ...atHome.filter((c) => !c.dependent)];
  const withheld = dependentFirst.filter((c) => !c.consented).slice(0, 2);
  const reasons = [
    '停電が続き、バッテリーの残りが少ないと見込まれるため、電話で安否を確認する',
    '同意の記録がないが、人工呼吸器を使用しており、避難先（電源のある福祉避難所）を調整するため',
  ];
  for (const [i, c] of withheld.entries()) {
    await tx.insert(disasterEventOpenings).values({
      prefectureCode: opts.prefectureCode,
      eventId: event!.id,
      childId: c.id,
      userId: municipal.id,
      reason: reasons[i]!,
      openedAt: new Date(startsAt.getTime() + (3 + i) * HOUR),
    });
  }
  const checks: [SafetyResult, string | null][] = [
    ['safe', null],
    ['needs_help', '外部バッテリーの充電場所が必要'],
    ['safe', null],
    ['unreachable', null],
    ['needs_help', '電源のある福祉避難所への移動を希望'],
  ];
  const consented = dependentFirst.filter((c) => c.consented).slice(0, checks.length);
  for (const [i, c] of consented.entries()) {
    const [result, help] = checks[i]!;
    await tx.insert(disasterSafetyChecks).values({
      prefectureCode: opts.prefectureCode,
      childId: c.id,
      eventId: event!.id,
      checkedAt: new Date(startsAt.getTime() + (2 + i) * HOUR),
      callerUserId: municipal.id,
      callerName: municipal.name,
      result,
      helpNeeded: help,
    });
  }
  await seedDisasterOffers(tx, opts.prefectureCode, opts.municipalityCode);
  return event!.id;
}

/** A few listings of the municipality and the prefecture offering shelter with power, admission or charging. */
async function seedDisasterOffers(tx: DbOrTx, prefectureCode: string, municipalityCode: string) {
  const offers: [string, DisasterSupport[], string][] = [
    [
      'hospital',
      ['preemptive_admission'],
      '台風の接近時など、停電の前からの予防的入院（レスパイト入院）を受け入れます。',
    ],
    [
      'medical_short_stay',
      ['powered_welfare_shelter', 'charging_point'],
      '非常用発電機あり。医療機器の充電ができます。',
    ],
    ['child_development_support', ['charging_point'], '開所時間内に医療機器の充電ができます。'],
  ];
  for (const [type, support, note] of offers) {
    const [service] = await tx
      .select({ id: resourceServices.id })
      .from(resourceServices)
      .where(
        and(
          eq(resourceServices.prefectureCode, prefectureCode),
          eq(resourceServices.type, type),
          eq(resourceServices.status, 'active'),
        ),
      )
      .orderBy(sql`${resourceServices.municipalityCode} <> ${municipalityCode}`, asc(resourceServices.id))
      .limit(1);
    if (!service) continue;
    await tx
      .update(resourceServices)
      .set({ disasterSupport: support, disasterNote: note })
      .where(eq(resourceServices.id, service.id));
  }
}
