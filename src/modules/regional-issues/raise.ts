/**
 * Raising an issue, and the options of the form: the regions and municipalities the caller may raise in, and
 * the staff who may own it. Municipal staff raise for their own municipality only (its current region follows).
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, regionalIssues, regionMunicipalities, regions, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { visibleConsultation } from './evidence';
import { addEvent, checkedOwner, linkConsultation, nextNumber, type Who } from './issues';
import { type IssueArea, type IssuePolicy, placeWithin } from './policy';
import type { ZCreateIssueRequest } from './schemas';
import { requireUse } from './scope';
import { checkSource } from './sources';

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { issues: [{ path, message }] });
}

/** The regions of the prefecture within an area (a municipality's area: its current region). */
async function regionsWithin(db: DbOrTx, prefectureCode: string, area: IssueArea) {
  const rows = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.prefectureCode, prefectureCode))
    .orderBy(asc(regions.sortOrder), asc(regions.name));
  if (area.kind === 'prefecture') return rows;
  if (area.kind === 'regions') return rows.filter((r) => area.regionIds.includes(r.id));
  return [];
}

/** The current members of the prefecture's regions, with their region. */
async function members(db: DbOrTx, prefectureCode: string) {
  return db
    .select({ code: municipalities.code, name: municipalities.name, regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .innerJoin(municipalities, eq(municipalities.code, regionMunicipalities.municipalityCode))
    .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(eq(regions.prefectureCode, prefectureCode), isNull(regionMunicipalities.validTo)))
    .orderBy(asc(municipalities.code));
}

/** The form's choices. */
export async function issueOptions(db: DbOrTx, policy: IssuePolicy) {
  requireUse(policy, 'read');
  const pref = policy.prefectureCode!;
  const [regionRows, memberRows, owners] = await Promise.all([
    regionsWithin(db, pref, policy.raise),
    members(db, pref),
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(
        and(
          eq(users.prefectureCode, pref),
          inArray(users.role, ['centre_admin', 'centre_staff', 'regional_coordinator']),
          isNull(users.disabledAt),
        ),
      )
      .orderBy(asc(users.displayName)),
  ]);
  const municipalityRows = memberRows.filter((m) =>
    placeWithin(policy.raise, { regionId: m.regionId, municipalityCode: m.code }),
  );
  // Municipal staff raise in their municipality's region only.
  const regionIds = new Set(municipalityRows.map((m) => m.regionId));
  const allRegions =
    policy.raise.kind === 'municipality' ? await regionsWithin(db, pref, { kind: 'prefecture' }) : [];
  return {
    canRaise: policy.raise.kind !== 'none',
    canManage: policy.manage.kind !== 'none',
    prefectureSteps: policy.prefectureSteps,
    regions:
      policy.raise.kind === 'municipality' ? allRegions.filter((r) => regionIds.has(r.id)) : regionRows,
    municipalities: municipalityRows,
    owners: policy.manage.kind === 'none' ? [] : owners,
  };
}

/** Raises an issue in the caller's area; returns its id. */
export async function createIssue(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  body: z.infer<typeof ZCreateIssueRequest>,
) {
  requireUse(policy, 'raise');
  const pref = policy.prefectureCode!;
  let municipalityCode = body.municipalityCode ?? null;
  if (policy.raise.kind === 'municipality' && body.municipalityCode === undefined) {
    municipalityCode = policy.raise.municipalityCode;
  }
  let regionId = body.regionId ?? null;
  if (municipalityCode) {
    const [m] = await tx
      .select({ regionId: regionMunicipalities.regionId })
      .from(regionMunicipalities)
      .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
      .where(
        and(
          eq(regionMunicipalities.municipalityCode, municipalityCode),
          isNull(regionMunicipalities.validTo),
          eq(regions.prefectureCode, pref),
        ),
      );
    if (!m)
      invalid(
        'municipalityCode',
        '圏域に属する県内の市町村を選んでください / Choose a municipality of a region',
      );
    if (regionId && regionId !== m.regionId) {
      invalid('regionId', '市町村はこの圏域に属していません / The municipality is not in this region');
    }
    regionId = m.regionId;
  } else {
    if (!regionId) invalid('regionId', '圏域を選んでください / Choose a region');
    const [r] = await tx
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.id, regionId), eq(regions.prefectureCode, pref)));
    if (!r) invalid('regionId', '圏域が見つかりません / Unknown region');
  }
  if (!placeWithin(policy.raise, { regionId, municipalityCode })) throw new AppError('forbidden');
  if (body.source) await checkSource(tx, who.actor, body.source);
  const consultationIds = new Set(body.consultationIds ?? []);
  if (body.source?.kind === 'consultation') consultationIds.add(body.source.id);
  for (const id of consultationIds) await visibleConsultation(tx, who.actor, id);
  const owner = await checkedOwner(tx, pref, body.ownerUserId);
  const raisedOn = isoDateInJapan(who.at);
  const { nendo, serial } = await nextNumber(tx, pref, raisedOn);
  const [row] = await tx
    .insert(regionalIssues)
    .values({
      prefectureCode: pref,
      nendo,
      serial,
      title: body.title,
      description: body.description,
      regionId,
      municipalityCode,
      careItem: body.careItem ?? null,
      sourceKind: body.source?.kind ?? null,
      sourceId: body.source?.id ?? null,
      ownerUserId: owner,
      nextStep: body.nextStep || null,
      nextStepOn: body.nextStepOn ?? null,
      raisedBy: who.actor.userId,
      raisedOn,
      createdAt: who.at,
      updatedAt: who.at,
      updatedBy: who.actor.userId,
    })
    .returning();
  await addEvent(tx, who, row!.id, 'raised', { toLevel: 'region' });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'regional_issue',
    entityIds: [row!.id],
    detail: { event: 'created', source: body.source?.kind ?? null },
  });
  for (const id of consultationIds) await linkConsultation(tx, who, row!, id);
  return row!.id;
}
