/**
 * The child's disaster profile (docs/disaster.md §1): read and changed from the child's record, within the
 * registry's by-id scope (404 outside it, and for the former-residence view), changed by the roles that edit the
 * record (403 otherwise), under the profile's own version (409 on a stale one), with its history and audit entry
 * in the same transaction. Version 0 creates the profile.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childDevices,
  childDisasterConsents,
  childDisasterContacts,
  childDisasterHistory,
  childDisasterProfiles,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import type {
  BackupPowerKind,
  DisasterContactKind,
  EvacuationIntent,
  PlanStatus,
} from '../../shared/vocab/disaster';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { type ChildRow, reachChild } from '../registry/child-access';
import { diffFields } from '../registry/history';
import { canEditChild } from '../registry/policy';
import { batteryHoursOf, batteryIssues, pastDateIssues, planIssues } from './rules';

export type Who = { actor: Actor; meta: RequestMeta | null; at: Date; today: string };
export type ProfileRow = typeof childDisasterProfiles.$inferSelect;

export type ContactInput = {
  kind: DisasterContactKind;
  name?: string | null;
  organisation?: string | null;
  phone?: string | null;
  note?: string | null;
};

export type ProfileInput = {
  powerDrawWatts: number | null;
  internalBatteryHours: number | null;
  externalBatteryHours: number | null;
  spareBatteries: number | null;
  spareBatteryHours: number | null;
  chargers: string | null;
  backupPower: BackupPowerKind[];
  backupSubsidised: boolean | null;
  oxygenSupplier: string | null;
  electricityCompany: string | null;
  electricityRegistered: boolean | null;
  electricityRegisteredOn: string | null;
  onMeibo: boolean | null;
  planStatus: PlanStatus;
  planReviewedOn: string | null;
  evacuation: EvacuationIntent | null;
  evacuationNote: string | null;
  meisRegistered: boolean | null;
  drillDates: string[];
  note: string | null;
  contacts: ContactInput[];
  version: number;
};

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The child for the disaster profile: full access through the registry's by-id scope, else 404. */
export async function reachProfileChild(
  db: DbOrTx,
  actor: Actor,
  unverifiedChildId: string,
): Promise<ChildRow> {
  const reached = await reachChild(db, actor, unverifiedChildId);
  if (reached?.access !== 'full') throw new AppError('not_found');
  return reached.child;
}

const PROFILE_FIELDS = [
  'powerDrawWatts',
  'internalBatteryHours',
  'externalBatteryHours',
  'spareBatteries',
  'spareBatteryHours',
  'chargers',
  'backupPower',
  'backupSubsidised',
  'oxygenSupplier',
  'electricityCompany',
  'electricityRegistered',
  'electricityRegisteredOn',
  'onMeibo',
  'planStatus',
  'planReviewedOn',
  'evacuation',
  'evacuationNote',
  'meisRegistered',
  'drillDates',
  'note',
] as const;

function profileValues(p: ProfileRow | undefined) {
  const out: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) out[f] = p ? p[f] : null;
  if (!p) {
    out.backupPower = [];
    out.drillDates = [];
    out.planStatus = 'none';
  }
  return out;
}

