/**
 * The demo deployment: on first start with an empty embedded database, generate 神奈川県 with about 300
 * fictional children and one sign-in per role, and hand the credentials to the start banner.
 */

import { sql } from 'drizzle-orm';
import { prefectures, users } from '../db/schema';
import { ROLE_INFO } from '../modules/access/roles';
import { sealSecret } from '../modules/accounts/crypto';
import { hashPassword } from '../modules/accounts/password';
import { generateTotpSecret } from '../modules/accounts/totp';
import type { Deps } from '../server/context';
import { accountSpecs, DEMO_ACCOUNT_COUNT } from './accounts';
import { seedApplicants } from './applications';
import { seedCensus } from './census';
import {
  DEMO_CHILDREN,
  DEMO_EMAIL_DOMAIN,
  DEMO_MUNICIPALITY,
  DEMO_PREFECTURE,
  DEMO_REGION,
  DEMO_SEED,
} from './constants';
import { generateConsultations } from './consultations';
import { seedCouncils } from './councils';
import { seedDisasterProfiles } from './disaster';
import { seedDisasterEvents } from './disaster-events';
import { seedElearning } from './elearning';
import { seedEngagements } from './engagements';
import { generateNetwork } from './generate';
import { seedGoodPractices } from './good-practices';
import { seedLearnerProfile, seedPendingSignUps } from './learners';
import { seedLibrary } from './library';
import { seedMailPreferences } from './mail-preferences';
import { markDemoDatabase } from './marker';
import { seedMunicipalPages } from './municipalities';
import { readablePassword } from './password';
import { resolveMunicipalityCode } from './prefecture-plans';
import { seedPublicSite } from './public-site';
import { seedRegionalIssues } from './regional-issues';
import { seedTrainingRequests } from './requests';
import { generateResources } from './resources';
import { seedCoordinatorRoster } from './roster';
import { seedSurveys } from './surveys';
import { generateTrainings } from './trainings';

export {
  DEMO_CHILDREN,
  DEMO_EMAIL_DOMAIN,
  DEMO_MUNICIPALITY,
  DEMO_PREFECTURE,
  DEMO_REGION,
  DEMO_SEED,
} from './constants';

/** A demo sign-in, printed once by the start banner. `totpSecret` (base32) is set for roles needing TOTP. */
export type DemoAccount = {
  role: string;
  label: string;
  email: string;
  password: string;
  totpSecret?: string;
};

/** Options of seedDemo. */
export type SeedDemoOptions = {
  /** Children in the demo prefecture (default DEMO_CHILDREN). */
  children?: number;
  /** 'random' (default): a new strong password per account; a string: that password for every account. */
  passwords?: 'random' | string;
  /** Data seed (default DEMO_SEED). */
  seed?: number;
};

/**
 * Seeds the demo when the `prefectures` table is empty and returns the demo accounts; returns null (and
 * touches nothing) when any prefecture exists.
 */
export async function seedDemoIfEmpty(deps: Omit<Deps, 'jobs'>): Promise<DemoAccount[] | null> {
  const [row] = await deps.db.systemDb.select({ n: sql<number>`count(*)::int` }).from(prefectures);
  if ((row?.n ?? 0) > 0) return null;
  deps.log.info('empty database: generating the fictional demo data (神奈川県)');
  return seedDemo(deps);
}

/**
 * Generates the demo prefecture and one user per role (plus a branch-limited centre staff user) in one
 * transaction. Tests pass a fixed password and fewer children.
 */
