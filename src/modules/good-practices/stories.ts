/**
 * Stories: the list and search, one story's page, writing and editing. Every read goes through `storyScope`
 * (scope.ts); a write is one transaction with its audit entry under the story's version. Editing a checked or
 * published story returns it to draft: what was checked is no longer what is shown.
 */
import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  goodPractices,
  municipalities,
  organisations,
  people,
  regionMunicipalities,
  regions,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { renderMarkdown } from '../../shared/markdown';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { searchTextOf } from '../consultations/policy';
import { checkPersonalData } from './personal-data';
import { placeWithin, type StoryPolicy, storyActions } from './policy';
import type { ZCreateStoryRequest, ZStoryListQuery, ZUpdateStoryRequest } from './schemas';
import { readableStory, requireStories, type StoryRow, storyScope, writableStory } from './scope';
import { sourceView, unsafeKnownPersonalData, visibleSource } from './sources';

export type Who = { actor: Actor; meta: RequestMeta | null; at: Date };

const solverMunicipalities = alias(municipalities, 'solver_municipality');

/** The columns of a list row. */
const rowColumns = {
  id: goodPractices.id,
  title: goodPractices.title,
  summary: goodPractices.summary,
  status: goodPractices.status,
  topics: goodPractices.topics,
  lifeElements: goodPractices.lifeElements,
  requests: goodPractices.requests,
  municipalActions: goodPractices.municipalActions,
  lifeStages: goodPractices.lifeStages,
  careItems: goodPractices.careItems,
  regionId: goodPractices.regionId,
  regionName: regions.name,
  municipalityCode: goodPractices.municipalityCode,
  municipalityName: municipalities.name,
  solverMunicipalityName: solverMunicipalities.name,
  solverOrganisationName: organisations.name,
  solverText: goodPractices.solverText,
  solvedOn: goodPractices.solvedOn,
  publishedAt: goodPractices.publishedAt,
  updatedAt: goodPractices.updatedAt,
  contactPersonId: goodPractices.contactPersonId,
};

type RowOut = { [K in keyof typeof rowColumns]: (typeof rowColumns)[K]['_']['data'] | null };

export function listBase(db: DbOrTx, extra: Record<string, unknown> = {}) {
  return db
    .select({ ...rowColumns, ...(extra as object) })
    .from(goodPractices)
    .innerJoin(regions, eq(regions.id, goodPractices.regionId))
    .leftJoin(municipalities, eq(municipalities.code, goodPractices.municipalityCode))
    .leftJoin(solverMunicipalities, eq(solverMunicipalities.code, goodPractices.solverMunicipalityCode))
    .leftJoin(organisations, eq(organisations.id, goodPractices.solverOrganisationId));
}

/** "Who solved it" in one line: the organisation, the municipality and the words, as given. */
export function solverLine(
  r: Pick<RowOut, 'solverOrganisationName' | 'solverMunicipalityName' | 'solverText'>,
) {
  return [r.solverMunicipalityName, r.solverOrganisationName, r.solverText].filter(Boolean).join('・');
}

export function rowView(r: RowOut) {
  return {
    id: r.id!,
    title: r.title!,
    summary: r.summary!,
    status: r.status!,
    topics: r.topics ?? [],
    lifeElements: r.lifeElements ?? [],
    requests: r.requests ?? [],
    municipalActions: r.municipalActions ?? [],
    lifeStages: r.lifeStages ?? [],
    careItems: r.careItems ?? [],
    region: { id: r.regionId!, name: r.regionName! },
    municipality: r.municipalityCode ? { code: r.municipalityCode, name: r.municipalityName ?? '' } : null,
    solver: solverLine(r),
    solvedOn: r.solvedOn ?? null,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    updatedAt: r.updatedAt!.toISOString(),
    hasContact: !!r.contactPersonId,
  };
}

/** The array column holds the code. */
function hasTag(column: AnyPgColumn, code: string): SQL {
  return sql`${column} @> array[${code}]::text[]`;
}