/** The profile as the child's record shows it. */
export async function profileView(db: DbOrTx, actor: Actor, child: ChildRow) {
  const [[profile], contacts, devices, [consent], history] = await Promise.all([
    db.select().from(childDisasterProfiles).where(eq(childDisasterProfiles.childId, child.id)),
    db
      .select()
      .from(childDisasterContacts)
      .where(eq(childDisasterContacts.childId, child.id))
      .orderBy(asc(childDisasterContacts.position)),
    db
      .select({
        kind: childDevices.kind,
        name: childDevices.name,
        needsMains: childDevices.needsMains,
        batteryHours: childDevices.batteryHours,
      })
      .from(childDevices)
      .where(eq(childDevices.childId, child.id))
      .orderBy(asc(childDevices.createdAt)),
    db.select().from(childDisasterConsents).where(eq(childDisasterConsents.childId, child.id)),
    db
      .select({
        at: childDisasterHistory.at,
        role: childDisasterHistory.role,
        action: childDisasterHistory.action,
        version: childDisasterHistory.version,
        fields: sql<
          string[]
        >`(select coalesce(array_agg(k), '{}') from jsonb_object_keys(${childDisasterHistory.changes}) k)`,
        userName: users.displayName,
      })
      .from(childDisasterHistory)
      .leftJoin(users, eq(users.id, childDisasterHistory.userId))
      .where(eq(childDisasterHistory.childId, child.id))
      .orderBy(desc(childDisasterHistory.at), desc(childDisasterHistory.id))
      .limit(30),
  ]);
  const mains = devices.filter((d) => d.needsMains);
  const deviceHours = mains.some((d) => d.batteryHours !== null)
    ? Math.min(...mains.filter((d) => d.batteryHours !== null).map((d) => d.batteryHours!))
    : null;
  return {
    child: {
      id: child.id,
      familyName: child.familyName,
      givenName: child.givenName,
      familyKana: child.familyKana,
      givenKana: child.givenKana,
      birthDate: child.birthDate,
      municipalityCode: child.municipalityCode,
      municipalityName: findMunicipality(child.municipalityCode)?.name ?? child.municipalityCode,
    },
    consent: consent?.granted ?? false,
    electricityDependent: mains.length > 0,
    batteryHours: batteryHoursOf(profile?.batteryHoursTotal ?? null, deviceHours),
    devices,
    profile: {
      ...(profileValues(profile) as Omit<ProfileInput, 'contacts' | 'version'>),
      batteryHoursTotal: profile?.batteryHoursTotal ?? null,
      planRecordedRole: profile?.planRecordedRole ?? null,
      planRecordedAt: profile?.planRecordedAt?.toISOString() ?? null,
      sheetConfirmedOn: profile?.sheetConfirmedOn ?? null,
      sheetConfirmedBy: profile?.sheetConfirmedBy ?? null,
      updatedAt: profile?.updatedAt.toISOString() ?? null,
      version: profile?.version ?? 0,
    },
    contacts: contacts.map((c) => ({
      kind: c.kind,
      name: c.name,
      organisation: c.organisation,
      phone: c.phone,
      note: c.note,
    })),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    canEdit: canEditChild(actor, 'full'),
  };
}

export type ProfileView = Awaited<ReturnType<typeof profileView>>;

export type ProfileChange = {
  /** The values to write. */
  values: Partial<typeof childDisasterProfiles.$inferInsert>;
  /** What changed, field → [before, after], for the history (the audit names the fields only). */
  changes: Record<string, unknown>;
};

/**
 * One change to a child's disaster profile under its version, with its history and audit entry, in the caller's
 * transaction. `change` is given the profile as it is now (locked; undefined before the first write) and says what
 * to write and what changed. Version 0 creates the profile; otherwise the version moves on only if it is still
 * the one the client read (409 with the profile as it is now). Returns the profile as written.
 */
export async function writeProfileChange(
  tx: DbOrTx,
  w: Who,
  child: ChildRow,
  clientVersion: number,
  action: 'profile' | 'plan' | 'sheet' | 'sheet_confirmed',
  change: (before: ProfileRow | undefined) => ProfileChange,
): Promise<ProfileRow> {
  const [before] = await tx
    .select()
    .from(childDisasterProfiles)
    .where(eq(childDisasterProfiles.childId, child.id))
    .for('update');
  const { values, changes } = change(before);
  const stamp = { updatedBy: w.actor.userId, updatedAt: w.at };
  const written =
    clientVersion === 0
      ? await tx
          .insert(childDisasterProfiles)
          .values({ childId: child.id, prefectureCode: child.prefectureCode, ...values, ...stamp })
          .onConflictDoNothing()
          .returning()
      : await tx
          .update(childDisasterProfiles)
          .set({ ...values, ...stamp, version: sql`${childDisasterProfiles.version} + 1` })
          .where(
            and(
              eq(childDisasterProfiles.childId, child.id),
              eq(childDisasterProfiles.version, clientVersion),
            ),
          )
          .returning();
  const after = written[0];
  if (!after) {
    throw new AppError('conflict', {
      detail: {
        current: await profileView(tx, w.actor, child),
        yourVersion: clientVersion,
        currentVersion: before?.version ?? 0,
      },
    });
  }
  await tx.insert(childDisasterHistory).values({
    childId: child.id,
    at: w.at,
    userId: w.actor.userId,
    role: w.actor.role,
    action,
    changes,
    version: after.version,
  });
  await recordAudit(tx, w, {
    action: 'update',
    entityType: 'child_disaster_profile',
    entityIds: [child.id],
    detail: { action, fields: Object.keys(changes), version: after.version },
  });
  return after;
}

