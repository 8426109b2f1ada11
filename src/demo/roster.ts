/**
 * コーディネーター名簿とスーパーバイズの人材プール (docs/learning.md §7–8): two past sessions of the demo
 * prefecture's coordinator course (MI-5) with their selected participants, attendance and completions, so the
 * roster lists trained coordinators in every region; activity confirmed for some of them (active or not); a
 * follow-up session of this year attended by graduates; consultations later asked by some trained organisations
 * (the follow-up effect of the figures); and each centre's supervise pool (ME-2) with expertise tags. Fictional
 * people at fictional workplaces; deterministic for a seed and a date. The sessions, their attendance and
 * completions are written by roster-sessions.ts.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  centreRegions,
  centres,
  consultations,
  coordinatorStatuses,
  learnerProfiles,
  organisations,
  people,
  regionMunicipalities,
  regions,
  supervisePoolMembers,
  users,
} from '../db/schema';
import { addDays, isoDateInJapan } from '../shared/dates';
import { nendoOf } from '../shared/nendo';
import type { AskerKind } from '../shared/vocab/consultations';
import { PROFESSION_GROUP_OF, type Profession } from '../shared/vocab/learning';
import { SUPERVISE_EXPERTISE, type SuperviseExpertise } from '../shared/vocab/learning-roster';
import type { OrganisationKind } from '../shared/vocab/network';
import { pickAdultGivenName, pickFamilyName } from './names';
import { createRng, deriveSeed } from './random';
import {
  coordinatorCourse,
  type Learner,
  pastSession,
  seedFollowUpGraduates,
  WORKPLACE_NAMES,
} from './roster-sessions';

const PROFESSIONS: readonly (readonly [Profession, number])[] = [
  ['nurse', 5],
  ['public_health_nurse', 3],
  ['support_specialist', 6],
  ['social_worker', 2],
  ['physical_therapist', 1],
  ['nursery_teacher', 1],
  ['teacher', 1],
  ['administrative_official', 2],
];
/** The organisation kinds a coordinator may work at, and the asker kind of a consultation from each. */
const ASKER_OF: Partial<Record<OrganisationKind, AskerKind>> = {
  hospital: 'hospital',
  provider: 'provider',
  school: 'school',
  nursery: 'nursery',
  municipal_division: 'municipality',
};
const NOTES = ['相談支援専門員として継続中', '異動のため活動休止', '市の協議会に参加', null, null];

/**
 * Seeds the roster, the pools and the follow-up effect (see the file's comment). Needs the training year
 * (trainings.ts), the network's people and organisations, the consultations and a centre staff account.
 * Returns how many coordinators completed and how many pool members were added.
 */
