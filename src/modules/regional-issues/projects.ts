/**
 * Resource-development projects (社会資源の開発, KA-3, KA-4): list, page, start (on its own or from an issue,
 * which then ends in development), change under optimistic locking (stages and their dates, the operator, the
 * directory listing once open), stop and resume, and the openings per 年度. Each change is one transaction with
 * its audit entry; a project outside the reader's area answers 404, one read but not kept, 403.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  developmentProjects,
  municipalities,
  organisations,
  regionalIssues,
  regionMunicipalities,
  regions,
  resourceOrganizations,
  resourceServices,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { formatCaseNumber } from '../../shared/case-number';
import { daysBetween, isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { addEvent, bumpIssue, checkedOwner, escapeLike, issueRights, type Who } from './issues';
import { type IssuePolicy, placeWithin } from './policy';
import { STAGE_DATE_FIELD, type StageDates, stageDatesProblem } from './project-rules';
import type { ZCreateProjectRequest, ZProjectListQuery, ZUpdateProjectRequest } from './schemas-projects';
import { issueScope, projectScope, readableIssue, readableProject, requireUse } from './scope';

type Project = typeof developmentProjects.$inferSelect;

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { issues: [{ path, message }] });
}

function listQuery(db: DbOrTx) {
  return db
    .select({
      p: developmentProjects,
      regionName: regions.name,
      municipalityName: municipalities.name,
      ownerName: users.displayName,
      organisationName: organisations.name,
      listingName: resourceServices.name,
      listingOrganization: resourceOrganizations.name,
    })
    .from(developmentProjects)
    .innerJoin(regions, eq(regions.id, developmentProjects.regionId))
    .leftJoin(municipalities, eq(municipalities.code, developmentProjects.municipalityCode))
    .leftJoin(users, eq(users.id, developmentProjects.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, developmentProjects.operatorOrganisationId))
    .leftJoin(resourceServices, eq(resourceServices.id, developmentProjects.resourceServiceId))
    .leftJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId));
}

type Row = Awaited<ReturnType<ReturnType<typeof listQuery>['where']>>[number];

function rowView(r: Row, today: string) {
  const p = r.p;
  const stageOn = p[STAGE_DATE_FIELD[p.stage]];
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    stage: p.stage,
    status: p.status,
    region: { id: p.regionId, name: r.regionName },
    municipality: p.municipalityCode ? { code: p.municipalityCode, name: r.municipalityName ?? '' } : null,
    operator: r.organisationName ?? p.operatorName,
    places: p.places,
    stageOn,
    openedOn: p.openedOn,
    ageDays: Math.max(0, daysBetween(p.advisedOn ?? isoDateInJapan(p.createdAt), p.openedOn ?? today)),
    owner: p.ownerUserId ? { id: p.ownerUserId, name: r.ownerName ?? '' } : null,
    nextStep: p.nextStep,
    nextStepOn: p.nextStepOn,
    listing:
      p.resourceServiceId && r.listingName
        ? { id: p.resourceServiceId, name: r.listingName, organizationName: r.listingOrganization ?? '' }
        : null,
  };
}

/** The projects the caller reads: active first, the latest stage first, then by title. */
export async function listProjects(
  db: DbOrTx,
  policy: IssuePolicy,
  query: z.infer<typeof ZProjectListQuery>,
  now: Date,
) {
  requireUse(policy, 'read');
  const conds: (SQL | undefined)[] = [projectScope(policy, 'read')];
  const status = query.status ?? 'active';
  if (status !== 'all') conds.push(eq(developmentProjects.status, status));
  if (query.kind) conds.push(eq(developmentProjects.kind, query.kind));
  if (query.stage) conds.push(eq(developmentProjects.stage, query.stage));
  if (query.regionId) conds.push(eq(developmentProjects.regionId, query.regionId));
  if (query.q) conds.push(ilike(developmentProjects.title, `%${escapeLike(query.q)}%`));
  const rows = await listQuery(db)
    .where(and(...conds))
    .orderBy(
      asc(developmentProjects.status),
      sql`case ${developmentProjects.stage} when 'opened' then 3 when 'designated' then 2
            when 'paperwork' then 1 else 0 end`,
      asc(developmentProjects.title),
    )
    .limit(500);
  const today = isoDateInJapan(now);
  const items = rows.map((r) => rowView(r, today));
  return { items, total: items.length };
}

