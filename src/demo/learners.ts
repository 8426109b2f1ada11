/**
 * Demo learners (受講者): the profiles of the demo learner accounts, and a few sign-ups of the demo prefecture
 * waiting for the centre's confirmation, so the centre has sign-ups to approve on arrival. Fictional people
 * at fictional or generated workplaces; deterministic.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { learnerProfiles, learnerSignUps, organisations } from '../db/schema';
import type { Profession } from '../shared/vocab/learning';

/** What a demo learner account's profile says. */
export type DemoLearner = {
  profession: Profession;
  workplaceOrganisationId?: string;
  workplaceName?: string;
  municipalityCode: string;
};

/** Writes the profile of a demo learner account. */
export async function seedLearnerProfile(
  tx: DbOrTx,
  userId: string,
  prefectureCode: string,
  learner: DemoLearner,
  at: Date,
): Promise<void> {
  await tx.insert(learnerProfiles).values({
    userId,
    prefectureCode,
    profession: learner.profession,
    workplaceOrganisationId: learner.workplaceOrganisationId ?? null,
    workplaceName: learner.workplaceOrganisationId ? null : (learner.workplaceName ?? null),
    municipalityCode: learner.municipalityCode,
    createdAt: at,
    updatedAt: at,
  });
}

/** Sign-ups waiting for the centre: a visiting nurse, a care worker and a teacher of the demo municipality. */
export async function seedPendingSignUps(
  tx: DbOrTx,
  prefectureCode: string,
  municipalityCode: string,
  at: Date,
): Promise<void> {
  const [provider] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.prefectureCode, prefectureCode), eq(organisations.kind, 'provider')))
    .orderBy(asc(organisations.name))
    .limit(1);
  const people: {
    name: string;
    email: string;
    profession: Profession;
    org?: string;
    workplaceName?: string;
    hoursAgo: number;
  }[] = [
    { name: '相沢 みのり', email: 'm.aizawa', profession: 'nurse', org: provider?.id, hoursAgo: 50 },
    {
      name: '工藤 大輔',
      email: 'd.kudo',
      profession: 'care_worker',
      workplaceName: 'ケアホームみなと',
      hoursAgo: 26,
    },
    {
      name: '小野寺 彩',
      email: 's.onodera',
      profession: 'teacher',
      workplaceName: '県立しおかぜ特別支援学校',
      hoursAgo: 3,
    },
  ];
  for (const p of people) {
    await tx.insert(learnerSignUps).values({
      prefectureCode,
      email: `${p.email}@learner.demo.tsunagu.example`,
      displayName: p.name,
      // Not a usable password: demo sign-ups are there to be approved or declined, not signed in with.
      passwordHash: null,
      profession: p.profession,
      workplaceOrganisationId: p.org ?? null,
      workplaceName: p.org ? null : (p.workplaceName ?? '訪問看護ステーション'),
      municipalityCode,
      createdAt: new Date(at.getTime() - p.hoursAgo * 3_600_000),
    });
  }
}
