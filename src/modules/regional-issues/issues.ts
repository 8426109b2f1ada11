/**
 * Regional issues: list, page, raise, change under optimistic locking, link and unlink evidence. Each change is
 * one transaction with its history entry and audit entry; a stale version answers 409 with the issue as it is
 * now. An issue outside the reader's area answers 404; one read but not editable, 403.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  developmentProjects,
  municipalities,
  regionalIssueConsultations,
  regionalIssueEvents,
  regionalIssues,
  regions,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { formatCaseNumber } from '../../shared/case-number';
import { daysBetween, isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import type { IssueEventKind, IssueLevel } from '../../shared/vocab/regional-issues';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { consultationCounts, issueEvidence } from './evidence';
import { levelAbove, levelBelow } from './flow';
import { type IssuePolicy, placeWithin } from './policy';
import type { ZIssueListQuery, ZUpdateIssueRequest } from './schemas';
import { issueScope, readableIssue, requireUse } from './scope';
import { sourceView } from './sources';

export type Who = { actor: Actor; meta: RequestMeta; at: Date };
export type Issue = typeof regionalIssues.$inferSelect;

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

const rowColumns = {
  i: regionalIssues,
  regionName: regions.name,
  municipalityName: municipalities.name,
  ownerName: users.displayName,
};

function listQuery(db: DbOrTx) {
  return db
    .select(rowColumns)
    .from(regionalIssues)
    .innerJoin(regions, eq(regions.id, regionalIssues.regionId))
    .leftJoin(municipalities, eq(municipalities.code, regionalIssues.municipalityCode))
    .leftJoin(users, eq(users.id, regionalIssues.ownerUserId));
}

type Row = { i: Issue; regionName: string; municipalityName: string | null; ownerName: string | null };

function rowView(r: Row, today: string, consultationCount: number) {
  const i = r.i;
  return {
    id: i.id,
    number: formatCaseNumber(i.nendo, i.serial),
    title: i.title,
    level: i.level,
    status: i.status,
    outcome: i.outcome,
    region: { id: i.regionId, name: r.regionName },
    municipality: i.municipalityCode ? { code: i.municipalityCode, name: r.municipalityName ?? '' } : null,
    careItem: i.careItem,
    raisedOn: i.raisedOn,
    ageDays: Math.max(0, daysBetween(i.raisedOn, i.closedOn ?? today)),
    owner: i.ownerUserId ? { id: i.ownerUserId, name: r.ownerName ?? '' } : null,
    nextStep: i.nextStep,
    nextStepOn: i.nextStepOn,
    consultationCount,
  };
}

/** The issues the caller reads: open first, the highest level and the oldest first within each. */
export async function listIssues(
  db: DbOrTx,
  actor: Actor,
  policy: IssuePolicy,
  query: z.infer<typeof ZIssueListQuery>,
  now: Date,
) {
  requireUse(policy, 'read');
  const conds: (SQL | undefined)[] = [issueScope(policy, 'read')];
  const fromSource = query.sourceKind && query.sourceId;
  const status = query.status ?? (fromSource ? 'all' : 'open');
  if (status !== 'all') conds.push(eq(regionalIssues.status, status));
  if (fromSource) {
    conds.push(
      eq(regionalIssues.sourceKind, query.sourceKind!),
      eq(regionalIssues.sourceId, query.sourceId!),
    );
  }
  if (query.level) conds.push(eq(regionalIssues.level, query.level));
  if (query.regionId) conds.push(eq(regionalIssues.regionId, query.regionId));
  if (query.municipalityCode) conds.push(eq(regionalIssues.municipalityCode, query.municipalityCode));
  if (query.mine === 'true') conds.push(eq(regionalIssues.ownerUserId, actor.userId));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(regionalIssues.title, like), ilike(regionalIssues.description, like)));
  }
  const rows = await listQuery(db)
    .where(and(...conds))
    .orderBy(
      sql`case ${regionalIssues.status} when 'open' then 0 else 1 end`,
      sql`case ${regionalIssues.level} when 'answered' then 0 when 'proposal' then 1
            when 'prefecture_council' then 2 else 3 end`,
      asc(regionalIssues.raisedOn),
    )
    .limit(500);
  const counts = await consultationCounts(
    db,
    rows.map((r) => r.i.id),
  );
  const today = isoDateInJapan(now);
  const items = rows.map((r) => rowView(r, today, counts.get(r.i.id) ?? 0));
  return { items, total: items.length };
}

