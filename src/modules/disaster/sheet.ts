/**
 * The emergency sheet (docs/disaster.md §7): one A4 per child for the family to keep by the ventilator and hand to
 * paramedics, laid out under MEIS's summary headings (基本情報, 診療情報・医療機器, ケア記録, 救急サマリー) so a family
 * can copy it into MEIS. What the registry knows (identity, diagnoses, care items, devices, guardians, physicians) is
 * read from the record; what only the sheet holds (device settings, baseline vitals, medicines, allergies, what to
 * avoid, common emergencies) is kept on the disaster profile, with the family's confirmation (who, which day, and
 * who recorded it when). Same scope, versions and audit as the profile.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childCareItems,
  childDevices,
  childDiagnoses,
  childDisasterContacts,
  childDisasterProfiles,
  childGuardians,
  childPhysicians,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import type { EmergencySheet } from '../../shared/vocab/disaster';
import type { ChildRow } from '../registry/child-access';
import { type Who, writableProfileChild, writeProfileChange } from './profile';
import { pastDateIssues } from './rules';

const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The sheet as stored: blank texts dropped, emergencies without a problem dropped. */
export function cleanSheet(sheet: EmergencySheet): EmergencySheet {
  const v = sheet.baselineVitals ?? {};
  return {
    bloodType: clean(sheet.bloodType),
    deviceSettings: clean(sheet.deviceSettings),
    baselineVitals: {
      spo2: clean(v.spo2),
      heartRate: clean(v.heartRate),
      respiratoryRate: clean(v.respiratoryRate),
      temperature: clean(v.temperature),
      bloodPressure: clean(v.bloodPressure),
    },
    neuroBaseline: clean(sheet.neuroBaseline),
    medicines: clean(sheet.medicines),
    allergies: clean(sheet.allergies),
    avoid: clean(sheet.avoid),
    emergencies: (sheet.emergencies ?? [])
      .map((e) => ({ problem: e.problem.trim(), handling: e.handling.trim() }))
      .filter((e) => e.problem),
    wishes: clean(sheet.wishes),
  };
}

/** Everything the printed sheet shows, for a child the reader reaches. */
export async function sheetView(db: DbOrTx, child: ChildRow, canEdit: boolean) {
  const [[profile], diagnoses, careItems, devices, guardians, physicians, contacts] = await Promise.all([
    db
      .select({ p: childDisasterProfiles, recordedBy: users.displayName })
      .from(childDisasterProfiles)
      .leftJoin(users, eq(users.id, childDisasterProfiles.sheetConfirmRecordedBy))
      .where(eq(childDisasterProfiles.childId, child.id)),
    db
      .select({ name: childDiagnoses.name, icd10: childDiagnoses.icd10, note: childDiagnoses.note })
      .from(childDiagnoses)
      .where(eq(childDiagnoses.childId, child.id))
      .orderBy(asc(childDiagnoses.createdAt)),
    db
      .select({ code: childCareItems.code, note: childCareItems.note })
      .from(childCareItems)
      .where(eq(childCareItems.childId, child.id))
      .orderBy(asc(childCareItems.code)),
    db
      .select({
        kind: childDevices.kind,
        name: childDevices.name,
        needsMains: childDevices.needsMains,
        batteryHours: childDevices.batteryHours,
        note: childDevices.note,
      })
      .from(childDevices)
      .where(eq(childDevices.childId, child.id))
      .orderBy(asc(childDevices.createdAt)),
    db
      .select({
        familyName: childGuardians.familyName,
        givenName: childGuardians.givenName,
        relationship: childGuardians.relationship,
        phone: childGuardians.phone,
        isPrimary: childGuardians.isPrimary,
      })
      .from(childGuardians)
      .where(eq(childGuardians.childId, child.id))
      .orderBy(asc(childGuardians.createdAt)),
    db
      .select({
        hospitalName: childPhysicians.hospitalName,
        department: childPhysicians.department,
        physicianName: childPhysicians.physicianName,
        isPrimary: childPhysicians.isPrimary,
      })
      .from(childPhysicians)
      .where(eq(childPhysicians.childId, child.id))
      .orderBy(asc(childPhysicians.createdAt)),
    db
      .select({
        kind: childDisasterContacts.kind,
        name: childDisasterContacts.name,
        organisation: childDisasterContacts.organisation,
        phone: childDisasterContacts.phone,
        note: childDisasterContacts.note,
      })
      .from(childDisasterContacts)
      .where(eq(childDisasterContacts.childId, child.id))
      .orderBy(asc(childDisasterContacts.position)),
  ]);
  const p = profile?.p;
  return {
    child: {
      id: child.id,
      familyName: child.familyName,
      givenName: child.givenName,
      familyKana: child.familyKana,
      givenKana: child.givenKana,
      birthDate: child.birthDate,
      sex: child.sex,
      address: child.address,
      municipalityName: findMunicipality(child.municipalityCode)?.name ?? child.municipalityCode,
    },
    diagnoses,
    careItems,
    devices,
    guardians,
    physicians,
    contacts,
    power: {
      powerDrawWatts: p?.powerDrawWatts ?? null,
      batteryHoursTotal: p?.batteryHoursTotal ?? null,
      backupPower: p?.backupPower ?? [],
      oxygenSupplier: p?.oxygenSupplier ?? null,
      evacuation: p?.evacuation ?? null,
      meisRegistered: p?.meisRegistered ?? null,
    },
    sheet: cleanSheet(p?.sheet ?? {}),
    confirmation: {
      confirmedOn: p?.sheetConfirmedOn ?? null,
      confirmedBy: p?.sheetConfirmedBy ?? null,
      recordedBy: profile?.recordedBy ?? null,
      recordedAt: p?.sheetConfirmRecordedAt?.toISOString() ?? null,
    },
    updatedAt: p?.updatedAt.toISOString() ?? null,
    version: p?.version ?? 0,
    canEdit,
  };
}

