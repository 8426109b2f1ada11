import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import {
  BACKUP_POWER_KINDS,
  DISASTER_CONTACT_KINDS,
  DISASTER_HISTORY_ACTIONS,
  EVACUATION_INTENTS,
  PLAN_STATUSES,
} from '../../shared/vocab/disaster';
import { DEVICE_KINDS, SEXES } from '../../shared/vocab/registry';
import { parseJapaneseDate } from '../../shared/wareki';

/** A date as people type it (ISO, 2026/4/5, 令和8年4月5日, R8.4.5 …), read into ISO; unreadable → 400. */
export const zDate = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    const iso = parseJapaneseDate(v);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: `日付として読めません / not a date: ${v}` });
      return z.NEVER;
    }
    return iso;
  })
  .openapi({ type: 'string', example: '令和8年4月5日' });

const text = (max: number) => z.string().trim().max(max).nullable().default(null);
const hours = z.number().nullable().default(null).openapi({ description: 'hours, to a tenth' });

export const ZContactInput = z.object({
  kind: z.enum(DISASTER_CONTACT_KINDS),
  name: text(100),
  organisation: text(200),
  phone: text(40),
  note: text(200),
});

export const ZProfileUpdate = z
  .object({
    powerDrawWatts: z.number().nullable().default(null),
    internalBatteryHours: hours,
    externalBatteryHours: hours,
    spareBatteries: z.number().nullable().default(null),
    spareBatteryHours: hours,
    chargers: text(200),
    backupPower: z.array(z.enum(BACKUP_POWER_KINDS)).max(4).default([]),
    backupSubsidised: z.boolean().nullable().default(null),
    oxygenSupplier: text(200),
    electricityCompany: text(100),
    electricityRegistered: z.boolean().nullable().default(null),
    electricityRegisteredOn: zDate.nullable().default(null),
    onMeibo: z.boolean().nullable().default(null),
    planStatus: z.enum(PLAN_STATUSES).default('none'),
    planReviewedOn: zDate.nullable().default(null),
    evacuation: z.enum(EVACUATION_INTENTS).nullable().default(null),
    evacuationNote: text(200),
    meisRegistered: z.boolean().nullable().default(null),
    drillDates: z.array(zDate).max(50).default([]),
    note: multilineText(2000).nullable().default(null),
    contacts: z.array(ZContactInput).max(20).default([]),
    version: z.number().int().min(0),
  })
  .openapi('DisasterProfileUpdate');

const ZContact = z.object({
  kind: z.enum(DISASTER_CONTACT_KINDS),
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable().optional(),
});

const ZDevice = z.object({
  kind: z.enum(DEVICE_KINDS),
  name: z.string().nullable(),
  needsMains: z.boolean(),
  batteryHours: z.number().nullable(),
});

export const ZProfile = z
  .object({
    child: z.object({
      id: z.string(),
      familyName: z.string(),
      givenName: z.string(),
      familyKana: z.string(),
      givenKana: z.string(),
      birthDate: z.string(),
      municipalityCode: z.string(),
      municipalityName: z.string(),
    }),
    consent: z.boolean(),
    electricityDependent: z.boolean(),
    batteryHours: z.number().nullable(),
    devices: z.array(ZDevice),
    profile: z.object({
      powerDrawWatts: z.number().nullable(),
      internalBatteryHours: z.number().nullable(),
      externalBatteryHours: z.number().nullable(),
      spareBatteries: z.number().nullable(),
      spareBatteryHours: z.number().nullable(),
      batteryHoursTotal: z.number().nullable(),
      chargers: z.string().nullable(),
      backupPower: z.array(z.enum(BACKUP_POWER_KINDS)),
      backupSubsidised: z.boolean().nullable(),
      oxygenSupplier: z.string().nullable(),
      electricityCompany: z.string().nullable(),
      electricityRegistered: z.boolean().nullable(),
      electricityRegisteredOn: z.string().nullable(),
      onMeibo: z.boolean().nullable(),
      planStatus: z.enum(PLAN_STATUSES),
      planReviewedOn: z.string().nullable(),
      planRecordedRole: z.string().nullable(),
      planRecordedAt: z.string().nullable(),
      evacuation: z.enum(EVACUATION_INTENTS).nullable(),
      evacuationNote: z.string().nullable(),
      meisRegistered: z.boolean().nullable(),
      drillDates: z.array(z.string()),
      note: z.string().nullable(),
      sheetConfirmedOn: z.string().nullable(),
      sheetConfirmedBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
      version: z.number().int(),
    }),
    contacts: z.array(ZContact),
    history: z.array(
      z.object({
        at: z.string(),
        role: z.string(),
        action: z.enum(DISASTER_HISTORY_ACTIONS),
        version: z.number().int(),
        fields: z.array(z.string()),
        userName: z.string().nullable(),
      }),
    ),
    canEdit: z.boolean(),
  })
  .openapi('DisasterProfile');

const line = (max: number) => z.string().trim().max(max).nullable().optional();
const para = (max: number) => multilineText(max).nullable().optional();

export const ZSheetContent = z.object({
  bloodType: line(20),
  deviceSettings: para(2000),
  baselineVitals: z
    .object({
      spo2: line(40),
      heartRate: line(40),
      respiratoryRate: line(40),
      temperature: line(40),
      bloodPressure: line(40),
    })
    .nullable()
    .optional(),
  neuroBaseline: para(1000),
  medicines: para(2000),
  allergies: para(1000),
  avoid: para(1000),
  emergencies: z
    .array(z.object({ problem: z.string().trim().max(200), handling: multilineText(1000) }))
    .max(10)
    .optional(),
  wishes: para(1000),
});

