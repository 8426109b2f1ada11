/**
 * Training requests (研修の依頼, MI-6): filed by staff for a requester, by municipal or provider staff for their
 * own; a dialogue of dated entries; the need written down; the session it led to; done or declined. Each
 * change is one transaction with its audit entry (`training_request`); a stale version answers 409 with the
 * request as it is now. Started from a child's first entry (KU-3) or a newly opened provider, it keeps where
 * it came from.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centreRegions,
  centres,
  children,
  municipalities,
  organisations,
  regionMunicipalities,
  resourceOrganizations,
  trainingRequestEntries,
  trainingRequests,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import type { RequestEntryKind, RequesterKind, RequestSide } from '../../shared/vocab/learning-requests';
import { recordAudit } from '../audit/record';
import { childScope } from '../registry/scope';
import { checkedOwner, type Who } from './courses';
import { defaultOwner, type LearningOwner } from './policy';
import { type RequestAccess, requireCentreWriter } from './requests-access';
import { requestView, visibleRequest } from './requests-queries';
import { nextRequestStatus, type RequestAction } from './requests-rules';
import type {
  ZCreateRequestRequest,
  ZRequestCloseRequest,
  ZRequestLinkRequest,
  ZRequestNeedRequest,
} from './requests-schemas';
import { managedSession } from './scope';

type CreateBody = z.infer<typeof ZCreateRequestRequest>;

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { issues: [{ path, message }] });
}

/** The branch covering the municipality's region, else the HQ: who receives a requester's request. */
async function routedOwner(tx: DbOrTx, municipalityCode: string | null): Promise<LearningOwner> {
  const hq: LearningOwner = { ownerCentreId: null, ownerRegionId: null };
  if (!municipalityCode) return hq;
  const [branch] = await tx
    .select({ id: centres.id })
    .from(regionMunicipalities)
    .innerJoin(centreRegions, eq(centreRegions.regionId, regionMunicipalities.regionId))
    .innerJoin(centres, and(eq(centres.id, centreRegions.centreId), eq(centres.kind, 'branch')))
    .where(
      and(eq(regionMunicipalities.municipalityCode, municipalityCode), isNull(regionMunicipalities.validTo)),
    )
    .orderBy(centres.name)
    .limit(1);
  return branch ? { ownerCentreId: branch.id, ownerRegionId: null } : hq;
}

async function organisationOf(tx: DbOrTx, pref: string, id: string, path: string) {
  const [o] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      municipalityCode: organisations.municipalityCode,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.prefectureCode, pref)));
  if (!o) invalid(path, 'この都道府県の関係機関ではありません / Not an organisation of this prefecture');
  return o;
}

async function municipalityOf(tx: DbOrTx, pref: string, code: string, path: string) {
  const [m] = await tx
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), eq(municipalities.prefectureCode, pref)));
  if (!m) invalid(path, 'この都道府県の市町村ではありません / Not a municipality of this prefecture');
  return m;
}