/** A project with its stages, operator, listing and the issue it came from (named when the reader sees it). */
export async function projectView(db: DbOrTx, who: Who, policy: IssuePolicy, id: string) {
  const p = await readableProject(db, policy, id);
  const [row] = await listQuery(db).where(eq(developmentProjects.id, p.id));
  const [issue] = p.issueId
    ? await db
        .select({
          id: regionalIssues.id,
          nendo: regionalIssues.nendo,
          serial: regionalIssues.serial,
          title: regionalIssues.title,
        })
        .from(regionalIssues)
        .where(and(eq(regionalIssues.id, p.issueId), issueScope(policy, 'read')))
    : [];
  return {
    ...rowView(row!, isoDateInJapan(who.at)),
    operatorOrganisationId: p.operatorOrganisationId,
    operatorName: p.operatorName,
    advisedOn: p.advisedOn,
    paperworkOn: p.paperworkOn,
    designatedOn: p.designatedOn,
    stoppedOn: p.stoppedOn,
    note: p.note,
    issue: issue
      ? { id: issue.id, number: formatCaseNumber(issue.nendo, issue.serial), title: issue.title }
      : null,
    version: p.version,
    canManage: placeWithin(policy.manage, p),
  };
}

async function checkedOperator(db: DbOrTx, prefectureCode: string, id: string | null | undefined) {
  if (!id) return null;
  const [o] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.prefectureCode, prefectureCode)));
  if (!o) invalid('operatorOrganisationId', '事業者が見つかりません / Unknown operator');
  return o.id;
}

async function checkedListing(db: DbOrTx, prefectureCode: string, id: string | null | undefined) {
  if (!id) return null;
  const [s] = await db
    .select({ id: resourceServices.id })
    .from(resourceServices)
    .where(and(eq(resourceServices.id, id), eq(resourceServices.prefectureCode, prefectureCode)));
  if (!s) invalid('resourceServiceId', '社会資源の掲載が見つかりません / Unknown directory listing');
  return s.id;
}

function checkStage(p: Pick<Project, 'stage'> & StageDates, listing: string | null) {
  const problem = stageDatesProblem(p.stage, p);
  if (problem) throw new AppError('project_stage_dates', { issues: [{ path: problem, message: 'stage' }] });
  if (listing && p.stage !== 'opened') {
    invalid('resourceServiceId', '掲載は開設後に結び付けます / Link the listing once the project has opened');
  }
}

/** Where a new project lies: its municipality's region, or the region named (within the caller's area). */
async function checkedPlace(
  tx: DbOrTx,
  policy: IssuePolicy,
  regionId: string | null | undefined,
  municipalityCode: string | null | undefined,
) {
  const pref = policy.prefectureCode!;
  let region = regionId ?? null;
  if (municipalityCode) {
    const [m] = await tx
      .select({ regionId: regionMunicipalities.regionId })
      .from(regionMunicipalities)
      .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
      .where(
        and(
          eq(regionMunicipalities.municipalityCode, municipalityCode),
          sql`${regionMunicipalities.validTo} is null`,
          eq(regions.prefectureCode, pref),
        ),
      );
    if (!m)
      invalid(
        'municipalityCode',
        '圏域に属する県内の市町村を選んでください / Choose a municipality of a region',
      );
    region = m.regionId;
  } else {
    if (!region) invalid('regionId', '圏域を選んでください / Choose a region');
    const [r] = await tx
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.id, region), eq(regions.prefectureCode, pref)));
    if (!r) invalid('regionId', '圏域が見つかりません / Unknown region');
  }
  const place = { regionId: region, municipalityCode: municipalityCode ?? null };
  if (!placeWithin(policy.manage, place)) throw new AppError('forbidden');
  return place;
}

