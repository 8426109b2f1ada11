/**
 * 研修の申し込み: applicants to the demo prefecture's capped coordinator course (MI-5), so that centre staff can
 * run the balanced selection on arrival — more applicants than seats, medical and welfare professionals from
 * every region, one region with medical applicants only (it gets no guarantee), and the demo learner accounts
 * among them (their page reads 申込済み). Fictional people at fictional workplaces; deterministic for a seed.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  learnerProfiles,
  regionMunicipalities,
  regions,
  trainingApplications,
  trainingCourses,
  trainingSessions,
  users,
} from '../db/schema';
import { PROFESSION_GROUP_OF, type Profession } from '../shared/vocab/learning';
import { pickAdultGivenName, pickFamilyName } from './names';
import { createRng, deriveSeed } from './random';

const MEDICAL: readonly (readonly [Profession, number])[] = [
  ['nurse', 6],
  ['public_health_nurse', 3],
  ['physical_therapist', 1],
  ['occupational_therapist', 1],
  ['speech_therapist', 1],
  ['physician', 1],
];
const WELFARE: readonly (readonly [Profession, number])[] = [
  ['support_specialist', 6],
  ['social_worker', 2],
  ['care_worker', 2],
  ['nursery_teacher', 2],
  ['teacher', 1],
  ['administrative_official', 2],
];
const WORKPLACES: Record<'medical' | 'welfare', readonly string[]> = {
  medical: [
    '訪問看護ステーション',
    '保健福祉事務所',
    '市立病院 地域連携室',
    'こども医療センター',
    'リハビリ訪問',
  ],
  welfare: [
    '相談支援事業所',
    '障害福祉課',
    '放課後等デイサービス',
    '保育園',
    '特別支援学校',
    '地域活動支援センター',
  ],
};

/** The open coordinator course session with a capacity (trainings.ts), or null when there is none. */
async function coordinatorSession(tx: DbOrTx, prefectureCode: string) {
  const [row] = await tx
    .select({
      id: trainingSessions.id,
      capacity: trainingSessions.capacity,
      opensAt: trainingSessions.applicationsOpenAt,
    })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        eq(trainingSessions.prefectureCode, prefectureCode),
        eq(trainingCourses.kind, 'coordinator_course'),
        eq(trainingSessions.status, 'open'),
        isNotNull(trainingSessions.capacity),
      ),
    )
    .orderBy(asc(trainingSessions.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Adds applicants to the coordinator course: about 1.8 per seat, spread over the regions by a falling weight
 * (the first region the busiest), each region mostly medical or mostly welfare, the last one medical only.
 * Returns how many applied.
 */
export async function seedApplicants(
  tx: DbOrTx,
  opts: { prefectureCode: string; seed: number; now: Date },
): Promise<number> {
  const session = await coordinatorSession(tx, opts.prefectureCode);
  if (!session?.capacity) return 0;
  const rng = createRng(deriveSeed(opts.seed, 'training-applicants'));
  const regionRows = await tx
    .select({ id: regions.id, code: regionMunicipalities.municipalityCode })
    .from(regions)
    .innerJoin(regionMunicipalities, eq(regionMunicipalities.regionId, regions.id))
    .where(and(eq(regions.prefectureCode, opts.prefectureCode), isNull(regionMunicipalities.validTo)))
    .orderBy(asc(regions.name), asc(regionMunicipalities.municipalityCode));
  const byRegion = new Map<string, string[]>();
  for (const r of regionRows) byRegion.set(r.id, [...(byRegion.get(r.id) ?? []), r.code]);
  const regionList = [...byRegion.entries()];
  if (regionList.length === 0) return 0;

  const opened = session.opensAt ?? opts.now;
  const spanMs = Math.max(opts.now.getTime() - opened.getTime(), 3_600_000);
  const appliedAt = () => new Date(opened.getTime() + Math.floor(rng.next() * spanMs));
  const apply = async (
    learnerUserId: string,
    profession: Profession,
    regionId: string | null,
    municipalityCode: string | null,
    workplace: string,
  ) => {
    const at = appliedAt();
    await tx.insert(trainingApplications).values({
      sessionId: session.id,
      prefectureCode: opts.prefectureCode,
      learnerUserId,
      profession,
      professionGroup: PROFESSION_GROUP_OF[profession],
      regionId,
      municipalityCode,
      workplace,
      status: 'applied',
      createdAt: at,
      updatedAt: at,
    });
  };

  // The demo learner accounts applied too (their "my learning" shows the application).
  const demoLearners = await tx
    .select({
      userId: learnerProfiles.userId,
      profession: learnerProfiles.profession,
      m: learnerProfiles.municipalityCode,
    })
    .from(learnerProfiles)
    .where(eq(learnerProfiles.prefectureCode, opts.prefectureCode))
    .orderBy(asc(learnerProfiles.userId));
  const regionOfMunicipality = new Map(regionRows.map((r) => [r.code, r.id]));
  for (const l of demoLearners) {
    const group = PROFESSION_GROUP_OF[l.profession];
    await apply(
      l.userId,
      l.profession,
      l.m ? (regionOfMunicipality.get(l.m) ?? null) : null,
      l.m,
      rng.pick(WORKPLACES[group]),
    );
  }

  const total = Math.round(session.capacity * 1.8) - demoLearners.length;
  const weights = regionList.map((_, i) => 1 / (i + 1.5));
  const last = regionList.length - 1;
  for (let n = 0; n < total; n++) {
    const i =
      n < regionList.length
        ? n
        : regionList.indexOf(rng.weighted(regionList.map((r, j) => [r, weights[j]!])));
    const [regionId, codes] = regionList[i]!;
    // Each region leans one way; the last region has medical applicants only (so no guarantee applies there).
    const medicalShare = i === last && regionList.length > 2 ? 1 : i % 2 === 0 ? 0.6 : 0.35;
    const profession = rng.chance(medicalShare) ? rng.weighted(MEDICAL) : rng.weighted(WELFARE);
    const sex = rng.chance(0.7) ? 'female' : 'male';
    const family = pickFamilyName(rng);
    const given = pickAdultGivenName(rng, sex);
    const [user] = await tx
      .insert(users)
      .values({
        prefectureCode: opts.prefectureCode,
        email: `applicant-${String(n + 1).padStart(3, '0')}@learner.demo.tsunagu.example`,
        displayName: `${family.kanji} ${given.kanji}`,
        // Not a usable account: these applicants are there to be selected, not signed in with.
        passwordHash: null,
        role: 'learner',
        createdAt: opts.now,
      })
      .returning({ id: users.id });
    const municipalityCode = rng.pick(codes);
    const workplace = rng.pick(WORKPLACES[PROFESSION_GROUP_OF[profession]]);
    await tx.insert(learnerProfiles).values({
      userId: user!.id,
      prefectureCode: opts.prefectureCode,
      profession,
      workplaceName: workplace,
      municipalityCode,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
    await apply(user!.id, profession, regionId, municipalityCode, workplace);
  }
  return total + demoLearners.length;
}
