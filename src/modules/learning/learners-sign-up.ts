/**
 * Self sign-up of learners (docs/learning.md, learner accounts). A sign-up waits in `learner_sign_ups`; it becomes
 * an account and a learner profile with the password the learner chose when it is confirmed — by the learner's
 * e-mail link when the deployment sends mail (learners-sign-up-mail.ts, `confirmed_by = 'email'`), or by the
 * centre's 承認 (always possible) — both through {@link createLearnerFromSignUp}.
 *
 * The answer to a sign-up is the same whether or not the address is known (no account enumeration): a sign-up
 * for an address that has an account, or a pending sign-up, stores nothing new and mails nothing.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  learnerProfiles,
  learnerSignUps,
  municipalities,
  organisations,
  prefectures,
  users,
} from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { PROFESSION_GROUP_OF } from '../../shared/vocab/learning';
import type { SignUpConfirmation, SignUpStatus } from '../../shared/vocab/learning-learners';
import type { Actor, RequestMeta } from '../access/actor';
import { assertStrongPassword, hashPassword } from '../accounts/password';
import { recordAudit } from '../audit/record';
import { checkWorkplace } from './learners-accounts';
import type { SignUpInput } from './learners-schemas';
import { expiredEmailSignUp, mailSignUpLink } from './learners-sign-up-mail';

/** The prefecture of a municipality this deployment serves, or null. */
async function servedPrefecture(db: DbOrTx, municipalityCode: string): Promise<string | null> {
  const [row] = await db
    .select({ code: prefectures.code })
    .from(municipalities)
    .innerJoin(prefectures, eq(prefectures.code, municipalities.prefectureCode))
    .where(eq(municipalities.code, municipalityCode));
  return row?.code ?? null;
}

/** Whether an account or a pending sign-up already holds the address. */
async function addressTaken(db: DbOrTx, email: string, exceptSignUp?: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (user) return true;
  const [pending] = await db
    .select({ id: learnerSignUps.id })
    .from(learnerSignUps)
    .where(and(eq(learnerSignUps.email, email), eq(learnerSignUps.status, 'pending')));
  return Boolean(pending && pending.id !== exceptSignUp);
}

/**
 * Stores a sign-up to confirm. The municipality decides the prefecture (a municipality this deployment serves);
 * the password follows the product's rule and is kept only as its hash. With mail on, the address gets a
 * confirmation link (a pending sign-up whose link ran out is replaced by the new one). Audited without an actor;
 * the audit entry names the sign-up, never the address.
 */
export async function submitSignUp(deps: Deps, input: SignUpInput, meta: RequestMeta): Promise<void> {
  const db = deps.db.systemDb;
  const mail = deps.config.mail;
  const locale = input.locale ?? 'ja';
  assertStrongPassword(input.password);
  const prefectureCode = await servedPrefecture(db, input.municipalityCode);
  if (!prefectureCode) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'municipalityCode',
          message: 'Not served here / この窓口の対象外です',
          ja: 'この市区町村はこの窓口の対象外です。',
          en: 'This municipality is not served here.',
        },
      ],
    });
  }
  const workplace = await checkWorkplace(db, prefectureCode, input.workplace, input.municipalityCode);
  const expired = mail ? await expiredEmailSignUp(db, input.email, deps.now()) : null;
  if (await addressTaken(db, input.email, expired?.id)) return;
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    if (expired) {
      // The link of an earlier sign-up ran out unused: this one takes its place (one pending row per address).
      await tx
        .update(learnerSignUps)
        .set({ status: 'rejected', decidedAt: deps.now(), passwordHash: null, confirmTokenHash: null })
        .where(and(eq(learnerSignUps.id, expired.id), eq(learnerSignUps.status, 'pending')));
    }
    const [row] = await tx
      .insert(learnerSignUps)
      .values({
        prefectureCode,
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        profession: input.profession,
        ...workplace,
        municipalityCode: input.municipalityCode,
        createdAt: deps.now(),
      })
      .onConflictDoNothing()
      .returning({
        id: learnerSignUps.id,
        email: learnerSignUps.email,
        displayName: learnerSignUps.displayName,
      });
    if (!row) return; // a concurrent sign-up for the same address won
    await recordAudit(
      tx,
      { actor: null, meta, at: deps.now() },
      {
        action: 'create',
        entityType: 'learner_sign_up',
        entityIds: [row.id],
        detail: { event: 'learner_signed_up', profession: input.profession },
        prefectureCode,
      },
    );
    if (mail) await mailSignUpLink(tx, mail, { ...row, prefectureCode, ...input }, locale, deps.now());
  });
}

const decider = sql<
  string | null
>`(select u.display_name from users u where u.id = ${learnerSignUps.decidedBy})`;
const taken = sql<boolean>`(exists (select 1 from users u where u.email = ${learnerSignUps.email}))`;