/** A search term for ILIKE: normalised like `search_text`, with LIKE's own characters escaped. */
function likeTerm(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The prefecture's published stories and the area's drafts, filtered; ranked by the search words when given. */
export async function listStories(
  db: DbOrTx,
  who: Who,
  policy: StoryPolicy,
  q: z.infer<typeof ZStoryListQuery>,
) {
  requireStories(policy, 'read');
  const conds: (SQL | undefined)[] = [storyScope(policy, 'read')];
  const status = q.status ?? 'all';
  if (status !== 'all') conds.push(eq(goodPractices.status, status));
  if (q.topic) conds.push(hasTag(goodPractices.topics, q.topic));
  if (q.lifeElement) conds.push(hasTag(goodPractices.lifeElements, q.lifeElement));
  if (q.request) conds.push(hasTag(goodPractices.requests, q.request));
  if (q.careItem) conds.push(hasTag(goodPractices.careItems, q.careItem));
  if (q.lifeStage) conds.push(hasTag(goodPractices.lifeStages, q.lifeStage));
  if (q.regionId) conds.push(eq(goodPractices.regionId, q.regionId));
  if (q.municipalityCode) conds.push(eq(goodPractices.municipalityCode, q.municipalityCode));
  const text = q.q ? searchTextOf(q.q) : '';
  const terms = text.split(' ').filter(Boolean).slice(0, 8);
  // Every word must occur (the trigram index serves ILIKE); the closest matches come first.
  for (const t of terms) conds.push(sql`${goodPractices.searchText} ilike ${likeTerm(t)}`);
  const rank = terms.length ? [desc(sql`word_similarity(${text}, ${goodPractices.searchText})`)] : [];
  const rows = await listBase(db)
    .where(and(...conds))
    .orderBy(
      ...rank,
      sql`${goodPractices.status} = 'published'`,
      desc(sql`coalesce(${goodPractices.publishedAt}, ${goodPractices.updatedAt})`),
    )
    .limit(200);
  const items = rows.map((r) => rowView(r as RowOut));
  await recordAudit(db, who, {
    action: 'search',
    entityType: 'good_practice',
    entityIds: items.map((i) => i.id),
  });
  return { items, total: items.length };
}

/** One story as the reader may see it, with the check's findings for those who may change it. */
export async function storyView(db: DbOrTx, who: Who, policy: StoryPolicy, id: string, today: string) {
  const story = await readableStory(db, policy, id);
  const [row] = await listBase(db).where(eq(goodPractices.id, story.id));
  const names = await userNames(db, [story.authorId, story.updatedBy, story.checkedBy, story.publishedBy]);
  const actions = storyActions(policy, story);
  const contact = story.contactPersonId ? await contactOf(db, story) : null;
  const writer = actions.edit;
  const flags = writer ? await flagsOf(db, story) : [];
  const view = {
    ...rowView(row as RowOut),
    body: story.body,
    bodyHtml: renderMarkdown(story.body),
    solverMunicipality: story.solverMunicipalityCode
      ? { code: story.solverMunicipalityCode, name: row?.solverMunicipalityName ?? '' }
      : null,
    solverOrganisation: story.solverOrganisationId
      ? { id: story.solverOrganisationId, name: row?.solverOrganisationName ?? '' }
      : null,
    solverText: story.solverText,
    contact,
    source: await sourceView(
      db,
      who.actor,
      story.sourceKind && story.sourceId ? { kind: story.sourceKind, id: story.sourceId } : null,
      today,
    ),
    author: names.get(story.authorId) ?? '',
    updatedBy: names.get(story.updatedBy) ?? '',
    checkedBy: story.checkedBy ? (names.get(story.checkedBy) ?? '') : null,
    checkedAt: story.checkedAt?.toISOString() ?? null,
    confirmations: story.checkConfirmations,
    publishedBy: story.publishedBy ? (names.get(story.publishedBy) ?? '') : null,
    createdAt: story.createdAt.toISOString(),
    version: story.version,
    flags: flags.map((f) => ({
      kind: f.kind,
      text: f.text,
      key: f.key,
      blocking: f.blocking,
      acknowledged: story.acknowledgedFlags.includes(f.key),
    })),
    actions,
    publicConsent:
      story.publicConsentOn && story.publicConsentBy && story.publicConsentMethod
        ? {
            by: story.publicConsentBy,
            on: story.publicConsentOn,
            method: story.publicConsentMethod,
            recordedBy: story.publicConsentRecordedBy
              ? ((await userNames(db, [story.publicConsentRecordedBy])).get(story.publicConsentRecordedBy) ??
                '')
              : null,
            recordedAt: story.publicConsentRecordedAt?.toISOString() ?? null,
          }
        : null,
    publicOfferedAt: story.publicOfferedAt?.toISOString() ?? null,
  };
  await recordAudit(db, who, { action: 'read', entityType: 'good_practice', entityIds: [story.id] });
  return view;
}

/** The personal-data check's findings over a story's title, summary and body. */
export async function flagsOf(db: DbOrTx, story: StoryRow) {
  const known = await unsafeKnownPersonalData(
    db,
    story.sourceKind && story.sourceId ? { kind: story.sourceKind, id: story.sourceId } : null,
  );
  return checkPersonalData(`${story.title}\n${story.summary}\n${story.body}`, known);
}

async function userNames(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const rows = wanted.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted))
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function contactOf(db: DbOrTx, story: StoryRow) {
  const [p] = await db
    .select({
      id: people.id,
      family: people.familyName,
      given: people.givenName,
      profession: people.profession,
      organisation: organisations.name,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, story.contactPersonId!));
  if (!p) return null;
  return {
    personId: p.id,
    name: `${p.family} ${p.given}`,
    organisation: p.organisation,
    profession: p.profession,
    consentOn: story.contactConsentOn!,
    note: story.contactNote,
  };
}

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
