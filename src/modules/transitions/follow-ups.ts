/**
 * The follow-up of each child's transition (KU-3): its status and owner, kept per child, 年度 and kind in
 * transition_follow_ups. Read for the rows of a list in one statement; written one at a time, inside the
 * writer's registry scope, with the owner checked against the same scope, and audited in the same transaction.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, transitionFollowUps, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Nendo } from '../../shared/nendo';
import type { FollowUpStatus } from '../../shared/vocab/transitions';
import type { Actor } from '../access/actor';
import { resolveActor } from '../access/resolve-actor';
import type { Role } from '../access/roles';
import { recordAudit } from '../audit/record';
import { canEditChild } from '../registry/policy';
import { childScope } from '../registry/scope';
import type { TransitionsList } from './queries';
import { type TransitionKind, transitionKindsOf } from './rules';

/** Roles that may carry a transition's follow-up: those that keep the registry (registry/policy.ts). */
export const OWNER_ROLES = [
  'centre_admin',
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
] as const satisfies readonly Role[];

type AuditContext = Parameters<typeof recordAudit>[1];

export type FollowUp = {
  status: FollowUpStatus;
  ownerUserId: string | null;
  ownerName: string | null;
  updatedAt: string | null;
  version: number;
};

const NOT_STARTED: FollowUp = {
  status: 'not_started',
  ownerUserId: null,
  ownerName: null,
  updatedAt: null,
  version: 0,
};

/** The follow-ups of some children in a 年度, keyed `childId:kind`. */
export async function followUpsOf(
  db: DbOrTx,
  childIds: string[],
  nendo: Nendo,
): Promise<Map<string, FollowUp>> {
  const out = new Map<string, FollowUp>();
  if (childIds.length === 0) return out;
  const rows = await db
    .select({
      childId: transitionFollowUps.childId,
      kind: transitionFollowUps.kind,
      status: transitionFollowUps.status,
      ownerUserId: transitionFollowUps.ownerUserId,
      ownerName: users.displayName,
      updatedAt: transitionFollowUps.updatedAt,
      version: transitionFollowUps.version,
    })
    .from(transitionFollowUps)
    .leftJoin(users, eq(users.id, transitionFollowUps.ownerUserId))
    .where(and(inArray(transitionFollowUps.childId, childIds), eq(transitionFollowUps.nendo, nendo)));
  for (const { childId, kind, updatedAt, ...r } of rows) {
    out.set(`${childId}:${kind}`, { ...r, updatedAt: updatedAt.toISOString() });
  }
  return out;
}

/** The list with each row's follow-up for its group's kind (not started, no owner, where none is kept). */
export async function withFollowUps(db: DbOrTx, list: TransitionsList) {
  const ids = [...new Set(list.groups.flatMap((g) => g.items.map((i) => i.id)))];
  const map = await followUpsOf(db, ids, list.nendo);
  return {
    ...list,
    groups: list.groups.map((g) => ({
      ...g,
      items: g.items.map((i) => ({ ...i, followUp: map.get(`${i.id}:${g.kind}`) ?? NOT_STARTED })),
    })),
  };
}

/** The people a transition may be given to: active users of the actor's prefecture who keep the registry. */
export async function ownerChoices(db: DbOrTx, actor: Actor) {
  if (!actor.prefectureCode) return [];
  return db
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.prefectureCode, actor.prefectureCode),
        inArray(users.role, [...OWNER_ROLES]),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.displayName, users.id);
}

export type FollowUpInput = {
  nendo: Nendo;
  kind: TransitionKind;
  status: FollowUpStatus;
  ownerUserId: string | null;
  /** The version read (0 when none was kept); another's change in between answers 409. */
  version: number;
};

/** Whether `ownerId` may carry the child's follow-up: an active registry keeper who sees the child. */
async function ownerReaches(db: DbOrTx, actor: Actor, ownerId: string, childId: string) {
  const [owner] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, ownerId), isNull(users.disabledAt)));
  if (!owner || owner.prefectureCode !== actor.prefectureCode) return false;
  if (!(OWNER_ROLES as readonly string[]).includes(owner.role)) return false;
  const ownerActor = await resolveActor(db, owner);
  const [seen] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, childId), childScope(ownerActor)));
  return Boolean(seen);
}

