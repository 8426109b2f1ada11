/**
 * Data of `npm run bench:learning`: one prefecture (長野県) with its HQ centre, a centre administrator (who uploads
 * the videos through the product's upload API), a public supporter e-learning course with its lessons, a
 * catalogue of open sessions of public courses with days to come, and the learners — real `learner` accounts
 * with profiles. Signing in 5,000 learners through the sign-in API would spend minutes on Argon2id alone, so
 * their sessions are written here as the sign-in writes them (a random token, stored as its SHA-256); the
 * benchmark signs a few of them in through the API as well and uses those sessions too.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../src/db/client';
import {
  learnerProfiles,
  sessions,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
  users,
} from '../src/db/schema';
import { randomToken, tokenHash } from '../src/modules/accounts/crypto';
import { hashPassword } from '../src/modules/accounts/password';
import { PROFESSIONS } from '../src/shared/vocab/learning';
import {
  generateTotpSecret,
  makeCentre,
  makePrefecture,
  makeUser,
  TEST_PASSWORD,
} from '../src/test/factories';

export type LearningSeedOptions = {
  prefectureCode: string;
  learners: number;
  lessons: number;
  /** Sessions in the public catalogue. */
  catalogueSessions: number;
  /** TSUNAGU_SECRET of the server (the administrator's TOTP seed is sealed with it). */
  secretKey: string;
  now: Date;
};

export type SeededLearner = { userId: string; email: string; token: string; csrfToken: string };

export type LearningSeed = {
  admin: { email: string; totpSecret: string };
  courseId: string;
  lessonIds: string[];
  learners: SeededLearner[];
};

const SESSION_MS = 12 * 3600_000;

export async function seedLearning(db: DbOrTx, opts: LearningSeedOptions): Promise<LearningSeed> {
  const pref = opts.prefectureCode;
  await makePrefecture(db, pref);
  const hq = await makeCentre(db, pref, { kind: 'hq', name: '医療的ケア児支援センター' });
  const totpSecret = generateTotpSecret();
  const admin = await makeUser(
    db,
    'centre_admin',
    { prefectureCode: pref, centreId: hq.id, totpSecret },
    opts.secretKey,
  );

  const [course] = await db
    .insert(trainingCourses)
    .values({
      prefectureCode: pref,
      kind: 'supporter_elearning',
      title: '医療的ケア児支援者向けeラーニング（基礎）',
      summary: '動画を視聴し確認テストに合格すると修了です。',
    })
    .returning();
  const parts = await db
    .insert(trainingCourseParts)
    .values(
      Array.from({ length: opts.lessons }, (_, i) => ({
        courseId: course!.id,
        seq: i + 1,
        kind: 'lesson' as const,
        title: `第${i + 1}講`,
      })),
    )
    .returning();

  // The catalogue: public courses of several kinds, each session open with days still to come.
  const kinds = ['coordinator_course', 'follow_up', 'brush_up', 'case_study', 'online_study_group'] as const;
  for (let i = 0; i < opts.catalogueSessions; i++) {
    const [c] = await db
      .insert(trainingCourses)
      .values({ prefectureCode: pref, kind: kinds[i % kinds.length]!, title: `研修コース ${i + 1}` })
      .returning();
    const [s] = await db
      .insert(trainingSessions)
      .values({
        courseId: c!.id,
        prefectureCode: pref,
        title: `第${i + 1}回`,
        delivery: i % 3 === 0 ? 'online' : 'in_person',
        place: i % 3 === 0 ? '' : '長野市ふれあい福祉センター',
        capacity: 40,
        coHosts: ['長野県医師会', '長野県看護協会'],
        status: 'open',
        applicationsOpenAt: new Date(opts.now.getTime() - 86_400_000),
        applicationsCloseAt: new Date(opts.now.getTime() + 30 * 86_400_000),
      })
      .returning();
    await db.insert(trainingSessionDays).values(
      [40, 47].map((d, seq) => ({
        sessionId: s!.id,
        seq: seq + 1,
        heldOn: new Date(opts.now.getTime() + (d + i) * 86_400_000).toISOString().slice(0, 10),
      })),
    );
  }

  // Learners: accounts, profiles and signed-in sessions, in batches.
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const learners: SeededLearner[] = [];
  for (let from = 0; from < opts.learners; from += 500) {
    const n = Math.min(500, opts.learners - from);
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, k) => ({
          prefectureCode: pref,
          email: `learner${from + k + 1}@bench.example.jp`,
          displayName: `受講者 ${from + k + 1}`,
          passwordHash,
          role: 'learner' as const,
        })),
      )
      .returning({ id: users.id, email: users.email });
    await db.insert(learnerProfiles).values(
      rows.map((u, k) => ({
        userId: u.id,
        prefectureCode: pref,
        profession: PROFESSIONS[(from + k) % PROFESSIONS.length]!,
        workplaceName: '訪問看護ステーション',
      })),
    );
    const batch = rows.map((u) => ({
      userId: u.id,
      email: u.email,
      token: randomToken(),
      csrfToken: randomToken(),
    }));
    await db.insert(sessions).values(
      batch.map((l) => ({
        id: tokenHash(l.token),
        userId: l.userId,
        csrfToken: l.csrfToken,
        secondFactorDone: false,
        createdAt: opts.now,
        lastSeenAt: opts.now,
        expiresAt: new Date(opts.now.getTime() + SESSION_MS),
      })),
    );
    learners.push(...batch);
  }
  await db.execute(sql`analyze`);
  return {
    admin: { email: admin.email, totpSecret },
    courseId: course!.id,
    lessonIds: parts.map((p) => p.id),
    learners,
  };
}