/** The child for a change to its profile or sheet: reached as for reading, and editable by the writer (403). */
export async function writableProfileChild(tx: DbOrTx, w: Who, unverifiedChildId: string): Promise<ChildRow> {
  const child = await reachProfileChild(tx, w.actor, unverifiedChildId);
  if (!canEditChild(w.actor, 'full')) throw new AppError('forbidden');
  return child;
}

/** Changes the profile of a child the writer reaches and may edit. */
export async function updateProfile(tx: DbOrTx, w: Who, unverifiedChildId: string, input: ProfileInput) {
  const child = await writableProfileChild(tx, w, unverifiedChildId);
  const issues = [
    ...batteryIssues(input),
    ...planIssues(input.planStatus, input.planReviewedOn, w.today),
    ...pastDateIssues('drillDates', input.drillDates, w.today),
    ...pastDateIssues('electricityRegisteredOn', [input.electricityRegisteredOn], w.today),
  ];
  if (issues.length) throw new AppError('validation_failed', { issues });
  const next = {
    powerDrawWatts: input.powerDrawWatts,
    internalBatteryHours: input.internalBatteryHours,
    externalBatteryHours: input.externalBatteryHours,
    spareBatteries: input.spareBatteries,
    spareBatteryHours: input.spareBatteryHours,
    chargers: blank(input.chargers),
    backupPower: [...new Set(input.backupPower)],
    backupSubsidised: input.backupSubsidised,
    oxygenSupplier: blank(input.oxygenSupplier),
    electricityCompany: blank(input.electricityCompany),
    electricityRegistered: input.electricityRegistered,
    electricityRegisteredOn: input.electricityRegisteredOn,
    onMeibo: input.onMeibo,
    planStatus: input.planStatus,
    planReviewedOn: input.planReviewedOn,
    evacuation: input.evacuation,
    evacuationNote: blank(input.evacuationNote),
    meisRegistered: input.meisRegistered,
    drillDates: [...new Set(input.drillDates)].sort(),
    note: blank(input.note),
  };
  const contacts = input.contacts
    .map((c) => ({
      kind: c.kind,
      name: blank(c.name),
      organisation: blank(c.organisation),
      phone: blank(c.phone),
      note: blank(c.note),
    }))
    .filter((c) => c.name || c.organisation || c.phone);
  const oldContacts = await tx
    .select({
      kind: childDisasterContacts.kind,
      name: childDisasterContacts.name,
      organisation: childDisasterContacts.organisation,
      phone: childDisasterContacts.phone,
      note: childDisasterContacts.note,
    })
    .from(childDisasterContacts)
    .where(eq(childDisasterContacts.childId, child.id))
    .orderBy(asc(childDisasterContacts.position));
  const contactsChanged = JSON.stringify(oldContacts) !== JSON.stringify(contacts);
  await writeProfileChange(tx, w, child, input.version, 'profile', (before) => {
    // The plan's fields changed here are recorded as the writer's, as when the municipality records them.
    const planChanged =
      (before?.planStatus ?? 'none') !== next.planStatus ||
      (before?.planReviewedOn ?? null) !== next.planReviewedOn ||
      (before?.onMeibo ?? null) !== next.onMeibo;
    const planStamp = planChanged
      ? { planRecordedBy: w.actor.userId, planRecordedRole: w.actor.role, planRecordedAt: w.at }
      : {};
    const changes: Record<string, unknown> = diffFields(profileValues(before), next);
    if (contactsChanged) changes.contacts = [oldContacts, contacts];
    return { values: { ...next, ...planStamp }, changes };
  });
  if (contactsChanged) {
    await tx.delete(childDisasterContacts).where(eq(childDisasterContacts.childId, child.id));
    if (contacts.length) {
      await tx
        .insert(childDisasterContacts)
        .values(contacts.map((c, i) => ({ ...c, childId: child.id, position: i })));
    }
  }
  return profileView(tx, w.actor, child);
}