/** Starts a project; from an issue, the issue ends with the outcome 「社会資源の開発へ」. Returns its id. */
export async function createProject(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  body: z.infer<typeof ZCreateProjectRequest>,
) {
  requireUse(policy, 'manage');
  const pref = policy.prefectureCode!;
  const issue = body.issueId ? await readableIssue(tx, policy, body.issueId, { forUpdate: true }) : null;
  if (issue && !issueRights(policy, issue).startProject) {
    throw new AppError(issue.status === 'closed' ? 'issue_closed' : 'forbidden');
  }
  const place = issue
    ? { regionId: issue.regionId, municipalityCode: issue.municipalityCode }
    : await checkedPlace(tx, policy, body.regionId, body.municipalityCode);
  const dates: StageDates = {
    advisedOn: body.advisedOn ?? null,
    paperworkOn: body.paperworkOn ?? null,
    designatedOn: body.designatedOn ?? null,
    openedOn: body.openedOn ?? null,
  };
  checkStage({ stage: body.stage, ...dates }, null);
  const [row] = await tx
    .insert(developmentProjects)
    .values({
      prefectureCode: pref,
      kind: body.kind,
      title: body.title,
      ...place,
      operatorOrganisationId: await checkedOperator(tx, pref, body.operatorOrganisationId),
      operatorName: body.operatorName || null,
      stage: body.stage,
      ...dates,
      places: body.places ?? null,
      issueId: issue?.id ?? null,
      note: body.note || null,
      nextStep: body.nextStep || null,
      nextStepOn: body.nextStepOn ?? null,
      ownerUserId: await checkedOwner(tx, pref, body.ownerUserId),
      createdBy: who.actor.userId,
      createdAt: who.at,
      updatedAt: who.at,
      updatedBy: who.actor.userId,
    })
    .returning({ id: developmentProjects.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'development_project',
    entityIds: issue ? [row!.id, issue.id] : [row!.id],
    detail: { event: 'created', kind: body.kind },
  });
  if (issue) {
    await bumpIssue(tx, who, policy, issue, issue.version, {
      status: 'closed',
      outcome: 'development',
      closedOn: isoDateInJapan(who.at),
    });
    await addEvent(tx, who, issue.id, 'project_started', {
      fromLevel: issue.level,
      refId: row!.id,
      note: body.title,
    });
  }
  return row!.id;
}

/** The project, locked, if the caller keeps it (403 when read but not kept; 409 when stopped). */
async function keptProject(tx: DbOrTx, policy: IssuePolicy, id: string, allowStopped = false) {
  requireUse(policy, 'manage');
  const p = await readableProject(tx, policy, id, { forUpdate: true });
  if (!placeWithin(policy.manage, p)) throw new AppError('forbidden');
  if (p.status === 'stopped' && !allowStopped) throw new AppError('project_stopped');
  return p;
}

async function bumpProject(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  p: Project,
  version: number,
  set: Partial<Project>,
) {
  const [done] = await tx
    .update(developmentProjects)
    .set({
      ...set,
      updatedAt: who.at,
      updatedBy: who.actor.userId,
      version: sql`${developmentProjects.version} + 1`,
    })
    .where(and(eq(developmentProjects.id, p.id), eq(developmentProjects.version, version)))
    .returning({ id: developmentProjects.id });
  if (!done) {
    const current = await projectView(tx, who, policy, p.id);
    throw new AppError('conflict', { detail: { current } });
  }
}

/** Changes a project (stages and dates, operator, listing, next step); 409 with the current one when stale. */
export async function updateProject(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: z.infer<typeof ZUpdateProjectRequest>,
) {
  const p = await keptProject(tx, policy, id);
  const pref = p.prefectureCode;
  const set: Partial<Project> = {};
  for (const k of [
    'title',
    'kind',
    'stage',
    'advisedOn',
    'paperworkOn',
    'designatedOn',
    'openedOn',
    'places',
    'nextStepOn',
  ] as const) {
    if (body[k] !== undefined) (set as Record<string, unknown>)[k] = body[k];
  }
  for (const k of ['operatorName', 'note', 'nextStep'] as const) {
    if (body[k] !== undefined) set[k] = body[k] || null;
  }
  if (body.operatorOrganisationId !== undefined) {
    set.operatorOrganisationId = await checkedOperator(tx, pref, body.operatorOrganisationId);
  }
  if (body.ownerUserId !== undefined) set.ownerUserId = await checkedOwner(tx, pref, body.ownerUserId);
  if (body.resourceServiceId !== undefined)
    set.resourceServiceId = await checkedListing(tx, pref, body.resourceServiceId);
  const next = { ...p, ...set };
  checkStage(next, next.resourceServiceId);
  await bumpProject(tx, who, policy, p, body.version, set);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'development_project',
    entityIds: [p.id],
    detail: { event: 'updated', fields: Object.keys(set), stage: next.stage },
  });
}

/** Stops a project or resumes a stopped one. */
export async function stopProject(
  tx: DbOrTx,
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: { version: number; stop: boolean; note?: string | undefined },
) {
  const p = await keptProject(tx, policy, id, !body.stop);
  if (!body.stop && p.status !== 'stopped')
    throw new AppError('conflict', { detail: { current: await projectView(tx, who, policy, p.id) } });
  await bumpProject(tx, who, policy, p, body.version, {
    status: body.stop ? 'stopped' : 'active',
    stoppedOn: body.stop ? isoDateInJapan(who.at) : null,
    ...(body.note ? { note: [p.note, body.note].filter(Boolean).join('\n') } : {}),
  });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'development_project',
    entityIds: [p.id],
    detail: { event: 'updated', status: body.stop ? 'stopped' : 'active' },
  });
}
