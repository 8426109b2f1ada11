/**
 * Stories read: the list and search, one story's page with the personal-data check's findings for those who may
 * change it. Every read goes through `storyScope` (scope.ts) and is audited; the writes are in story-writes.ts.
 */
import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { goodPractices, municipalities, organisations, people, regions, users } from '../../db/schema';
import { renderMarkdown } from '../../shared/markdown';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { searchTextOf } from '../consultations/policy';
import { checkPersonalData } from './personal-data';
import { type StoryPolicy, storyActions } from './policy';
import type { ZStoryListQuery } from './schemas';
import { readableStory, requireStories, type StoryRow, storyScope } from './scope';
import { sourceView, unsafeKnownPersonalData } from './sources';

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
