/**
 * The demo's sign-ins: who gets an account (one per role, a centre staff user limited to one branch, three
 * learners) and the scope of each, chosen from the generated network so that every account has work on arrival.
 */
import { and, asc, countDistinct, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { childAffiliations, organisations, people, type users } from '../db/schema';
import type { Division } from '../db/schema/network';
import type { Role } from '../modules/access/roles';
import { DEMO_MUNICIPALITY, DEMO_PREFECTURE, DEMO_REGION } from './constants';
import type { PrefectureSummary } from './generate';
import type { DemoLearner } from './learners';
import { resolveMunicipalityCode } from './prefecture-plans';

/** Demo accounts: one per role plus a centre staff user limited to one branch. */
export const DEMO_ACCOUNT_COUNT = 11;

export type AccountSpec = {
  role: Role;
  key: string;
  label: string;
  scope: Partial<
    Pick<typeof users.$inferInsert, 'scopeCentreId' | 'scopeRegionId' | 'scopeOrganisationId'>
  > & {
    scopeMunicipalityCode?: string;
    scopeDivision?: Division;
  };
  personId?: string | null;
  /** A learner account's profile. */
  learner?: DemoLearner;
};

/** Who gets a demo account, and the scope columns of each. */
export async function accountSpecs(tx: DbOrTx, pref: PrefectureSummary): Promise<AccountSpec[]> {
  const region = pref.regions.find((r) => r.name === DEMO_REGION);
  const branch = pref.branches.find((b) => region && b.regionIds.includes(region.id));
  if (!region || !branch) throw new Error(`demo: region ${DEMO_REGION} or its branch is missing`);
  const municipalityCode = resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY);
  const division = pref.disabilityDivisionIds[municipalityCode];
  // Prefer a provider of the demo region; with very few children there may be none, then any provider.
  const provider = (await busiestProvider(tx, region.municipalityCodes)) ?? (await busiestProvider(tx, null));
  if (!provider) throw new Error('demo: no provider has affiliated children');
  const regionalPerson = await firstPerson(tx, region.coreCentreId, 'regional');
  const municipalPerson = division ? await firstPerson(tx, division, 'municipal') : null;
  const specs: AccountSpec[] = [
    { role: 'system_admin', key: 'system-admin', label: 'システム管理者（個人データなし）', scope: {} },
    { role: 'centre_admin', key: 'centre-admin', label: 'センター管理者（神奈川県）', scope: {} },
    { role: 'centre_staff', key: 'centre-staff', label: 'センター職員（県全域）', scope: {} },
    {
      role: 'centre_staff',
      key: 'branch-staff',
      label: `センター職員（${branch.name}のみ）`,
      scope: { scopeCentreId: branch.id },
    },
    {
      role: 'regional_coordinator',
      key: 'regional-coordinator',
      label: `圏域コーディネーター（${region.name}）`,
      scope: { scopeRegionId: region.id },
      personId: regionalPerson,
    },
    {
      role: 'municipal_staff',
      key: 'municipal-staff',
      label: `市町村職員（${DEMO_MUNICIPALITY} 障害福祉課）`,
      scope: { scopeMunicipalityCode: municipalityCode, scopeDivision: 'disability_welfare' },
      personId: municipalPerson,
    },
    {
      role: 'provider_staff',
      key: 'provider-staff',
      label: `事業所職員（${provider.name}）`,
      scope: { scopeOrganisationId: provider.id },
    },
    { role: 'auditor', key: 'auditor', label: '監査担当（閲覧のみ）', scope: {} },
    // Learners of the Learning module: no scope, no child's data; their profiles are seeded with the courses.
    {
      role: 'learner',
      key: 'learner-nurse',
      label: `受講者（看護師・${provider.name}）`,
      scope: {},
      learner: { profession: 'nurse', workplaceOrganisationId: provider.id, municipalityCode },
    },
    {
      role: 'learner',
      key: 'learner-teacher',
      label: `受講者（教員・${DEMO_MUNICIPALITY}）`,
      scope: {},
      learner: {
        profession: 'teacher',
        workplaceName: `${DEMO_MUNICIPALITY}立しおさい小学校`,
        municipalityCode,
      },
    },
    {
      role: 'learner',
      key: 'learner-nursery',
      label: `受講者（保育士・${DEMO_MUNICIPALITY}）`,
      scope: {},
      learner: { profession: 'nursery_teacher', workplaceName: 'なぎさ保育園', municipalityCode },
    },
  ];
  if (specs.length !== DEMO_ACCOUNT_COUNT) throw new Error('demo: DEMO_ACCOUNT_COUNT is out of date');
  return specs;
}

/** The provider of the region serving the most children now (so the provider account sees someone). */
async function busiestProvider(
  tx: DbOrTx,
  municipalityCodes: string[] | null,
): Promise<{ id: string; name: string } | null> {
  const served = countDistinct(childAffiliations.childId);
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name, n: served })
    .from(organisations)
    .innerJoin(childAffiliations, eq(childAffiliations.organisationId, organisations.id))
    .where(
      and(
        eq(organisations.prefectureCode, DEMO_PREFECTURE),
        eq(organisations.kind, 'provider'),
        municipalityCodes ? inArray(organisations.municipalityCode, municipalityCodes) : undefined,
        isNull(childAffiliations.endedOn),
      ),
    )
    .groupBy(organisations.id, organisations.name)
    .orderBy(desc(served), asc(organisations.name))
    .limit(1);
  return row ? { id: row.id, name: row.name } : null;
}

async function firstPerson(
  tx: DbOrTx,
  organisationId: string,
  tier: 'municipal' | 'regional',
): Promise<string | null> {
  const [row] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.coordinatorTier, tier)))
    .orderBy(asc(people.email))
    .limit(1);
  return row?.id ?? null;
}
