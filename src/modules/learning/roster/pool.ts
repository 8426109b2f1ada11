/**
 * The branches' supervise pools (ME-2; docs/learning.md §7): people of the network each branch can call on for
 * a supervise team, with their expertise from a fixed vocabulary, and the team proposed for a consultation —
 * those covering the needed expertise with the fewest open supervise requests ({@link proposeSuperviseTeam}).
 * Staff who form supervise teams keep their branch's pool (the prefecture's managers every branch's); the
 * learning module's other staff read the pools. Each change is audited in its transaction.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  centres,
  consultationHandoffs,
  consultations,
  consultationTeamMembers,
  organisations,
  people,
  supervisePoolMembers,
} from '../../../db/schema';
import { AppError } from '../../../server/errors';
import { isUuid } from '../../../server/openapi';
import type { SuperviseExpertise } from '../../../shared/vocab/learning-roster';
import type { Actor, RequestMeta } from '../../access/actor';
import { recordAudit } from '../../audit/record';
import { poolsManaged, type RosterArea } from './area';
import { proposeSuperviseTeam, type TeamProposal } from './proposal';

export type PoolMemberView = {
  id: string;
  centreId: string;
  personId: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  profession: string | null;
  organisationName: string | null;
  tags: SuperviseExpertise[];
  /** Open supervise requests (requested or accepted, on open cases) of the active teams the person is in. */
  load: number;
  version: number;
};

export type PoolView = {
  centres: { id: string; name: string; kind: 'hq' | 'branch'; canManage: boolean }[];
  members: PoolMemberView[];
};

type Who = { actor: Actor; meta: RequestMeta; at: Date };

function manages(area: RosterArea, centreId: string): boolean {
  const m = poolsManaged(area);
  return m === 'all' || (m !== 'none' && m.centreId === centreId);
}

/** Open supervise requests per person: requested or accepted, on cases still open, to teams they are in. */
async function loads(db: DbOrTx, prefectureCode: string, personIds: string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: consultationTeamMembers.personId, n: sql<number>`count(*)::int` })
    .from(consultationHandoffs)
    .innerJoin(consultations, eq(consultations.id, consultationHandoffs.consultationId))
    .innerJoin(consultationTeamMembers, eq(consultationTeamMembers.teamId, consultationHandoffs.toTeamId))
    .where(
      and(
        eq(consultationHandoffs.prefectureCode, prefectureCode),
        eq(consultationHandoffs.kind, 'supervise'),
        inArray(consultationHandoffs.status, ['requested', 'accepted']),
        isNull(consultations.closedAt),
        inArray(consultationTeamMembers.personId, personIds),
      ),
    )
    .groupBy(consultationTeamMembers.personId);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

/** The pools of the prefecture's centres (one centre's, when named), by centre and kana name. */
export async function poolView(
  db: DbOrTx,
  prefectureCode: string,
  area: RosterArea,
  centreId?: string,
): Promise<PoolView> {
  if (area.kind === 'none') throw new AppError('forbidden');
  const cs = await db
    .select({ id: centres.id, name: centres.name, kind: centres.kind })
    .from(centres)
    .where(eq(centres.prefectureCode, prefectureCode))
    .orderBy(asc(centres.kind), asc(centres.name));
  const rows = await db
    .select({
      id: supervisePoolMembers.id,
      centreId: supervisePoolMembers.centreId,
      personId: people.id,
      familyName: people.familyName,
      givenName: people.givenName,
      familyKana: people.familyKana,
      givenKana: people.givenKana,
      profession: people.profession,
      organisationName: organisations.name,
      tags: supervisePoolMembers.tags,
      version: supervisePoolMembers.version,
    })
    .from(supervisePoolMembers)
    .innerJoin(people, eq(people.id, supervisePoolMembers.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      and(
        eq(supervisePoolMembers.prefectureCode, prefectureCode),
        centreId ? eq(supervisePoolMembers.centreId, centreId) : undefined,
      ),
    )
    .orderBy(asc(people.familyKana), asc(people.familyName), asc(people.givenName), asc(people.id));
  const load = await loads(db, prefectureCode, [...new Set(rows.map((r) => r.personId))]);
  return {
    centres: cs.map((c) => ({ ...c, canManage: manages(area, c.id) })),
    members: rows.map((r) => ({ ...r, tags: [...r.tags], load: load.get(r.personId) ?? 0 })),
  };
}

async function centreOf(tx: DbOrTx, prefectureCode: string, centreId: string): Promise<void> {
  if (!isUuid(centreId)) throw new AppError('not_found');
  const [c] = await tx
    .select({ id: centres.id })
    .from(centres)
    .where(and(eq(centres.id, centreId), eq(centres.prefectureCode, prefectureCode)));
  if (!c) throw new AppError('not_found');
}

/** Adds a person of the prefecture to a centre's pool (409 `conflict` when already in it). */
export async function addPoolMember(
  tx: DbOrTx,
  who: Who,
  area: RosterArea,
  body: { centreId: string; personId: string; tags: SuperviseExpertise[] },
): Promise<string> {
  const pref = who.actor.prefectureCode;
  if (area.kind === 'none' || !pref) throw new AppError('forbidden');
  await centreOf(tx, pref, body.centreId);
  if (!manages(area, body.centreId)) throw new AppError('forbidden');
  const [person] = isUuid(body.personId)
    ? await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, body.personId), eq(people.prefectureCode, pref)))
    : [];
  if (!person) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'personId', message: '登録されていない人です / Unknown person' }],
    });
  }
  const tags = [...new Set(body.tags)].sort();
  const [row] = await tx
    .insert(supervisePoolMembers)
    .values({
      prefectureCode: pref,
      centreId: body.centreId,
      personId: person.id,
      tags,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .onConflictDoNothing()
    .returning({ id: supervisePoolMembers.id });
  if (!row) throw new AppError('conflict');
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'supervise_pool_member',
    entityIds: [row.id],
    detail: { change: 'add', centreId: body.centreId, personId: person.id, tags },
  });
  return row.id;
}