export type SheetView = Awaited<ReturnType<typeof sheetView>>;

/** Changes the sheet's own content; a change clears the family's confirmation (they confirm what they saw). */
export async function updateSheet(
  tx: DbOrTx,
  w: Who,
  unverifiedChildId: string,
  input: { sheet: EmergencySheet; version: number },
) {
  const child = await writableProfileChild(tx, w, unverifiedChildId);
  const sheet = cleanSheet(input.sheet);
  await writeProfileChange(tx, w, child, input.version, 'sheet', (before) => {
    const old = cleanSheet(before?.sheet ?? {});
    const fields = (Object.keys(sheet) as (keyof EmergencySheet)[]).filter(
      (k) => JSON.stringify(old[k]) !== JSON.stringify(sheet[k]),
    );
    const unconfirmed =
      fields.length && before?.sheetConfirmedOn
        ? {
            sheetConfirmedOn: null,
            sheetConfirmedBy: null,
            sheetConfirmRecordedBy: null,
            sheetConfirmRecordedAt: null,
          }
        : {};
    return {
      values: { sheet, ...unconfirmed },
      changes: Object.fromEntries(fields.map((f) => [f, [old[f] ?? null, sheet[f]]])),
    };
  });
  return sheetView(tx, child, true);
}

/** Records that the family confirmed the sheet as it stands: which family member, on which day. */
export async function confirmSheet(
  tx: DbOrTx,
  w: Who,
  unverifiedChildId: string,
  input: { confirmedOn: string; confirmedBy: string; version: number },
) {
  const child = await writableProfileChild(tx, w, unverifiedChildId);
  const issues = pastDateIssues('confirmedOn', [input.confirmedOn], w.today);
  const by = input.confirmedBy.trim();
  if (!by) {
    const ja = '確認した家族の名前を入力してください。';
    const en = 'Give the name of the family member who confirmed the sheet.';
    issues.push({ path: 'confirmedBy', message: `${ja} / ${en}`, ja, en });
  }
  if (issues.length) throw new AppError('validation_failed', { issues });
  if (input.version === 0) {
    const ja = '先に緊急時シートの内容を保存してください。';
    const en = 'Save the sheet’s content before recording the family’s confirmation.';
    throw new AppError('validation_failed', {
      issues: [{ path: 'version', message: `${ja} / ${en}`, ja, en }],
    });
  }
  await writeProfileChange(tx, w, child, input.version, 'sheet_confirmed', (before) => ({
    values: {
      sheetConfirmedOn: input.confirmedOn,
      sheetConfirmedBy: by,
      sheetConfirmRecordedBy: w.actor.userId,
      sheetConfirmRecordedAt: w.at,
    },
    changes: {
      sheetConfirmedOn: [before?.sheetConfirmedOn ?? null, input.confirmedOn],
      sheetConfirmedBy: [before?.sheetConfirmedBy ?? null, by],
    },
  }));
  return sheetView(tx, child, true);
}