/** Creates a request (one transaction with its audit entry); returns its id. */
export async function createRequest(
  tx: DbOrTx,
  who: Who,
  access: RequestAccess,
  body: CreateBody,
): Promise<string> {
  const base = {
    contactName: body.contactName || null,
    contactDetail: body.contactDetail || null,
    askedFor: body.askedFor,
    reason: body.reason,
    createdBy: who.actor.userId,
    createdAt: who.at,
    updatedAt: who.at,
  };
  let values: typeof trainingRequests.$inferInsert;
  if (access.side === 'requester') {
    if (body.transition || body.resourceOrganizationId || body.ownerCentreId || body.ownerRegionId) {
      throw new AppError('forbidden');
    }
    const pref = access.prefectureCode;
    if (access.municipalityCode) {
      const m = await municipalityOf(tx, pref, access.municipalityCode, 'requesterMunicipalityCode');
      values = {
        ...base,
        prefectureCode: pref,
        requesterKind: 'municipality',
        requesterMunicipalityCode: m.code,
        requesterName: body.requesterName ? `${m.name} ${body.requesterName}` : m.name,
        ...(await routedOwner(tx, m.code)),
      };
    } else {
      const o = await organisationOf(tx, pref, access.organisationId!, 'requesterOrganisationId');
      values = {
        ...base,
        prefectureCode: pref,
        requesterKind: 'organisation',
        requesterOrganisationId: o.id,
        requesterName: o.name,
        ...(await routedOwner(tx, o.municipalityCode)),
      };
    }
  } else {
    requireCentreWriter(access);
    const pref = access.policy.prefectureCode!;
    const kind = body.requesterKind ?? 'organisation';
    let requester: Partial<typeof trainingRequests.$inferInsert> & {
      requesterName: string;
      requesterKind: RequesterKind;
    };
    let source: Partial<typeof trainingRequests.$inferInsert> = { source: 'direct' };
    if (body.resourceOrganizationId) {
      const [ro] = await tx
        .select({
          id: resourceOrganizations.id,
          name: resourceOrganizations.name,
          net: resourceOrganizations.networkOrganisationId,
        })
        .from(resourceOrganizations)
        .where(
          and(
            eq(resourceOrganizations.id, body.resourceOrganizationId),
            eq(resourceOrganizations.prefectureCode, pref),
          ),
        );
      if (!ro) throw new AppError('not_found');
      source = { source: 'new_provider', sourceResourceOrganizationId: ro.id };
      requester = { requesterKind: 'organisation', requesterOrganisationId: ro.net, requesterName: ro.name };
    } else if (kind === 'municipality') {
      if (!body.requesterMunicipalityCode)
        invalid('requesterMunicipalityCode', '市町村を選んでください / Choose a municipality');
      const m = await municipalityOf(tx, pref, body.requesterMunicipalityCode, 'requesterMunicipalityCode');
      requester = {
        requesterKind: 'municipality',
        requesterMunicipalityCode: m.code,
        requesterName: body.requesterName ? `${m.name} ${body.requesterName}` : m.name,
      };
    } else if (body.requesterOrganisationId) {
      const o = await organisationOf(tx, pref, body.requesterOrganisationId, 'requesterOrganisationId');
      requester = { requesterKind: 'organisation', requesterOrganisationId: o.id, requesterName: o.name };
    } else {
      if (!body.requesterName)
        invalid('requesterName', '依頼元を選ぶか名前を書いてください / Choose or name the requester');
      requester = { requesterKind: 'organisation', requesterName: body.requesterName };
    }
    if (body.transition) {
      const tr = body.transition;
      const [child] = await tx
        .select({ id: children.id })
        .from(children)
        .where(and(eq(children.id, tr.childId), childScope(who.actor)));
      if (!child) throw new AppError('not_found');
      const [dup] = await tx
        .select({ id: trainingRequests.id })
        .from(trainingRequests)
        .where(
          and(
            eq(trainingRequests.sourceChildId, child.id),
            eq(trainingRequests.sourceNendo, tr.nendo),
            ne(trainingRequests.status, 'declined'),
          ),
        );
      if (dup) throw new AppError('conflict', { detail: { existingId: dup.id } });
      source = {
        source: 'transition',
        sourceChildId: child.id,
        sourceNendo: tr.nendo,
        sourceTransitionKind: tr.kind,
      };
    }
    const owner = await checkedOwner(tx, access.policy, body, defaultOwner(access.policy.manage));
    values = {
      ...base,
      ...requester,
      ...source,
      ...owner,
      prefectureCode: pref,
      courseKind: body.courseKind ?? (body.transition ? 'first_entry' : 'made_to_order'),
      handlerUserId: who.actor.userId,
    };
  }
  if (access.side === 'requester' && body.courseKind) values.courseKind = body.courseKind;
  const [row] = await tx.insert(trainingRequests).values(values).returning({ id: trainingRequests.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'training_request',
    entityIds: [row!.id],
    detail: { event: 'created', side: access.side, source: values.source ?? 'direct' },
  });
  return row!.id;
}