/** What the caller may do to the issue now (the page's actions; each route checks again). */
export function issueRights(policy: IssuePolicy, i: Issue) {
  const place = { regionId: i.regionId, municipalityCode: i.municipalityCode };
  const open = i.status === 'open';
  const manage = placeWithin(policy.manage, place);
  const contribute = manage || (placeWithin(policy.raise, place) && i.level === 'region');
  return {
    edit: open && contribute,
    link: open && contribute,
    carryUp: open && levelAbove(i.level) !== null && (i.level === 'region' ? manage : policy.prefectureSteps),
    sendBack: open && levelBelow(i.level) !== null && policy.prefectureSteps,
    answer: open && i.level === 'proposal' && policy.prefectureSteps,
    close: open && manage,
    reopen: !open && manage,
    startProject: open && manage,
  };
}

/** An issue with its evidence, history and projects; the read is audited. */
export async function issueView(db: DbOrTx, who: Who, policy: IssuePolicy, id: string, audit = true) {
  const i = await readableIssue(db, policy, id);
  const [row] = await listQuery(db).where(eq(regionalIssues.id, i.id));
  const raiser = alias(users, 'raiser');
  const [[raisedBy], history, projects, counts] = await Promise.all([
    db.select({ name: raiser.displayName }).from(raiser).where(eq(raiser.id, i.raisedBy)),
    db
      .select({ e: regionalIssueEvents, by: users.displayName })
      .from(regionalIssueEvents)
      .innerJoin(users, eq(users.id, regionalIssueEvents.byUserId))
      .where(eq(regionalIssueEvents.issueId, i.id))
      .orderBy(desc(regionalIssueEvents.at), desc(regionalIssueEvents.seq)),
    db
      .select({
        id: developmentProjects.id,
        title: developmentProjects.title,
        stage: developmentProjects.stage,
        status: developmentProjects.status,
      })
      .from(developmentProjects)
      .where(eq(developmentProjects.issueId, i.id))
      .orderBy(asc(developmentProjects.createdAt)),
    consultationCounts(db, [i.id]),
  ]);
  const today = isoDateInJapan(who.at);
  const evidence = await issueEvidence(db, who.actor, i, who.at, row!.regionName);
  const view = {
    ...rowView(row!, today, counts.get(i.id) ?? 0),
    description: i.description,
    source: await sourceView(db, who.actor, i),
    councilOn: i.councilOn,
    proposalText: i.proposalText,
    proposedOn: i.proposedOn,
    answerText: i.answerText,
    answeredOn: i.answeredOn,
    closedOn: i.closedOn,
    raisedBy: raisedBy?.name ?? '',
    version: i.version,
    evidence,
    history: history.map((h) => ({
      id: h.e.id,
      at: h.e.at.toISOString(),
      by: h.by,
      byRole: h.e.byRole,
      kind: h.e.kind,
      fromLevel: h.e.fromLevel,
      toLevel: h.e.toLevel,
      note: h.e.note,
    })),
    projects,
    allowed: issueRights(policy, i),
  };
  if (audit) {
    await recordAudit(db, who, {
      action: 'read',
      entityType: 'regional_issue',
      entityIds: [i.id],
      detail: { consultations: evidence.consultations.map((c) => c.id) },
    });
  }
  return view;
}

/** Appends an entry to the issue's history (in the changing transaction). */
export async function addEvent(
  tx: DbOrTx,
  who: Who,
  issueId: string,
  kind: IssueEventKind,
  more: {
    fromLevel?: IssueLevel | null;
    toLevel?: IssueLevel | null;
    note?: string | null;
    refId?: string;
  } = {},
) {
  await tx.insert(regionalIssueEvents).values({
    issueId,
    at: who.at,
    byUserId: who.actor.userId,
    byRole: who.actor.role,
    kind,
    fromLevel: more.fromLevel ?? null,
    toLevel: more.toLevel ?? null,
    note: more.note ?? null,
    refId: more.refId ?? null,
  });
}

/** The issue, locked, if the caller may edit it (open; 403 when read but not editable). */
export async function editableIssue(tx: DbOrTx, policy: IssuePolicy, id: string): Promise<Issue> {
  const i = await readableIssue(tx, policy, id, { forUpdate: true });
  if (!issueRights(policy, i).edit) {
    if (i.status === 'closed' && issueRights(policy, { ...i, status: 'open' }).edit) {
      throw new AppError('issue_closed');
    }
    throw new AppError('forbidden');
  }
  return i;
}