export const ZSheetUpdate = z
  .object({ sheet: ZSheetContent, version: z.number().int().min(0) })
  .openapi('EmergencySheetUpdate');

export const ZSheetConfirm = z
  .object({ confirmedOn: zDate, confirmedBy: z.string().trim().max(100), version: z.number().int().min(0) })
  .openapi('EmergencySheetConfirm');

export const ZSheet = z
  .object({
    child: z.object({
      id: z.string(),
      familyName: z.string(),
      givenName: z.string(),
      familyKana: z.string(),
      givenKana: z.string(),
      birthDate: z.string(),
      sex: z.enum(SEXES),
      address: z.string().nullable(),
      municipalityName: z.string(),
    }),
    diagnoses: z.array(
      z.object({ name: z.string(), icd10: z.string().nullable(), note: z.string().nullable() }),
    ),
    careItems: z.array(z.object({ code: z.string(), note: z.string().nullable() })),
    devices: z.array(ZDevice.extend({ note: z.string().nullable() })),
    guardians: z.array(
      z.object({
        familyName: z.string(),
        givenName: z.string(),
        relationship: z.string(),
        phone: z.string().nullable(),
        isPrimary: z.boolean(),
      }),
    ),
    physicians: z.array(
      z.object({
        hospitalName: z.string(),
        department: z.string().nullable(),
        physicianName: z.string().nullable(),
        isPrimary: z.boolean(),
      }),
    ),
    contacts: z.array(ZContact),
    power: z.object({
      powerDrawWatts: z.number().nullable(),
      batteryHoursTotal: z.number().nullable(),
      backupPower: z.array(z.enum(BACKUP_POWER_KINDS)),
      oxygenSupplier: z.string().nullable(),
      evacuation: z.enum(EVACUATION_INTENTS).nullable(),
      meisRegistered: z.boolean().nullable(),
    }),
    sheet: ZSheetContent,
    confirmation: z.object({
      confirmedOn: z.string().nullable(),
      confirmedBy: z.string().nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string().nullable(),
    }),
    updatedAt: z.string().nullable(),
    version: z.number().int(),
    canEdit: z.boolean(),
  })
  .openapi('EmergencySheet');

export const ZListQuery = z.object({
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const ZExportQuery = ZListQuery.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

const ZListRow = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyKana: z.string(),
  givenKana: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  address: z.string().nullable(),
  status: z.string(),
  careScore: z.number().nullable(),
  electricityDependent: z.boolean(),
  batteryHours: z.number().nullable(),
  guardian: z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable() }).nullable(),
  contacts: z.array(ZContact),
  careItems: z.array(z.string()),
  devices: z.array(
    z.object({ kind: z.string(), needsMains: z.boolean(), batteryHours: z.number().nullable() }),
  ),
  backupPower: z.array(z.enum(BACKUP_POWER_KINDS)),
  backupSubsidised: z.boolean().nullable(),
  oxygenSupplier: z.string().nullable(),
  electricityRegistered: z.boolean().nullable(),
  electricityCompany: z.string().nullable(),
  onMeibo: z.boolean().nullable(),
  planStatus: z.enum(PLAN_STATUSES),
  planReviewedOn: z.string().nullable(),
  planRecordedRole: z.string().nullable(),
  planRecordedAt: z.string().nullable(),
  evacuation: z.enum(EVACUATION_INTENTS).nullable(),
  meisRegistered: z.boolean().nullable(),
  drillDates: z.array(z.string()),
  version: z.number().int(),
});

export const ZList = z
  .object({
    municipality: z.object({ code: z.string(), name: z.string(), regionName: z.string().nullable() }),
    counts: z.object({
      children: z.number().int(),
      consented: z.number().int(),
      electricityDependent: z.number().int(),
      electricityDependentWithheld: z.number().int(),
    }),
    rows: z.array(ZListRow),
    canRecordPlan: z.boolean(),
  })
  .openapi('DisasterMunicipalityList');

export const ZPlanUpdate = z
  .object({
    onMeibo: z.boolean().nullable().default(null),
    planStatus: z.enum(PLAN_STATUSES),
    planReviewedOn: zDate.nullable().default(null),
    version: z.number().int().min(0),
  })
  .openapi('DisasterPlanUpdate');

export const ZPlanAnswer = ZListRow.openapi('DisasterListRow');

const ZCounts = z.object({
  electricityDependent: z.number().int(),
  agreedPlan: z.number().int(),
  onMeibo: z.number().int(),
  consented: z.number().int(),
  lastReviewedOn: z.string().nullable(),
});

export const ZCoverage = z
  .object({
    municipalities: z.array(
      ZCounts.extend({
        code: z.string(),
        name: z.string(),
        regionId: z.string().nullable(),
        regionName: z.string().nullable(),
      }),
    ),
    regions: z.array(ZCounts.extend({ regionId: z.string().nullable(), regionName: z.string().nullable() })),
    total: ZCounts,
  })
  .openapi('DisasterCoverage');

export const ZChildParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: 'id', in: 'path' }, example: '00000000-0000-4000-8000-000000000000' }),
});
