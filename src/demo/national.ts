/**
 * National-scale fictional data for benchmarks: all 47 prefectures, about 21,000 children shared by
 * municipality weight, organisations and people in proportion, and two benchmark users per prefecture.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { hashPassword } from '../modules/accounts/password';
import { findMunicipality, PREFECTURES } from '../shared/municipalities';
import { generateNetwork, type NetworkSummary } from './generate';
import { insertInBatches } from './insert';
import { readablePassword } from './password';
import { MUNICIPALITY_WEIGHT } from './prefecture-plans';

/** Options of generateNational. */
export type NationalOptions = {
  seed: number;
  /** Children across Japan (default 21,000, about the national count of 医療的ケア児). */
  children?: number;
  /** Password of the benchmark users (default: a random one, returned in the result). */
  password?: string;
  /** Multiplier on services per region (default 1). */
  organisationScale?: number;
};

/** A benchmark user: centre staff for the whole prefecture, or municipal staff of its largest municipality. */
export type BenchUser = {
  prefectureCode: string;
  role: 'centre_staff' | 'municipal_staff';
  userId: string;
  email: string;
  municipalityCode: string | null;
};

/** The generated network plus the benchmark users and their shared password. No TOTP is enrolled. */
export type NationalSummary = NetworkSummary & { users: BenchUser[]; password: string };

/** Domain of the benchmark users' e-mail addresses. */
export const BENCH_EMAIL_DOMAIN = 'bench.tsunagu.example';

/**
 * Generates all 47 prefectures (regions chunked from each municipality list) and two users per prefecture
 * (`centre-staff-NN@…`, `municipal-staff-NN@…`) sharing one password hash.
 */
export async function generateNational(db: DbOrTx, opts: NationalOptions): Promise<NationalSummary> {
  const started = performance.now();
  const password = opts.password ?? readablePassword();
  const hash = await hashPassword(password);
  const summary = await generateNetwork(db, {
    seed: opts.seed,
    prefectureCodes: PREFECTURES.map((p) => p.code),
    childrenPerPrefecture: 'proportional',
    totalChildren: opts.children ?? 21_000,
    organisationScale: opts.organisationScale ?? 1,
  });

  const benchUsers: BenchUser[] = [];
  const rows: (typeof users.$inferInsert & { id: string })[] = [];
  for (const pref of summary.prefectures) {
    const codes = pref.regions.flatMap((r) => r.municipalityCodes);
    // The heaviest municipality (a designated city or a ward where there is one) gets the municipal user.
    const weight = (c: string) => MUNICIPALITY_WEIGHT[findMunicipality(c)!.kind];
    const largest = codes.reduce((best, c) => (weight(c) > weight(best) ? c : best), codes[0]!);
    for (const role of ['centre_staff', 'municipal_staff'] as const) {
      const id = randomUUID();
      const email = `${role.replace('_', '-')}-${pref.code}@${BENCH_EMAIL_DOMAIN}`;
      const municipalityCode = role === 'municipal_staff' ? largest : null;
      rows.push({
        id,
        prefectureCode: pref.code,
        email,
        displayName: `ベンチマーク ${role === 'centre_staff' ? 'センター職員' : '市町村職員'}（${pref.name}）`,
        passwordHash: hash,
        role,
        scopeMunicipalityCode: municipalityCode,
      });
      benchUsers.push({ prefectureCode: pref.code, role, userId: id, email, municipalityCode });
    }
  }
  await insertInBatches(db, users, rows);
  return { ...summary, users: benchUsers, password, ms: Math.round(performance.now() - started) };
}
