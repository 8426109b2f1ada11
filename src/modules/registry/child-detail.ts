import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childAffiliations,
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
  childHandbooks,
  childHistory,
  childPhysicians,
  childResidences,
  municipalities,
  organisations,
} from '../../db/schema';
import { lifeStage } from '../../shared/age';
import { computeCareScore } from '../../shared/care-score';
import { addDays } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { careTeamOf } from './care-team';
import type { ChildRow, ReachedChild } from './child-access';
import { type HistoryCut, valuesBefore } from './history';
import { allowedChildActions } from './policy';
import type { ChildDetail } from './schemas-detail';

const NO_ACTIONS = { edit: false, manageConsents: false, move: false };

async function municipalityName(db: DbOrTx, code: string): Promise<string> {
  const [m] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return m?.name ?? code;
}

function residencesOf(db: DbOrTx, childId: string) {
  return db
    .select({
      municipalityCode: childResidences.municipalityCode,
      municipalityName: municipalities.name,
      address: childResidences.address,
      fromDate: childResidences.fromDate,
      toDate: childResidences.toDate,
    })
    .from(childResidences)
    .innerJoin(municipalities, eq(municipalities.code, childResidences.municipalityCode))
    .where(eq(childResidences.childId, childId))
    .orderBy(asc(childResidences.fromDate), asc(childResidences.createdAt));
}

/** The care score breakdown of stored items; items the table no longer knows give no breakdown. */
function breakdownOf(items: { code: string; watch: 'high' | 'mid' | 'low' }[]) {
  if (items.length === 0) return [];
  try {
    return computeCareScore(items).breakdown;
  } catch {
    return [];
  }
}

function stageOn(birthDate: string, today: string) {
  try {
    return lifeStage(birthDate, today);
  } catch {
    return null;
  }
}

/** Every part of the record, for an actor with full access. */
async function fullParts(db: DbOrTx, childId: string) {
  // One statement after another: a detail read holds one pooled connection, however many lists it has.
  const guardians = await db
    .select({
      id: childGuardians.id,
      familyName: childGuardians.familyName,
      givenName: childGuardians.givenName,
      familyKana: childGuardians.familyKana,
      givenKana: childGuardians.givenKana,
      relationship: childGuardians.relationship,
      phone: childGuardians.phone,
      email: childGuardians.email,
      address: childGuardians.address,
      isPrimary: childGuardians.isPrimary,
    })
    .from(childGuardians)
    .where(eq(childGuardians.childId, childId))
    .orderBy(desc(childGuardians.isPrimary), asc(childGuardians.createdAt), asc(childGuardians.id));
  const diagnoses = await db
    .select({
      id: childDiagnoses.id,
      name: childDiagnoses.name,
      icd10: childDiagnoses.icd10,
      note: childDiagnoses.note,
    })
    .from(childDiagnoses)
    .where(eq(childDiagnoses.childId, childId))
    .orderBy(asc(childDiagnoses.createdAt), asc(childDiagnoses.id));
  const physicians = await db
    .select({
      id: childPhysicians.id,
      organisationId: childPhysicians.organisationId,
      hospitalName: childPhysicians.hospitalName,
      department: childPhysicians.department,
      physicianName: childPhysicians.physicianName,
      isPrimary: childPhysicians.isPrimary,
    })
    .from(childPhysicians)
    .where(eq(childPhysicians.childId, childId))
    .orderBy(desc(childPhysicians.isPrimary), asc(childPhysicians.createdAt), asc(childPhysicians.id));
  const careItems = await db
    .select({
      id: childCareItems.id,
      code: childCareItems.code,
      watch: childCareItems.watch,
      judgedOn: childCareItems.judgedOn,
      judgedBy: childCareItems.judgedBy,
      note: childCareItems.note,
      systemNote: childCareItems.systemNote,
    })
    .from(childCareItems)
    .where(eq(childCareItems.childId, childId))
    .orderBy(asc(childCareItems.createdAt), asc(childCareItems.code));
  const devices = await db
    .select({
      id: childDevices.id,
      kind: childDevices.kind,
      name: childDevices.name,
      needsMains: childDevices.needsMains,
      batteryHours: childDevices.batteryHours,
      note: childDevices.note,
    })
    .from(childDevices)
    .where(eq(childDevices.childId, childId))
    .orderBy(asc(childDevices.createdAt), asc(childDevices.id));
  const handbooks = await db
    .select({
      id: childHandbooks.id,
      kind: childHandbooks.kind,
      grade: childHandbooks.grade,
      issuedOn: childHandbooks.issuedOn,
    })
    .from(childHandbooks)
    .where(eq(childHandbooks.childId, childId))
    .orderBy(asc(childHandbooks.createdAt), asc(childHandbooks.id));
  const affiliations = await db
    .select({
      id: childAffiliations.id,
      organisationId: childAffiliations.organisationId,
      organisationName: organisations.name,
      kind: childAffiliations.kind,
      startedOn: childAffiliations.startedOn,
      endedOn: childAffiliations.endedOn,
      detail: childAffiliations.detail,
    })
    .from(childAffiliations)
    .innerJoin(organisations, eq(organisations.id, childAffiliations.organisationId))
    .where(eq(childAffiliations.childId, childId))
    .orderBy(asc(childAffiliations.startedOn), asc(childAffiliations.id));
  const consents = await db
    .select({
      id: childConsents.id,
      purpose: childConsents.purpose,
      granted: childConsents.granted,
      decidedOn: childConsents.decidedOn,
      method: childConsents.method,
      withdrawnOn: childConsents.withdrawnOn,
      note: childConsents.note,
      systemNote: childConsents.systemNote,
    })
    .from(childConsents)
    .where(eq(childConsents.childId, childId))
    .orderBy(desc(childConsents.decidedOn), desc(childConsents.createdAt));
  const residences = await residencesOf(db, childId);
  const careTeam = await careTeamOf(db, childId);
  // Care items in the order of the official table, like the breakdown.
  const breakdown = breakdownOf(careItems);
  const order = new Map(breakdown.map((l, i) => [l.code, i]));
  careItems.sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99));
  return {
    guardians,
    diagnoses,
    physicians,
    careItems,
    devices,
    handbooks,
    affiliations,
    careTeam,
    consents,
    residences,
  };
}