export async function seedDemo(deps: Omit<Deps, 'jobs'>, opts: SeedDemoOptions = {}): Promise<DemoAccount[]> {
  const passwords = opts.passwords ?? 'random';
  // Argon2 is slow by design: hash outside the transaction, and only once when all accounts share a password.
  const shared = passwords === 'random' ? null : { password: passwords, hash: await hashPassword(passwords) };
  const credentials = await Promise.all(
    Array.from({ length: DEMO_ACCOUNT_COUNT }, async () => {
      if (shared) return shared;
      const password = readablePassword();
      return { password, hash: await hashPassword(password) };
    }),
  );

  return deps.db.systemDb.transaction(async (tx) => {
    const summary = await generateNetwork(tx, {
      seed: opts.seed ?? DEMO_SEED,
      prefectureCodes: [DEMO_PREFECTURE],
      childrenPerPrefecture: opts.children ?? DEMO_CHILDREN,
    });
    // 社会資源: a few hundred fictional services across the prefecture's municipalities (src/demo/resources.ts).
    await generateResources(tx, {
      seed: opts.seed ?? DEMO_SEED,
      prefectureCodes: [DEMO_PREFECTURE],
      perPrefecture: 400,
      now: deps.now(),
    });
    const specs = await accountSpecs(tx, summary.prefectures[0]!);
    const accounts: DemoAccount[] = [];
    for (const [i, spec] of specs.entries()) {
      const { password, hash } = credentials[i]!;
      const totpSecret = ROLE_INFO[spec.role].requiresTotp ? generateTotpSecret() : undefined;
      const email = `${spec.key}@${DEMO_EMAIL_DOMAIN}`;
      const [user] = await tx
        .insert(users)
        .values({
          prefectureCode: spec.role === 'system_admin' ? null : DEMO_PREFECTURE,
          email,
          displayName: `デモ ${spec.label}`,
          passwordHash: hash,
          role: spec.role,
          ...spec.scope,
          personId: spec.personId ?? null,
          totpSecret: totpSecret ? sealSecret(totpSecret, deps.config.secret) : null,
          totpEnabledAt: totpSecret ? deps.now() : null,
        })
        .returning({ id: users.id });
      if (spec.learner) await seedLearnerProfile(tx, user!.id, DEMO_PREFECTURE, spec.learner, deps.now());
      accounts.push({
        role: spec.role,
        label: spec.label,
        email,
        password,
        ...(totpSecret ? { totpSecret } : {}),
      });
    }
    // 受講者: sign-ups waiting for the centre's confirmation (the learner accounts' profiles are written above).
    await seedPendingSignUps(
      tx,
      DEMO_PREFECTURE,
      resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      deps.now(),
    );
    // 相談: a few hundred fictional consultations, carried by the demo accounts' teams (src/demo/consultations.ts).
    await generateConsultations(tx, {
      seed: opts.seed ?? DEMO_SEED,
      prefectureCode: DEMO_PREFECTURE,
      count: 300,
      now: deps.now(),
    });
    // 研修: a training year owned by the HQ, the demo region's branch and the region (src/demo/trainings.ts).
    const pref = summary.prefectures[0]!;
    const demoRegion = pref.regions.find((r) => r.name === DEMO_REGION)!;
    const demoBranch = pref.branches.find((b) => b.regionIds.includes(demoRegion.id))!;
    await generateTrainings(tx, {
      prefectureCode: DEMO_PREFECTURE,
      branchId: demoBranch.id,
      branchName: demoBranch.name,
      regionId: demoRegion.id,
      regionName: demoRegion.name,
      now: deps.now(),
    });
    // 申し込み: applicants to the coordinator course, ready for a selection (src/demo/applications.ts).
    await seedApplicants(tx, {
      prefectureCode: DEMO_PREFECTURE,
      seed: opts.seed ?? DEMO_SEED,
      now: deps.now(),
    });
    // 研修の依頼: requests in every state, from the demo municipality, provider and a school (src/demo/requests.ts).
    await seedTrainingRequests(tx, {
      prefectureCode: DEMO_PREFECTURE,
      branchId: demoBranch.id,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      now: deps.now(),
    });
    // コーディネーター名簿: past coordinator courses completed, activity, pools, follow-up (src/demo/roster.ts).
    await seedCoordinatorRoster(tx, {
      prefectureCode: DEMO_PREFECTURE,
      seed: opts.seed ?? DEMO_SEED,
      now: deps.now(),
    });
    // eラーニング: a playable lesson video, captions, a handout and quizzes for the course above (src/demo/elearning.ts).
    await seedElearning(tx, { prefectureCode: DEMO_PREFECTURE, engine: deps.db.kind, now: deps.now() });
    // 市町村支援: a year of hearing visits, four-division meetings and the support log (src/demo/engagements.ts).
    await seedEngagements(tx, {
      prefectureCode: DEMO_PREFECTURE,
      seed: opts.seed ?? DEMO_SEED,
      now: deps.now(),
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
    });
    // 地域課題と社会資源の開発: issues at every level and projects at every stage (src/demo/regional-issues.ts).
    await seedRegionalIssues(tx, {
      prefectureCode: DEMO_PREFECTURE,
      regionId: demoRegion.id,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      now: deps.now(),
    });
    // 市町村カルテ: every municipality's maturity over two 年度 and its divisions' contacts (src/demo/municipalities.ts).
    await seedMunicipalPages(tx, {
      prefectureCode: DEMO_PREFECTURE,
      seed: opts.seed ?? DEMO_SEED,
      now: deps.now(),
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
    });
    // 協議の場: councils at each tier with a year of meetings, minutes and action items (src/demo/councils.ts).
    await seedCouncils(tx, {
      prefectureCode: DEMO_PREFECTURE,
      regionId: demoRegion.id,
      branchId: demoBranch.id,
      now: deps.now(),
    });
    // 好事例: anonymised stories, most published, some waiting for a second person's check (src/demo/good-practices.ts).
    await seedGoodPractices(tx, {
      prefectureCode: DEMO_PREFECTURE,
      regionId: demoRegion.id,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      now: deps.now(),
    });
    // 公開サイト: the centre's pages, a past notice and the demo municipality's first window (src/demo/public-site.ts).
    await seedPublicSite(tx, {
      prefectureCode: DEMO_PREFECTURE,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      now: deps.now(),
    });
    // 資料ライブラリ: forms, guides and links, two handed out on the coordinator's open cases (src/demo/library.ts).
    await seedLibrary(tx, {
      prefectureCode: DEMO_PREFECTURE,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      engine: deps.db.kind,
      now: deps.now(),
    });
    // アンケート: a parents' questionnaire by personal links, an anonymous training evaluation, a municipal survey (src/demo/surveys.ts).
    await seedSurveys(tx, {
      prefectureCode: DEMO_PREFECTURE,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      now: deps.now(),
    });
    // 実態把握: a municipality's own list and the board's, and a run to link on start (src/demo/census.ts).
    await seedCensus(tx, {
      prefectureCode: DEMO_PREFECTURE,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      centreEmail: `centre-admin@${DEMO_EMAIL_DOMAIN}`,
      municipalEmail: `municipal-staff@${DEMO_EMAIL_DOMAIN}`,
      now: deps.now(),
    });
    // 災害への備え: profiles of most electricity-dependent children, 藤沢市's plans recorded by its staff (src/demo/disaster.ts).
    await seedDisasterProfiles(tx, {
      prefectureCode: DEMO_PREFECTURE,
      seed: opts.seed ?? DEMO_SEED,
      now: deps.now(),
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      municipalEmail: `municipal-staff@${DEMO_EMAIL_DOMAIN}`,
    });
    // 停電・災害対応: an ended typhoon outage whose access review waits for sign-off, its safety checks, and the
    // directory's shelters and admissions (src/demo/disaster-events.ts).
    await seedDisasterEvents(tx, {
      prefectureCode: DEMO_PREFECTURE,
      municipalityCode: resolveMunicipalityCode(DEMO_PREFECTURE, DEMO_MUNICIPALITY),
      centreEmail: `centre-admin@${DEMO_EMAIL_DOMAIN}`,
      municipalEmail: `municipal-staff@${DEMO_EMAIL_DOMAIN}`,
      centreStaffEmail: `centre-staff@${DEMO_EMAIL_DOMAIN}`,
      now: deps.now(),
    });
    // お知らせのメール: a few accounts' choices, so the account page shows real ones (src/demo/mail-preferences.ts).
    await seedMailPreferences(tx, { domain: DEMO_EMAIL_DOMAIN, now: deps.now() });
    // The marker of a demo database: the role switch exists only where it is (src/demo/marker.ts).
    await markDemoDatabase(tx, { prefectureCode: DEMO_PREFECTURE, accounts, now: deps.now() });
    deps.log.info({ counts: summary.counts, ms: summary.ms }, 'demo data generated');
    return accounts;
  });
}
