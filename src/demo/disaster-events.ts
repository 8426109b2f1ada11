/**
 * Declared events and the outage list in the demo (docs/disaster.md §4–6): a typhoon's outage in the demo
 * municipality three weeks ago, declared by the centre's administrator with the municipality's staff as a
 * responder, now over — its responders opened records of children without consent, each with a reason, and the
 * access review waits for the administrator's sign-off; the safety checks made during it; and a few listings of the
 * directory offering shelter with power, pre-emptive admission or charging. Fictional; deterministic.
 *
 * At least one opening is there by design, whatever the generator drew: the children opened are those at home
 * without the guardian's disaster-planning consent, the demo municipality's first (up to two). When the
 * municipality has none, the event also covers the municipality of the first such child of the prefecture, with
 * the centre's staff as a second responder who opened it; when the prefecture has none at all, the guardian of
 * one child at home withdrew the consent a month before the typhoon (outside the demo municipality if possible, so
 * its list keeps its children).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { childConsents, childDevices, children, resourceServices, users } from '../db/schema';
import { disasterEventOpenings, disasterEvents, disasterSafetyChecks } from '../db/schema/disaster-events';
import { isoDateInJapan } from '../shared/dates';
import type { DisasterSupport, SafetyResult } from '../shared/vocab/disaster-events';

export type SeedDisasterEventsOptions = {
  prefectureCode: string;
  municipalityCode: string;
  centreEmail: string;
  municipalEmail: string;
  /** Prefecture-wide centre staff: the responder for a child outside the demo municipality. */
  centreStaffEmail?: string;
  now: Date;
};

const HOUR = 3_600_000;

type AtHome = { id: string; municipalityCode: string; consented: boolean; dependent: boolean };

/** The prefecture's children at home, the demo municipality's first, electricity-dependent first. */
async function childrenAtHome(
  tx: DbOrTx,
  prefectureCode: string,
  municipalityCode: string,
): Promise<AtHome[]> {
  return tx
    .select({
      id: children.id,
      municipalityCode: children.municipalityCode,
      consented: sql<boolean>`coalesce((select granted from child_disaster_consents dc where dc.child_id = ${children.id}), false)`,
      dependent: sql<boolean>`exists (select 1 from ${childDevices} d where d.child_id = ${children.id} and d.needs_mains)`,
    })
    .from(children)
    .where(and(eq(children.prefectureCode, prefectureCode), eq(children.status, 'at_home')))
    .orderBy(
      sql`${children.municipalityCode} <> ${municipalityCode}`,
      sql`not exists (select 1 from ${childDevices} d where d.child_id = ${children.id} and d.needs_mains)`,
      asc(children.id),
    );
}

/** The children the responders opened: the demo municipality's without consent, else one elsewhere. */
async function childrenToOpen(tx: DbOrTx, atHome: AtHome[], municipalityCode: string, withdrawnOn: string) {
  const withheld = atHome.filter((c) => !c.consented);
  const own = withheld.filter((c) => c.municipalityCode === municipalityCode).slice(0, 2);
  if (own.length) return own;
  if (withheld.length) return withheld.slice(0, 1);
  const child = atHome.find((c) => c.municipalityCode !== municipalityCode) ?? atHome.at(-1);
  if (!child) return [];
  // The guardian withdrew the disaster-planning consent (the trigger of migration 0045 keeps the current decision).
  await tx
    .update(childConsents)
    .set({ withdrawnOn: sql`greatest(${childConsents.decidedOn}, ${withdrawnOn}::date)` })
    .where(and(eq(childConsents.childId, child.id), eq(childConsents.purpose, 'disaster_planning')));
  child.consented = false;
  return [child];
}

/** Writes the event, its openings and checks, and the directory's disaster offers; returns the event's id. */
export async function seedDisasterEvents(
  tx: DbOrTx,
  opts: SeedDisasterEventsOptions,
): Promise<string | null> {
  const emails = [opts.centreEmail, opts.municipalEmail, opts.centreStaffEmail].filter(
    (x): x is string => !!x,
  );
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .where(inArray(users.email, emails));
  const admin = people.find((u) => u.email === opts.centreEmail);
  const municipal = people.find((u) => u.email === opts.municipalEmail);
  if (!admin || !municipal) return null;
  const centre = people.find((u) => u.email === opts.centreStaffEmail) ?? admin;
  const startsAt = new Date(opts.now.getTime() - 21 * 24 * HOUR);
  const endsAt = new Date(startsAt.getTime() + 48 * HOUR);
  const atHome = await childrenAtHome(tx, opts.prefectureCode, opts.municipalityCode);
  const monthBefore = isoDateInJapan(new Date(startsAt.getTime() - 30 * 24 * HOUR));
  const opened = await childrenToOpen(tx, atHome, opts.municipalityCode, monthBefore);
  const ownChild = (c: AtHome) => c.municipalityCode === opts.municipalityCode;
  const elsewhere = opened.filter((c) => !ownChild(c));
  const [event] = await tx
    .insert(disasterEvents)
    .values({
      prefectureCode: opts.prefectureCode,
      title: '台風第10号による大規模停電',
      reason:
        '台風第10号の通過で市内の広い範囲が停電し、復旧の見込みが立たない。人工呼吸器などを使う子どもの安否確認と、電源の確保・避難先の調整を急ぐ必要がある。',
      municipalityCodes: [...new Set([opts.municipalityCode, ...elsewhere.map((c) => c.municipalityCode)])],
      responderUserIds: [...new Set([municipal.id, ...(elsewhere.length ? [centre.id] : [])])],
      startsAt,
      endsAt,
      declaredBy: admin.id,
      declaredAt: new Date(startsAt.getTime() + HOUR),
    })
    .returning({ id: disasterEvents.id });
  const reasons = (c: AtHome, i: number) =>
    i > 0
      ? '同意の記録がないが、医療機器を使用しており、避難先（電源のある福祉避難所）を調整するため'
      : c.dependent
        ? '停電が続き、医療機器のバッテリーの残りが少ないと見込まれるため、電話で安否を確認する'
        : '停電が続き、在宅で医療的ケアを受けている子どもの安否を電話で確認するため';
  for (const [i, c] of opened.entries()) {
    await tx.insert(disasterEventOpenings).values({
      prefectureCode: opts.prefectureCode,
      eventId: event!.id,
      childId: c.id,
      userId: ownChild(c) ? municipal.id : centre.id,
      reason: reasons(c, i),
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
  const consented = atHome.filter((c) => ownChild(c) && c.consented).slice(0, checks.length);
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