/** Locks the request, checks the version and the step, writes the change, an entry and the audit entry. */
async function step(
  tx: DbOrTx,
  who: Who,
  access: RequestAccess,
  id: string,
  action: RequestAction,
  version: number | null,
  apply: (
    req: typeof trainingRequests.$inferSelect,
  ) => Promise<Partial<typeof trainingRequests.$inferInsert>>,
  entry: { kind: RequestEntryKind; body: string | null },
) {
  const req = await visibleRequest(tx, access, id, true);
  if (version !== null && req.version !== version) {
    throw new AppError('conflict', {
      detail: { current: await requestView(tx, who.actor, access, id, who.at) },
    });
  }
  const next = nextRequestStatus(req.status, action);
  if (next === null)
    throw new AppError('conflict', { detail: { reason: 'invalid_state', status: req.status } });
  const changes = await apply(req);
  await tx
    .update(trainingRequests)
    .set({ ...changes, status: next, version: req.version + 1, updatedAt: who.at })
    .where(eq(trainingRequests.id, req.id));
  const side: RequestSide = access.side;
  // The request row is locked: the next number is safe.
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${trainingRequestEntries.seq}), 0)`.mapWith(Number) })
    .from(trainingRequestEntries)
    .where(eq(trainingRequestEntries.requestId, req.id));
  await tx.insert(trainingRequestEntries).values({
    requestId: req.id,
    seq: (last?.seq ?? 0) + 1,
    kind: entry.kind,
    side,
    body: entry.body,
    authorUserId: who.actor.userId,
    createdAt: who.at,
  });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_request',
    entityIds: [req.id],
    detail: { event: entry.kind, from: req.status, to: next },
  });
}

/** A message of the dialogue, by either side (no version: messages never conflict). */
export function addEntry(tx: DbOrTx, who: Who, access: RequestAccess, id: string, body: string) {
  if (access.side === 'centre') requireCentreWriter(access);
  return step(tx, who, access, id, 'message', null, async () => ({}), { kind: 'message', body });
}

/** The real need, written down by the centre after the dialogue. */
export function writeNeed(
  tx: DbOrTx,
  who: Who,
  access: RequestAccess,
  id: string,
  b: z.infer<typeof ZRequestNeedRequest>,
) {
  requireCentreWriter(access);
  return step(tx, who, access, id, 'need', b.version, async () => ({ need: b.need, needWrittenAt: who.at }), {
    kind: 'need_written',
    body: b.need,
  });
}

/** Links the session that answers the request (a session the caller manages; otherwise 404). */
export function linkSession(
  tx: DbOrTx,
  who: Who,
  access: RequestAccess,
  id: string,
  b: z.infer<typeof ZRequestLinkRequest>,
) {
  requireCentreWriter(access);
  return step(
    tx,
    who,
    access,
    id,
    'link',
    b.version,
    async () => {
      const s = await managedSession(tx, access.policy, b.sessionId);
      return { sessionId: s.id };
    },
    { kind: 'session_linked', body: null },
  );
}

/** Done (a session is linked) or declined with a reason. */
export function closeRequest(
  tx: DbOrTx,
  who: Who,
  access: RequestAccess,
  id: string,
  b: z.infer<typeof ZRequestCloseRequest>,
) {
  requireCentreWriter(access);
  if (b.outcome === 'declined' && !b.reason)
    invalid('reason', '見送る理由を書いてください / Say why it is declined');
  const reason = b.outcome === 'declined' ? (b.reason ?? null) : null;
  return step(
    tx,
    who,
    access,
    id,
    b.outcome === 'done' ? 'done' : 'decline',
    b.version,
    async () => ({ closedAt: who.at, closeReason: reason }),
    { kind: b.outcome, body: reason },
  );
}

/** The caller takes the request as its handler. */
export function assignToMe(tx: DbOrTx, who: Who, access: RequestAccess, id: string, version: number) {
  requireCentreWriter(access);
  return step(tx, who, access, id, 'assign', version, async () => ({ handlerUserId: who.actor.userId }), {
    kind: 'assigned',
    body: null,
  });
}

/** Ids of the given resource organisations that already have a request (the new-providers list). */
export async function requestsOfResources(tx: DbOrTx, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; status: typeof trainingRequests.$inferSelect.status }>();
  const found = await tx
    .select({
      rid: trainingRequests.sourceResourceOrganizationId,
      id: trainingRequests.id,
      status: trainingRequests.status,
    })
    .from(trainingRequests)
    .where(inArray(trainingRequests.sourceResourceOrganizationId, ids))
    .orderBy(trainingRequests.createdAt);
  return new Map(found.map((f) => [f.rid!, { id: f.id, status: f.status }]));
}
