/**
 * Data of `npm run bench:municipal`: Japan at national scale — all 47 prefectures and their 1,741 municipalities
 * with regions, centres and children (src/demo/national.ts, the registry benchmark's volume), consultations over
 * every municipality in proportion to its prefecture's share (bench/load-seed.ts's generator, the consultation
 * benchmark's volume), and, for every prefecture as the demo does for its own, the municipality pages' maturity
 * items with two 年度 of history and the divisions' contacts (src/demo/municipalities.ts) and a year of
 * engagements — hearing visits, four-division meetings on a cycle, the support log (src/demo/engagements.ts).
 * The reader is a whole-prefecture centre staff member of the given prefecture (TOTP enrolled, as the role needs).
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../src/db/client';
import { seedEngagements } from '../src/demo/engagements';
import { seedMunicipalPages } from '../src/demo/municipalities';
import { generateNational } from '../src/demo/national';
import { generateTotpSecret, makeUser } from '../src/test/factories';
import { generateConsultationRows } from './load-seed';

export type MunicipalSeedOptions = {
  /** The prefecture whose centre staff reads the pages. */
  readerPrefecture: string;
  children: number;
  consultations: number;
  /** TSUNAGU_SECRET of the server (the reader's TOTP seed is sealed with it). */
  secretKey: string;
  now: Date;
  /** Progress lines as the seeding goes. */
  log: (line: string) => void;
};

export type MunicipalSeed = {
  reader: { email: string; totpSecret: string };
  /** The reader's prefecture's municipality codes, in code order. */
  codes: string[];
  counts: Record<string, number>;
};

export async function seedMunicipal(db: DbOrTx, opts: MunicipalSeedOptions): Promise<MunicipalSeed> {
  const national = await generateNational(db, { seed: 1, children: opts.children });
  opts.log(`network, ${national.counts.children} children (${(national.ms / 1000).toFixed(0)} s)`);
  const munis = rowsOf<{ p: string; n: number; largest: string }>(
    await db.execute(sql`select prefecture_code p, count(*)::int n, max(code) largest
      from municipalities group by 1 order by 1`),
  );
  const total = munis.reduce((a, m) => a + m.n, 0);
  let t0 = performance.now();
  for (const m of munis) {
    await generateConsultationRows(db, m.p, Math.round((opts.consultations * m.n) / total));
  }
  opts.log(`consultations (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  t0 = performance.now();
  for (const m of munis) {
    // seedEngagements records as the prefecture's centre administrator and its whole-prefecture staff.
    await makeUser(db, 'centre_admin', { prefectureCode: m.p });
    const municipal = national.users.find((u) => u.prefectureCode === m.p && u.municipalityCode);
    const common = { prefectureCode: m.p, seed: 1, now: opts.now };
    const municipalityCode = municipal?.municipalityCode ?? m.largest;
    await seedMunicipalPages(db, { ...common, municipalityCode });
    await seedEngagements(db, { ...common, municipalityCode });
  }
  opts.log(`municipality pages and engagements (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  // As autovacuum leaves a bulk-loaded database in service: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);

  const totpSecret = generateTotpSecret();
  const reader = await makeUser(
    db,
    'centre_staff',
    { prefectureCode: opts.readerPrefecture, totpSecret },
    opts.secretKey,
  );
  const codes = rowsOf<{ code: string }>(
    await db.execute(
      sql`select code from municipalities where prefecture_code = ${opts.readerPrefecture} order by code`,
    ),
  ).map((r) => r.code);
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql`select (select count(*)::int from municipalities) municipalities,
      (select count(*)::int from children) children, (select count(*)::int from consultations) consultations,
      (select count(*)::int from municipal_maturity) maturity, (select count(*)::int from municipal_page_history) history,
      (select count(*)::int from engagements) engagements`),
  );
  return { reader: { email: reader.email, totpSecret }, codes, counts: counts! };
}