/** Writes the change if the version is current; otherwise 409 with the issue as it is now. */
export async function bumpIssue(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  i: Issue,
  version: number,
  set: Partial<Issue>,
) {
  const [done] = await tx
    .update(regionalIssues)
    .set({
      ...set,
      updatedAt: who.at,
      updatedBy: who.actor.userId,
      version: sql`${regionalIssues.version} + 1`,
    })
    .where(and(eq(regionalIssues.id, i.id), eq(regionalIssues.version, version)))
    .returning({ id: regionalIssues.id });
  if (!done) {
    const current = await issueView(tx, who, policy, i.id, false);
    throw new AppError('conflict', { detail: { current } });
  }
}

/** A staff user of the prefecture who may own an issue or project (400 otherwise). */
export async function checkedOwner(db: DbOrTx, prefectureCode: string, userId: string | null | undefined) {
  if (!userId) return null;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.prefectureCode, prefectureCode),
        inArray(users.role, ['centre_admin', 'centre_staff', 'regional_coordinator', 'municipal_staff']),
      ),
    );
  if (!u) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'ownerUserId', message: '担当者が見つかりません / Unknown owner' }],
    });
  }
  return u.id;
}

/** Changes an issue's details; 409 with the current issue when stale. */
export async function updateIssue(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: z.infer<typeof ZUpdateIssueRequest>,
) {
  const i = await editableIssue(tx, policy, id);
  const set: Partial<Issue> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.description !== undefined) set.description = body.description;
  if (body.careItem !== undefined) set.careItem = body.careItem;
  if (body.nextStep !== undefined) set.nextStep = body.nextStep || null;
  if (body.nextStepOn !== undefined) set.nextStepOn = body.nextStepOn;
  if (body.ownerUserId !== undefined)
    set.ownerUserId = await checkedOwner(tx, i.prefectureCode, body.ownerUserId);
  await bumpIssue(tx, who, policy, i, body.version, set);
  const fields = Object.keys(set);
  await addEvent(tx, who, i.id, 'edited', { note: fields.join(',') });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'regional_issue',
    entityIds: [i.id],
    detail: { event: 'updated', fields },
  });
}

/** Adds a consultation the caller sees to the issue's evidence (already linked: nothing changes). */
export async function linkConsultation(tx: DbOrTx, who: Who, issue: Issue, consultationId: string) {
  const inserted = await tx
    .insert(regionalIssueConsultations)
    .values({ issueId: issue.id, consultationId, linkedBy: who.actor.userId, linkedAt: who.at })
    .onConflictDoNothing()
    .returning({ id: regionalIssueConsultations.consultationId });
  if (!inserted.length) return;
  await addEvent(tx, who, issue.id, 'consultation_linked', { refId: consultationId });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'regional_issue',
    entityIds: [issue.id, consultationId],
    detail: { event: 'links', consultation: consultationId },
  });
}

/** Removes a consultation from the evidence (404 when it is not linked or the caller cannot see it). */
export async function unlinkConsultation(tx: DbOrTx, who: Who, issue: Issue, consultationId: string) {
  const removed = await tx
    .delete(regionalIssueConsultations)
    .where(
      and(
        eq(regionalIssueConsultations.issueId, issue.id),
        eq(regionalIssueConsultations.consultationId, consultationId),
      ),
    )
    .returning({ id: regionalIssueConsultations.consultationId });
  if (!removed.length) throw new AppError('not_found');
  await addEvent(tx, who, issue.id, 'consultation_unlinked', { refId: consultationId });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'regional_issue',
    entityIds: [issue.id, consultationId],
    detail: { event: 'deleted', consultation: consultationId },
  });
}

/** The next number of an issue raised on `raisedOn` (serialised per prefecture and 年度 by an advisory lock). */
export async function nextNumber(tx: DbOrTx, prefectureCode: string, raisedOn: string) {
  const nendo = nendoOf(raisedOn);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`regional_issue:${prefectureCode}:${nendo}`}))`,
  );
  const [r] = await tx
    .select({ max: sql<number | null>`max(${regionalIssues.serial})` })
    .from(regionalIssues)
    .where(and(eq(regionalIssues.prefectureCode, prefectureCode), eq(regionalIssues.nendo, nendo)));
  return { nendo, serial: Number(r?.max ?? 0) + 1 };
}