/**
 * The record with full access. "unsafe": it does not check scope — call it only for a child reached
 * through scope.ts (reachChild) or just written by the actor.
 */
export async function unsafeFullChildDetail(
  db: DbOrTx,
  actor: Actor,
  child: ChildRow,
  today: string,
  opts: { actionsAllowed?: boolean } = {},
): Promise<ChildDetail> {
  const parts = await fullParts(db, child.id);
  return {
    ...summaryOf(child, await municipalityName(db, child.municipalityCode)),
    address: child.address,
    livingSituation: child.livingSituation,
    statusSince: child.statusSince,
    careScore: child.careScore,
    careTier: child.careTier,
    careScoreBreakdown: breakdownOf(parts.careItems),
    lifeStage: stageOn(child.birthDate, today),
    ...parts,
    access: 'full',
    allowedActions: opts.actionsAllowed === false ? NO_ACTIONS : allowedChildActions(actor, 'full'),
  };
}

function summaryOf(child: ChildRow, municipalityName: string) {
  return {
    id: child.id,
    familyName: child.familyName,
    givenName: child.givenName,
    familyKana: child.familyKana,
    givenKana: child.givenKana,
    birthDate: child.birthDate,
    sex: child.sex,
    municipalityCode: child.municipalityCode,
    municipalityName,
    status: child.status,
    version: child.version,
  };
}

/**
 * What a former residence sees: where the history of that municipality ends (the move away from it) and
 * the residences up to and including its own. Undefined when the child never left it.
 */
export async function formerResidenceCut(
  db: DbOrTx,
  childId: string,
  municipalityCode: string,
): Promise<{ cut: HistoryCut; residences: Awaited<ReturnType<typeof residencesOf>> } | undefined> {
  const all = await residencesOf(db, childId);
  let last = -1;
  all.forEach((r, i) => {
    if (r.municipalityCode === municipalityCode && r.toDate !== null) last = i;
  });
  if (last < 0) return undefined;
  const own = all[last]!;
  const [move] = await db
    .select({ id: childHistory.id })
    .from(childHistory)
    .where(
      and(
        eq(childHistory.childId, childId),
        eq(childHistory.action, 'move'),
        sql`${childHistory.changes}->'municipalityCode'->>0 = ${municipalityCode}`,
      ),
    )
    .orderBy(desc(childHistory.id))
    .limit(1);
  // Without a recorded move (data imported with its residences), the view ends with the day of the move.
  const cut: HistoryCut = move
    ? { beforeId: move.id }
    : { beforeAt: new Date(`${addDays(own.toDate!, 1)}T00:00:00+09:00`) };
  return { cut, residences: all.slice(0, last + 1) };
}

/**
 * The former-residence view: identity, status and care score as they were at the move (the current values
 * with every later change undone from the history), the municipality and address the actor knew, and the
 * residences up to theirs. No care detail, guardians or consents: those may have changed since.
 */
export async function formerResidenceDetail(
  db: DbOrTx,
  actor: Actor,
  child: ChildRow,
  today: string,
): Promise<ChildDetail | undefined> {
  if (actor.scope.kind !== 'municipality') return undefined;
  const code = actor.scope.municipalityCode;
  const former = await formerResidenceCut(db, child.id, code);
  if (!former) return undefined;
  const later = await db
    .select({ changes: childHistory.changes })
    .from(childHistory)
    .where(
      and(
        eq(childHistory.childId, child.id),
        'beforeId' in former.cut
          ? gte(childHistory.id, former.cut.beforeId)
          : gte(childHistory.at, former.cut.beforeAt),
      ),
    )
    .orderBy(asc(childHistory.id));
  const atMove = valuesBefore(
    {
      familyName: child.familyName,
      givenName: child.givenName,
      familyKana: child.familyKana,
      givenKana: child.givenKana,
      birthDate: child.birthDate,
      sex: child.sex,
      status: child.status,
      statusSince: child.statusSince,
      careScore: child.careScore,
      careTier: child.careTier,
    },
    later,
  );
  const own = former.residences.at(-1)!;
  return {
    ...summaryOf({ ...child, ...atMove, municipalityCode: code }, own.municipalityName),
    address: own.address,
    livingSituation: null,
    statusSince: atMove.statusSince,
    careScore: atMove.careScore,
    careTier: atMove.careTier,
    careScoreBreakdown: [],
    lifeStage: stageOn(atMove.birthDate, today),
    guardians: [],
    diagnoses: [],
    physicians: [],
    careItems: [],
    devices: [],
    handbooks: [],
    affiliations: [],
    careTeam: [],
    consents: [],
    residences: former.residences,
    access: 'former_residence',
    allowedActions: NO_ACTIONS,
  };
}

/** The record as the actor may see it, for a child reached through the by-id scope. */
export async function childDetail(
  db: DbOrTx,
  actor: Actor,
  reached: ReachedChild,
  today: string,
): Promise<ChildDetail | undefined> {
  return reached.access === 'full'
    ? unsafeFullChildDetail(db, actor, reached.child, today)
    : formerResidenceDetail(db, actor, reached.child, today);
}