async function ownMember(tx: DbOrTx, pref: string, area: RosterArea, id: string) {
  if (!isUuid(id)) throw new AppError('not_found');
  const [m] = await tx
    .select()
    .from(supervisePoolMembers)
    .where(and(eq(supervisePoolMembers.id, id), eq(supervisePoolMembers.prefectureCode, pref)));
  if (!m) throw new AppError('not_found');
  if (!manages(area, m.centreId)) throw new AppError('forbidden');
  return m;
}

/** Changes a pool member's expertise (409 with the member as it is now on a stale version). */
export async function updatePoolMember(
  tx: DbOrTx,
  who: Who,
  area: RosterArea,
  id: string,
  body: { version: number; tags: SuperviseExpertise[] },
): Promise<void> {
  const pref = who.actor.prefectureCode;
  if (area.kind === 'none' || !pref) throw new AppError('forbidden');
  const m = await ownMember(tx, pref, area, id);
  const tags = [...new Set(body.tags)].sort();
  const [done] = await tx
    .update(supervisePoolMembers)
    .set({ tags, updatedAt: who.at, version: sql`${supervisePoolMembers.version} + 1` })
    .where(and(eq(supervisePoolMembers.id, m.id), eq(supervisePoolMembers.version, body.version)))
    .returning({ id: supervisePoolMembers.id });
  if (!done) {
    throw new AppError('conflict', { detail: { current: { id: m.id, tags: m.tags, version: m.version } } });
  }
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'supervise_pool_member',
    entityIds: [m.id],
    detail: { change: 'tags', tags: [m.tags, tags] },
  });
}

/** Takes a person out of a pool (the teams they are in keep them). */
export async function removePoolMember(tx: DbOrTx, who: Who, area: RosterArea, id: string): Promise<void> {
  const pref = who.actor.prefectureCode;
  if (area.kind === 'none' || !pref) throw new AppError('forbidden');
  const m = await ownMember(tx, pref, area, id);
  await tx.delete(supervisePoolMembers).where(eq(supervisePoolMembers.id, m.id));
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'supervise_pool_member',
    entityIds: [m.id],
    detail: { change: 'remove', centreId: m.centreId, personId: m.personId },
  });
}

export type ProposalView = TeamProposal<SuperviseExpertise> & {
  centreId: string | null;
  members: (TeamProposal<SuperviseExpertise>['members'][number] & {
    familyName: string;
    givenName: string;
    profession: string | null;
    organisationName: string | null;
    tags: SuperviseExpertise[];
  })[];
};

/**
 * The team proposed from a centre's pool (every pool of the prefecture when none is named) for the needed
 * expertise (404 for a centre of another prefecture).
 */
export async function proposeTeam(
  db: DbOrTx,
  prefectureCode: string,
  area: RosterArea,
  centreId: string | undefined,
  needed: SuperviseExpertise[],
): Promise<ProposalView> {
  if (centreId) await centreOf(db, prefectureCode, centreId);
  const pool = await poolView(db, prefectureCode, area, centreId);
  // Without a centre, every pool of the prefecture: a person in two pools counts once, with both pools' tags.
  const byPerson = new Map<string, PoolMemberView>();
  for (const m of pool.members) {
    const seen = byPerson.get(m.personId);
    byPerson.set(m.personId, seen ? { ...seen, tags: [...new Set([...seen.tags, ...m.tags])].sort() } : m);
  }
  const proposal = proposeSuperviseTeam(
    [...new Set(needed)],
    [...byPerson.values()].map((m) => ({
      personId: m.personId,
      tags: m.tags,
      load: m.load,
      sortKey: `${m.familyKana ?? ''}${m.givenKana ?? ''}\u0000${m.familyName}${m.givenName}`,
    })),
  );
  return {
    centreId: centreId ?? null,
    uncovered: proposal.uncovered,
    members: proposal.members.map((p) => {
      const m = byPerson.get(p.personId)!;
      return {
        ...p,
        familyName: m.familyName,
        givenName: m.givenName,
        profession: m.profession,
        organisationName: m.organisationName,
        tags: m.tags,
      };
    }),
  };
}