/** The sign-ups of the prefecture with this status, oldest pending first (newest decided first). */
export async function listSignUps(db: DbOrTx, prefectureCode: string, status: SignUpStatus) {
  const rows = await db
    .select({
      s: learnerSignUps,
      organisationName: organisations.name,
      municipalityName: municipalities.name,
      decidedByName: decider,
      emailTaken: taken,
    })
    .from(learnerSignUps)
    .leftJoin(organisations, eq(organisations.id, learnerSignUps.workplaceOrganisationId))
    .leftJoin(municipalities, eq(municipalities.code, learnerSignUps.municipalityCode))
    .where(and(eq(learnerSignUps.prefectureCode, prefectureCode), eq(learnerSignUps.status, status)))
    .orderBy(status === 'pending' ? asc(learnerSignUps.createdAt) : desc(learnerSignUps.decidedAt))
    .limit(500);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(learnerSignUps)
    .where(and(eq(learnerSignUps.prefectureCode, prefectureCode), eq(learnerSignUps.status, 'pending')));
  return {
    items: rows.map(({ s, organisationName, municipalityName, decidedByName, emailTaken }) => ({
      id: s.id,
      displayName: s.displayName,
      email: s.email,
      profession: s.profession,
      professionGroup: PROFESSION_GROUP_OF[s.profession],
      workplace: {
        organisationId: s.workplaceOrganisationId,
        organisationName: organisationName ?? null,
        name: s.workplaceName,
      },
      municipalityCode: s.municipalityCode,
      municipalityName: municipalityName ?? null,
      status: s.status,
      emailTaken: s.status === 'pending' && Boolean(emailTaken),
      createdAt: s.createdAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      decidedByName: decidedByName ?? null,
      version: s.version,
    })),
    pendingCount: count?.n ?? 0,
  };
}

type Who = { actor: Actor; meta: RequestMeta; at: Date };

/** A pending sign-up of the prefecture, locked; 404 when unknown or of another prefecture, 409 when decided. */
async function pendingSignUp(tx: DbOrTx, prefectureCode: string, unverifiedId: string, version: number) {
  const [row] = await tx
    .select()
    .from(learnerSignUps)
    .where(and(eq(learnerSignUps.id, unverifiedId), eq(learnerSignUps.prefectureCode, prefectureCode)))
    .for('update');
  if (!row) throw new AppError('not_found');
  if (row.status !== 'pending') throw new AppError('learner_sign_up_decided');
  if (row.version !== version) throw new AppError('conflict');
  return row;
}

/**
 * Creates the learner's account and profile from a confirmed sign-up (by the centre now, by e-mail later) and
 * marks it approved. The address must still be free: an account made meanwhile (an invitation) wins.
 */
export async function createLearnerFromSignUp(
  tx: DbOrTx,
  signUp: typeof learnerSignUps.$inferSelect,
  by: { confirmedBy: SignUpConfirmation; userId: string | null; at: Date },
): Promise<string> {
  const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, signUp.email));
  if (clash) throw new AppError('duplicate', { issues: [{ path: 'email', message: signUp.email }] });
  const [user] = await tx
    .insert(users)
    .values({
      prefectureCode: signUp.prefectureCode,
      email: signUp.email,
      displayName: signUp.displayName,
      passwordHash: signUp.passwordHash,
      role: 'learner',
      createdAt: by.at,
    })
    .returning({ id: users.id });
  await tx.insert(learnerProfiles).values({
    userId: user!.id,
    prefectureCode: signUp.prefectureCode,
    profession: signUp.profession,
    workplaceOrganisationId: signUp.workplaceOrganisationId,
    workplaceName: signUp.workplaceName,
    municipalityCode: signUp.municipalityCode,
    createdAt: by.at,
    updatedAt: by.at,
  });
  await tx
    .update(learnerSignUps)
    .set({
      status: 'approved',
      confirmedBy: by.confirmedBy,
      decidedBy: by.userId,
      decidedAt: by.at,
      userId: user!.id,
      passwordHash: null,
      confirmTokenHash: null,
      version: sql`${learnerSignUps.version} + 1`,
    })
    .where(eq(learnerSignUps.id, signUp.id));
  return user!.id;
}

/** Approves a pending sign-up: the learner can sign in with their own password. Audited. */
export async function approveSignUp(
  tx: DbOrTx,
  who: Who,
  prefectureCode: string,
  unverifiedId: string,
  version: number,
): Promise<void> {
  const signUp = await pendingSignUp(tx, prefectureCode, unverifiedId, version);
  const userId = await createLearnerFromSignUp(tx, signUp, {
    confirmedBy: 'centre',
    userId: who.actor.userId,
    at: who.at,
  });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'learner_sign_up',
    entityIds: [signUp.id, userId],
    detail: { event: 'learner_sign_up_approved', userId },
  });
}

/** Declines a pending sign-up: nothing is created and the password hash is dropped. Audited. */
export async function rejectSignUp(
  tx: DbOrTx,
  who: Who,
  prefectureCode: string,
  unverifiedId: string,
  version: number,
): Promise<void> {
  const signUp = await pendingSignUp(tx, prefectureCode, unverifiedId, version);
  await tx
    .update(learnerSignUps)
    .set({
      status: 'rejected',
      decidedBy: who.actor.userId,
      decidedAt: who.at,
      passwordHash: null,
      confirmTokenHash: null,
      version: sql`${learnerSignUps.version} + 1`,
    })
    .where(eq(learnerSignUps.id, signUp.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'learner_sign_up',
    entityIds: [signUp.id],
    detail: { event: 'learner_sign_up_rejected' },
  });
}
