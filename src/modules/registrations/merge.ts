import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
  childHistory,
  children,
} from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { kanjiKey } from '../../shared/names';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { childScope } from '../registry/scope';
import { careScoreOf } from './accept';
import {
  CONSENT_PURPOSES,
  careItemRows,
  consentRows,
  deviceRows,
  diagnosisRows,
  guardianRows,
} from './child-rows';
import { loadPendingForDecision, markDecided, submittedOn } from './decide';
import type { RegistrationPayload } from './schemas-submit';

const textKey = (s: string) => kanjiKey(s.normalize('NFKC').toLowerCase());

/** The child to merge into, locked: within the reviewer's scope and the registration's prefecture, or 404. */
async function loadChildForMerge(tx: Tx, actor: Actor, prefectureCode: string, unverifiedChildId: string) {
  if (!isUuid(unverifiedChildId)) throw new AppError('not_found');
  const [child] = await tx
    .select()
    .from(children)
    .where(
      and(eq(children.id, unverifiedChildId), eq(children.prefectureCode, prefectureCode), childScope(actor)),
    )
    .for('update');
  if (!child) throw new AppError('not_found');
  return child;
}

/** What the child record holds already, to tell what the registration adds. */
async function existingOf(tx: Tx, childId: string) {
  // One statement at a time: a transaction is one connection.
  const guardians = await tx.select().from(childGuardians).where(eq(childGuardians.childId, childId));
  const diagnoses = await tx.select().from(childDiagnoses).where(eq(childDiagnoses.childId, childId));
  const careItems = await tx.select().from(childCareItems).where(eq(childCareItems.childId, childId));
  const devices = await tx.select().from(childDevices).where(eq(childDevices.childId, childId));
  const consents = await tx
    .select()
    .from(childConsents)
    .where(eq(childConsents.childId, childId))
    .orderBy(desc(childConsents.decidedOn), desc(childConsents.createdAt));
  return { guardians, diagnoses, careItems, devices, consents };
}

/** Facts of the registration that differ from the record and are not applied (a move, a corrected name …). */
function differences(child: typeof children.$inferSelect, c: RegistrationPayload['child']) {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of ['familyName', 'givenName', 'familyKana', 'givenKana', 'birthDate', 'sex'] as const) {
    if (child[key] !== c[key]) out[key] = [child[key], c[key]];
  }
  if (child.municipalityCode !== c.municipalityCode)
    out.municipalityCode = [child.municipalityCode, c.municipalityCode];
  if (child.address && child.address !== c.address) out.address = [child.address, c.address];
  return out;
}

/**
 * Merges a registration into an existing child record: adds what the record lacks (guardians, diagnoses, care
 * items — rescoring —, devices, consent decisions that are new or changed, an empty address or living
 * situation), bumps its version (409 if the reviewer's copy is stale) and writes history 'merge' listing what
 * was added and what differs but was left for the reviewer (a move, for example). One transaction, audited.
 */