/**
 * Sets the status and owner of one child's transition. A child outside the writer's scope, or one that does
 * not go through that transition in that 年度, answers 404; an owner who could not see the child is refused.
 */
export async function setFollowUp(
  tx: DbOrTx,
  actor: Actor,
  ctx: AuditContext,
  unverifiedChildId: string,
  input: FollowUpInput,
): Promise<FollowUp> {
  if (!canEditChild(actor)) throw new AppError('forbidden');
  const [child] = await tx
    .select({ id: children.id, birthDate: children.birthDate })
    .from(children)
    .where(and(eq(children.id, unverifiedChildId), childScope(actor)))
    .for('update');
  if (!child || !transitionKindsOf(child.birthDate, input.nendo).includes(input.kind)) {
    throw new AppError('not_found');
  }
  if (input.ownerUserId && !(await ownerReaches(tx, actor, input.ownerUserId, child.id))) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'ownerUserId',
          message: 'この担当者はこのお子さんの記録を見られません / this person cannot see the child',
          ja: 'この担当者はこのお子さんの記録を見られません。',
          en: 'This person cannot see this child’s record.',
        },
      ],
    });
  }
  const key = and(
    eq(transitionFollowUps.childId, child.id),
    eq(transitionFollowUps.nendo, input.nendo),
    eq(transitionFollowUps.kind, input.kind),
  );
  const [before] = await tx.select().from(transitionFollowUps).where(key);
  if ((before?.version ?? 0) !== input.version) throw new AppError('conflict');
  const values = {
    status: input.status,
    ownerUserId: input.ownerUserId,
    updatedBy: actor.userId,
    updatedAt: ctx.at,
  };
  if (before) {
    await tx
      .update(transitionFollowUps)
      .set({ ...values, version: sql`${transitionFollowUps.version} + 1` })
      .where(key);
  } else {
    await tx
      .insert(transitionFollowUps)
      .values({ childId: child.id, nendo: input.nendo, kind: input.kind, ...values });
  }
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'child_transitions',
    entityIds: [child.id],
    detail: {
      nendo: input.nendo,
      kind: input.kind,
      status: { from: before?.status ?? 'not_started', to: input.status },
      owner: { from: before?.ownerUserId ?? null, to: input.ownerUserId },
    },
  });
  const after = (await followUpsOf(tx, [child.id], input.nendo)).get(`${child.id}:${input.kind}`);
  return after ?? NOT_STARTED;
}

/** Orders of a transitions list's rows (an allow-list; the default is municipality, then kana). */
export const TRANSITION_SORTS = [
  'kana',
  'birthDate',
  'municipality',
  'region',
  'affiliation',
  'followUp',
  'owner',
] as const;
export type TransitionSort = (typeof TRANSITION_SORTS)[number];

const STATUS_ORDER: Record<FollowUpStatus, number> = {
  not_started: 0,
  in_progress: 1,
  done: 2,
  not_needed: 3,
};

type Row = Awaited<ReturnType<typeof withFollowUps>>['groups'][number]['items'][number];

/**
 * Each group's rows in the order asked for. The list is never paged (a 年度's transitions come whole), and a
 * row's follow-up belongs to its group's kind, so the rows are ordered here, after the follow-ups are read;
 * ties keep the statement's order (municipality, kana, id). Empty values come last either way.
 */
export function sortTransitionRows<L extends { groups: { items: Row[] }[] }>(
  list: L,
  sort: TransitionSort | undefined,
  dir: 'asc' | 'desc' | undefined,
): L {
  if (!sort) return list;
  const key = (r: Row): string | number | null => {
    switch (sort) {
      case 'kana':
        return `${r.familyKana} ${r.givenKana}`;
      case 'birthDate':
        return r.birthDate;
      case 'municipality':
        return r.municipalityCode;
      case 'region':
        return r.regionName;
      case 'affiliation':
        return r.affiliation;
      case 'followUp':
        return STATUS_ORDER[r.followUp.status];
      case 'owner':
        return r.followUp.ownerName;
    }
  };
  const sign = dir === 'desc' ? -1 : 1;
  const compare = (a: Row, b: Row) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  };
  return {
    ...list,
    groups: list.groups.map((g) => ({ ...g, items: [...g.items].sort(compare) })),
  };
}
