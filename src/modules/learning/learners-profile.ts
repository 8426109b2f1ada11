/**
 * The learner's own profile (learner_profiles): name, profession (with its group), workplace and municipality.
 * Read and changed only by the learner; changes carry the version read (409 with the current profile when
 * someone — the learner on another device — changed it first) and are audited with the fields changed.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { learnerProfiles, municipalities, organisations, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { PROFESSION_GROUP_OF } from '../../shared/vocab/learning';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { checkWorkplace } from './learners-accounts';
import type { UpdateProfileInput } from './learners-schemas';

/** The learner's name, address and profile (null until filled in). */
export async function readProfile(db: DbOrTx, actor: Actor & { prefectureCode: string }) {
  const [row] = await db
    .select({
      displayName: users.displayName,
      email: users.email,
      p: learnerProfiles,
      organisationName: organisations.name,
      municipalityName: municipalities.name,
    })
    .from(users)
    .leftJoin(learnerProfiles, eq(learnerProfiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, learnerProfiles.workplaceOrganisationId))
    .leftJoin(municipalities, eq(municipalities.code, learnerProfiles.municipalityCode))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError('not_found');
  const p = row.p;
  return {
    displayName: row.displayName,
    email: row.email,
    profile: p
      ? {
          profession: p.profession,
          professionGroup: PROFESSION_GROUP_OF[p.profession],
          workplace: {
            organisationId: p.workplaceOrganisationId,
            organisationName: row.organisationName ?? null,
            name: p.workplaceName,
          },
          municipalityCode: p.municipalityCode,
          municipalityName: row.municipalityName ?? null,
          version: p.version,
          updatedAt: p.updatedAt.toISOString(),
        }
      : null,
  };
}

export type ProfileView = Awaited<ReturnType<typeof readProfile>>;

/** Changes (or first fills in) the learner's profile and name. Audited with the fields that changed. */
export async function updateProfile(
  tx: DbOrTx,
  who: { actor: Actor & { prefectureCode: string }; meta: RequestMeta; at: Date },
  input: UpdateProfileInput,
): Promise<ProfileView> {
  const { actor } = who;
  const before = await readProfile(tx, actor);
  const workplace = await checkWorkplace(tx, actor.prefectureCode, input.workplace, input.municipalityCode);
  const values = { profession: input.profession, ...workplace, municipalityCode: input.municipalityCode };
  if (before.profile) {
    if (input.version === undefined) throw new AppError('conflict', { detail: { current: before } });
    const updated = await tx
      .update(learnerProfiles)
      .set({ ...values, version: sql`${learnerProfiles.version} + 1`, updatedAt: who.at })
      .where(and(eq(learnerProfiles.userId, actor.userId), eq(learnerProfiles.version, input.version)))
      .returning({ userId: learnerProfiles.userId });
    if (!updated.length) throw new AppError('conflict', { detail: { current: before } });
  } else {
    await tx
      .insert(learnerProfiles)
      .values({
        userId: actor.userId,
        prefectureCode: actor.prefectureCode,
        ...values,
        createdAt: who.at,
        updatedAt: who.at,
      })
      .onConflictDoNothing();
  }
  if (input.displayName !== before.displayName) {
    await tx
      .update(users)
      .set({ displayName: input.displayName, version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.userId));
  }
  const after = await readProfile(tx, actor);
  const b = before.profile;
  const a = after.profile!;
  const changed = [
    ...(before.displayName !== after.displayName ? ['displayName'] : []),
    ...(b?.profession !== a.profession ? ['profession'] : []),
    ...(b?.workplace.organisationId !== a.workplace.organisationId || b?.workplace.name !== a.workplace.name
      ? ['workplace']
      : []),
    ...(b?.municipalityCode !== a.municipalityCode ? ['municipalityCode'] : []),
  ];
  if (changed.length) {
    await recordAudit(tx, who, {
      action: b ? 'update' : 'create',
      entityType: 'learner_profile',
      entityIds: [actor.userId],
      detail: { event: 'learner_profile_changed', changed },
    });
  }
  return after;
}