export async function seedCoordinatorRoster(
  tx: DbOrTx,
  opts: { prefectureCode: string; seed: number; now: Date },
): Promise<{ coordinators: number; poolMembers: number }> {
  const pref = opts.prefectureCode;
  const course = await coordinatorCourse(tx, pref);
  const [recorder] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.prefectureCode, pref), inArray(users.role, ['centre_staff', 'centre_admin'])))
    .orderBy(asc(users.role), asc(users.email))
    .limit(1);
  if (!course || !recorder) return { coordinators: 0, poolMembers: 0 };
  const rng = createRng(deriveSeed(opts.seed, 'coordinator-roster'));
  const today = isoDateInJapan(opts.now);

  const regionRows = await tx
    .select({ id: regions.id, code: regionMunicipalities.municipalityCode })
    .from(regions)
    .innerJoin(regionMunicipalities, eq(regionMunicipalities.regionId, regions.id))
    .where(and(eq(regions.prefectureCode, pref), isNull(regionMunicipalities.validTo)))
    .orderBy(asc(regions.sortOrder), asc(regions.name), asc(regionMunicipalities.municipalityCode));
  const byRegion = new Map<string, string[]>();
  for (const r of regionRows) byRegion.set(r.id, [...(byRegion.get(r.id) ?? []), r.code]);
  const regionList = [...byRegion.entries()];
  if (regionList.length === 0) return { coordinators: 0, poolMembers: 0 };
  const orgRows = await tx
    .select({ id: organisations.id, kind: organisations.kind, m: organisations.municipalityCode })
    .from(organisations)
    .where(
      and(
        eq(organisations.prefectureCode, pref),
        inArray(organisations.kind, Object.keys(ASKER_OF) as OrganisationKind[]),
      ),
    )
    .orderBy(asc(organisations.municipalityCode), asc(organisations.name), asc(organisations.id));
  const orgsIn = new Map<string, { id: string; kind: OrganisationKind }[]>();
  for (const o of orgRows) if (o.m) orgsIn.set(o.m, [...(orgsIn.get(o.m) ?? []), o]);

  // Trained coordinators: every region at least once, then by a falling weight.
  let serial = 0;
  const makeLearners = async (count: number, cohort: string, at: Date) => {
    const out: (Learner & { profession: Profession; workplace: string; regionId: string | null })[] = [];
    const weights = regionList.map((_, i) => 1 / (i + 1.5));
    for (let n = 0; n < count; n++) {
      const [regionId, codes] =
        n < regionList.length ? regionList[n]! : rng.weighted(regionList.map((r, j) => [r, weights[j]!]));
      const municipalityCode = rng.pick(codes);
      const profession = rng.weighted(PROFESSIONS);
      const family = pickFamilyName(rng);
      const given = pickAdultGivenName(rng, rng.chance(0.7) ? 'female' : 'male');
      const orgs = orgsIn.get(municipalityCode) ?? [];
      const org = orgs.length > 0 && rng.chance(0.6) ? rng.pick(orgs) : null;
      const workplace = rng.pick(WORKPLACE_NAMES[PROFESSION_GROUP_OF[profession]]);
      serial++;
      const [user] = await tx
        .insert(users)
        .values({
          prefectureCode: pref,
          email: `coordinator-${cohort}-${String(serial).padStart(3, '0')}@learner.demo.tsunagu.example`,
          displayName: `${family.kanji} ${given.kanji}`,
          // Not a usable account: these coordinators are there to be listed, not signed in with.
          passwordHash: null,
          role: 'learner',
          createdAt: at,
        })
        .returning({ id: users.id });
      await tx.insert(learnerProfiles).values({
        userId: user!.id,
        prefectureCode: pref,
        profession,
        workplaceOrganisationId: org?.id ?? null,
        workplaceName: org ? null : workplace,
        municipalityCode,
        createdAt: at,
        updatedAt: at,
      });
      out.push({
        userId: user!.id,
        municipalityCode,
        organisationId: org?.id ?? null,
        profession,
        workplace,
        regionId,
      });
    }
    return out;
  };

  const place = 'かながわ県民センター 2階ホール（横浜市神奈川区鶴屋町2-24-2）';
  const cohorts = [
    { back: 665, count: 16, title: '養成研修（前々年度）' },
    { back: 300, count: 22, title: '養成研修（前年度）' },
  ];
  const trained: (Learner & { completedOn: string })[] = [];
  for (const c of cohorts) {
    const first = addDays(today, -c.back);
    const at = new Date(`${addDays(first, -60)}T09:00:00+09:00`);
    const learners = await makeLearners(c.count, String(nendoOf(first)), at);
    const done = await pastSession(tx, rng, {
      prefectureCode: pref,
      courseId: course.id,
      title: c.title,
      place,
      days: [first, addDays(first, 7)],
      dayParts: course.dayParts,
      learners,
      at,
      recorder: recorder.id,
      absent: () => rng.chance(0.12),
    });
    trained.push(...done.completed.map((l) => ({ ...l, completedOn: done.completedOn })));
  }

  // Activity confirmed for about two thirds of them, most active.
  for (const l of trained) {
    if (!rng.chance(0.65)) continue;
    await tx.insert(coordinatorStatuses).values({
      learnerUserId: l.userId,
      prefectureCode: pref,
      active: rng.chance(0.75),
      confirmedOn: addDays(today, -rng.int(5, 120)),
      confirmedBy: recorder.id,
      note: rng.pick(NOTES),
      updatedAt: opts.now,
    });
  }

  await seedFollowUpGraduates(tx, rng, { prefectureCode: pref, trained, regionRows, recorder, today });

  // Consultations later asked by trained organisations (up to three each, opened after the first completion).
  const firstOf = new Map<string, string>();
  for (const l of trained) {
    if (!l.organisationId) continue;
    const f = firstOf.get(l.organisationId);
    if (!f || l.completedOn < f) firstOf.set(l.organisationId, l.completedOn);
  }
  const kindOf = new Map(orgRows.map((o) => [o.id, o.kind]));
  const taken = new Set<string>();
  for (const [orgId, first] of firstOf) {
    const askerKind = ASKER_OF[kindOf.get(orgId)!];
    if (!askerKind) continue;
    const candidates = await tx
      .select({ id: consultations.id, openedOn: consultations.openedOn })
      .from(consultations)
      .where(
        and(
          eq(consultations.prefectureCode, pref),
          eq(consultations.askerKind, askerKind),
          isNull(consultations.askerOrganisationId),
        ),
      )
      .orderBy(asc(consultations.openedOn), asc(consultations.id));
    const later = candidates.filter((c) => String(c.openedOn) > first && !taken.has(c.id));
    for (const c of later.slice(0, rng.int(1, 3))) {
      taken.add(c.id);
      await tx.update(consultations).set({ askerOrganisationId: orgId }).where(eq(consultations.id, c.id));
    }
  }

  // Each centre's supervise pool: people of the network working in its regions, with expertise tags.
  const cs = await tx
    .select({ id: centres.id, kind: centres.kind })
    .from(centres)
    .where(eq(centres.prefectureCode, pref))
    .orderBy(asc(centres.kind), asc(centres.name));
  const personRows = await tx
    .select({ id: people.id, m: organisations.municipalityCode })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.prefectureCode, pref))
    .orderBy(asc(people.familyKana), asc(people.id));
  let poolMembers = 0;
  for (const c of cs) {
    const covered = new Set(
      c.kind === 'hq'
        ? regionRows.map((r) => r.code)
        : (
            await tx
              .select({ code: regionMunicipalities.municipalityCode })
              .from(centreRegions)
              .innerJoin(regionMunicipalities, eq(regionMunicipalities.regionId, centreRegions.regionId))
              .where(and(eq(centreRegions.centreId, c.id), isNull(regionMunicipalities.validTo)))
          ).map((r) => r.code),
    );
    const near = personRows.filter((p) => p.m && covered.has(p.m));
    const chosen = new Set<string>();
    const want = Math.min(near.length, rng.int(5, 8));
    while (chosen.size < want) chosen.add(rng.pick(near).id);
    for (const personId of chosen) {
      const tags = new Set<SuperviseExpertise>();
      const n = rng.int(1, 3);
      while (tags.size < n) tags.add(rng.pick(SUPERVISE_EXPERTISE));
      await tx.insert(supervisePoolMembers).values({
        prefectureCode: pref,
        centreId: c.id,
        personId,
        tags: SUPERVISE_EXPERTISE.filter((t) => tags.has(t)),
        createdAt: opts.now,
        updatedAt: opts.now,
      });
      poolMembers++;
    }
  }
  return { coordinators: trained.length, poolMembers };
}
