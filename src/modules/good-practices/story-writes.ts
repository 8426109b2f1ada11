/**
 * Writing and editing stories: the fields checked against the prefecture and the writer's area, a new draft,
 * and a change under the story's version. Each write is one transaction with its audit entry; editing a checked
 * or published story returns it to draft, since what was checked is no longer what is shown.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  goodPractices,
  municipalities,
  organisations,
  people,
  regionMunicipalities,
  regions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { searchTextOf } from '../consultations/policy';
import { placeWithin, type StoryPolicy } from './policy';
import type { ZCreateStoryRequest, ZUpdateStoryRequest } from './schemas';
import { requireStories, writableStory } from './scope';
import { visibleSource } from './sources';
import type { Who } from './stories';

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { issues: [{ path, message }] });
}

type Fields = z.infer<typeof ZUpdateStoryRequest> | z.infer<typeof ZCreateStoryRequest>;

/** Checks the place, who solved it and the contact against the prefecture and the writer's area. */
async function checkedFields(tx: DbOrTx, policy: StoryPolicy, b: Fields, today: string) {
  const pref = policy.prefectureCode!;
  const [region] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.id, b.regionId), eq(regions.prefectureCode, pref)));
  if (!region) invalid('regionId', '県内の圏域を選んでください / Choose a region of the prefecture');
  if (b.municipalityCode) {
    const [m] = await tx
      .select({ code: regionMunicipalities.municipalityCode })
      .from(regionMunicipalities)
      .where(
        and(
          eq(regionMunicipalities.regionId, b.regionId),
          eq(regionMunicipalities.municipalityCode, b.municipalityCode),
          sql`${regionMunicipalities.validTo} is null`,
        ),
      );
    if (!m)
      invalid('municipalityCode', 'この圏域の市町村を選んでください / Choose a municipality of the region');
  }
  if (!placeWithin(policy.area, { regionId: b.regionId, municipalityCode: b.municipalityCode })) {
    invalid(
      'municipalityCode',
      'ご自身の担当地域の事例として書いてください / Write the story for your own area',
    );
  }
  if (!b.solverMunicipalityCode && !b.solverOrganisationId && !b.solverText) {
    invalid('solverText', '解決した市町村・機関のどれかを入力してください / Name who solved it');
  }
  if (b.solverMunicipalityCode) {
    const [m] = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(and(eq(municipalities.code, b.solverMunicipalityCode), eq(municipalities.prefectureCode, pref)));
    if (!m)
      invalid(
        'solverMunicipalityCode',
        '県内の市町村を選んでください / Choose a municipality of the prefecture',
      );
  }
  if (b.solverOrganisationId) {
    const [o] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, b.solverOrganisationId), eq(organisations.prefectureCode, pref)));
    if (!o)
      invalid(
        'solverOrganisationId',
        '県内の関係機関を選んでください / Choose an organisation of the prefecture',
      );
  }
  if (b.contactPersonId) {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, b.contactPersonId), eq(people.prefectureCode, pref)));
    if (!p)
      invalid(
        'contactPersonId',
        '県内の支援者を選んでください / Choose a person of the prefecture’s network',
      );
    if (!b.contactConsentOn) {
      invalid(
        'contactConsentOn',
        'つなぐことへの本人の同意日を入力してください / Enter the day the person agreed',
      );
    }
    if (b.contactConsentOn > today) invalid('contactConsentOn', '未来の日付です / The day is in the future');
  }
  return {
    title: b.title,
    summary: b.summary,
    body: b.body,
    topics: b.topics,
    lifeElements: b.lifeElements,
    requests: b.requests,
    municipalActions: b.municipalActions,
    lifeStages: b.lifeStages,
    careItems: b.careItems,
    regionId: b.regionId,
    municipalityCode: b.municipalityCode,
    solverMunicipalityCode: b.solverMunicipalityCode,
    solverOrganisationId: b.solverOrganisationId,
    solverText: b.solverText || null,
    contactPersonId: b.contactPersonId,
    contactConsentOn: b.contactPersonId ? b.contactConsentOn : null,
    contactNote: b.contactPersonId ? b.contactNote || null : null,
    solvedOn: b.solvedOn,
    searchText: searchTextOf([b.title, b.summary, b.body, b.solverText ?? ''].join(' ')),
  };
}

/** Writes a new draft in the writer's area; returns its id. */
export async function createStory(
  tx: DbOrTx,
  who: Who,
  policy: StoryPolicy,
  b: z.infer<typeof ZCreateStoryRequest>,
) {
  requireStories(policy, 'write');
  const today = isoDateInJapan(who.at);
  const fields = await checkedFields(tx, policy, b, today);
  if (b.source) await visibleSource(tx, who.actor, b.source, today);
  const [row] = await tx
    .insert(goodPractices)
    .values({
      ...fields,
      prefectureCode: policy.prefectureCode!,
      sourceKind: b.source?.kind ?? null,
      sourceId: b.source?.id ?? null,
      authorId: who.actor.userId,
      updatedBy: who.actor.userId,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: goodPractices.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'good_practice',
    entityIds: [row!.id],
    detail: { event: 'created' },
  });
  return row!.id;
}

/** Off the public site. */
export const NOT_PUBLIC = { publicOfferedBy: null, publicOfferedAt: null } as const;

/** Changes a story; a checked or published one returns to draft (its check no longer holds). */
export async function updateStory(
  tx: DbOrTx,
  who: Who,
  policy: StoryPolicy,
  id: string,
  b: z.infer<typeof ZUpdateStoryRequest>,
) {
  const before = await writableStory(tx, policy, id);
  const fields = await checkedFields(tx, policy, b, isoDateInJapan(who.at));
  const updated = await tx
    .update(goodPractices)
    .set({
      ...fields,
      status: 'draft',
      checkedBy: null,
      checkedAt: null,
      checkConfirmations: [],
      acknowledgedFlags: [],
      publishedBy: null,
      publishedAt: null,
      // The consent to publication was given for the text as it was; a changed story asks again.
      ...NOT_PUBLIC,
      publicConsentBy: null,
      publicConsentOn: null,
      publicConsentMethod: null,
      publicConsentRecordedBy: null,
      publicConsentRecordedAt: null,
      updatedBy: who.actor.userId,
      updatedAt: who.at,
      version: sql`${goodPractices.version} + 1`,
    })
    .where(and(eq(goodPractices.id, before.id), eq(goodPractices.version, b.version)))
    .returning({ id: goodPractices.id });
  if (updated.length === 0)
    throw new AppError('conflict', { detail: { current: { version: before.version } } });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'good_practice',
    entityIds: [before.id],
    detail: { event: 'edit', version: b.version + 1 },
  });
}