export async function mergeRegistration(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  unverifiedId: string,
  body: { childId: string; version: number; note?: string | undefined },
): Promise<{ status: 'merged'; childId: string }> {
  return deps.db.systemDb.transaction(async (tx) => {
    const reg = await loadPendingForDecision(tx, actor, unverifiedId);
    const child = await loadChildForMerge(tx, actor, reg.prefectureCode, body.childId);
    if (child.version !== body.version) throw new AppError('conflict');
    const p = reg.payload;
    const c = p.child;
    const have = await existingOf(tx, child.id);
    const on = submittedOn(reg);

    const knownGuardians = new Set(have.guardians.map((g) => textKey(g.familyName + g.givenName)));
    const guardians = p.guardians.filter((g) => !knownGuardians.has(textKey(g.familyName + g.givenName)));
    const knownDiagnoses = new Set(
      have.diagnoses.flatMap((d) => [textKey(d.name), d.icd10 ?? ''].filter(Boolean)),
    );
    const diagnoses = c.diagnoses.filter(
      (d) => !knownDiagnoses.has(textKey(d.name)) && !(d.icd10 && knownDiagnoses.has(d.icd10)),
    );
    const knownItems = new Set(have.careItems.map((i) => i.code));
    const careItems = c.careItems.filter((i) => !knownItems.has(i.code));
    const knownDevices = new Set(have.devices.map((d) => d.kind));
    const devices = c.devices.filter((d) => !knownDevices.has(d.kind));
    // A purpose ticked on the form with no decision yet, or whose latest decision (not newer than the form)
    // is not a grant. An unticked box records nothing ("not asked"): it never overrides a consent on file.
    const purposes = CONSENT_PURPOSES.filter((purpose) => {
      if (!p.consents[purpose]) return false;
      const latest = have.consents.find((k) => k.purpose === purpose);
      const current = latest && !latest.withdrawnOn ? latest.granted : undefined;
      return !latest || (latest.decidedOn <= on && current !== true);
    });

    if (guardians.length)
      await tx
        .insert(childGuardians)
        .values(guardianRows(child.id, guardians, { firstIsPrimary: have.guardians.length === 0 }));
    if (diagnoses.length) await tx.insert(childDiagnoses).values(diagnosisRows(child.id, diagnoses));
    if (careItems.length)
      await tx.insert(childCareItems).values(careItemRows(child.id, careItems, reg.receiptNo));
    if (devices.length) await tx.insert(childDevices).values(deviceRows(child.id, devices));
    if (purposes.length)
      await tx
        .insert(childConsents)
        .values(
          consentRows(child.id, p.consents, purposes, { decidedOn: on, actor, receiptNo: reg.receiptNo }),
        );

    const fields: Partial<typeof children.$inferInsert> = {};
    const changes: Record<string, [unknown, unknown]> = {};
    // An empty address is filled only from the same municipality: a registration from elsewhere is a move.
    if (!child.address && c.address && child.municipalityCode === c.municipalityCode) {
      fields.address = c.address;
      changes.address = [child.address, c.address];
    }
    if (!child.livingSituation && c.livingSituation) {
      fields.livingSituation = c.livingSituation;
      changes.livingSituation = [child.livingSituation, c.livingSituation];
    }
    if (careItems.length) {
      const all = [...have.careItems.map((i) => ({ code: i.code, watch: i.watch })), ...careItems];
      Object.assign(fields, careScoreOf(all));
      changes.careScore = [child.careScore, fields.careScore];
    }
    const at = deps.now();
    const [bumped] = await tx
      .update(children)
      .set({ ...fields, version: sql`${children.version} + 1`, updatedAt: at })
      .where(and(eq(children.id, child.id), eq(children.version, body.version)))
      .returning({ version: children.version });
    if (!bumped) throw new AppError('conflict');
    await tx.insert(childHistory).values({
      childId: child.id,
      at,
      userId: actor.userId,
      action: 'merge',
      changes: {
        source: 'registration',
        registrationId: reg.id,
        receiptNo: reg.receiptNo,
        ...changes,
        added: {
          guardians: guardians.length,
          diagnoses: diagnoses.length,
          careItems: careItems.map((i) => i.code),
          devices: devices.map((d) => d.kind),
          consents: purposes,
        },
        notApplied: differences(child, c),
      },
      version: bumped.version,
    });
    await markDecided(tx, deps, actor, reg, { status: 'merged', childId: child.id, note: body.note ?? null });
    const who = { actor, meta, at };
    await recordAudit(tx, who, {
      action: 'update',
      entityType: 'child',
      entityIds: [child.id],
      detail: { source: 'registration', registrationId: reg.id, receiptNo: reg.receiptNo, merge: true },
    });
    await recordAudit(tx, who, {
      action: 'update',
      entityType: 'registration',
      entityIds: [reg.id],
      detail: { decision: 'merged', childId: child.id },
    });
    return { status: 'merged' as const, childId: child.id };
  });
}
