/**
 * One municipality's page: where it stands (this 年度's and last 年度's maturity), each item's current value
 * with its source, day, who recorded it and version, and the named contact of each of the four divisions.
 * Five statements (the municipality, the current items, the contacts and one per 年度 of the history) and the
 * engagements module's summary.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalContacts, municipalMaturity, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Nendo } from '../../shared/nendo';
import { MATURITY_ITEMS } from '../../shared/vocab/municipalities';
import { DIVISIONS } from '../../shared/vocab/network';
import type { Actor } from '../access/actor';
import { engagementSummary } from '../engagements/summary';
import { maturityByNendo, maturityYear } from './maturity';
import type { MunicipalPolicy } from './policy';
import { visibleMunicipality } from './scope';

export async function municipalPage(
  db: DbOrTx,
  actor: Actor,
  policy: MunicipalPolicy,
  unverifiedCode: string,
  nendo: Nendo,
  today: string,
) {
  const m = await visibleMunicipality(db, policy, unverifiedCode);
  const [items, contacts, byNendo, engagement] = await Promise.all([
    currentMaturity(db, m.code),
    currentContacts(db, m.code),
    maturityByNendo(db, policy, [nendo - 1, nendo], m.code),
    engagementOf(db, actor, m.code, today),
  ]);
  const { regionOrder: _order, ...municipality } = m;
  return {
    municipality,
    canEdit: policy.edit,
    nendo,
    summary: {
      current: maturityYear(nendo, byNendo.get(nendo)?.get(m.code)),
      previous: maturityYear(nendo - 1, byNendo.get(nendo - 1)?.get(m.code)),
    },
    maturity: MATURITY_ITEMS.map((item) => ({ item, current: items.find((i) => i.item === item) ?? null })),
    contacts: DIVISIONS.map((division) => ({
      division,
      current: contacts.find((c) => c.division === division) ?? null,
    })),
    engagement,
  };
}

/**
 * The last engagement and the next four-division meeting due, read by the engagements module within its own
 * rules; a reader it refuses (or a municipality outside its area) sees the page without them.
 */
async function engagementOf(db: DbOrTx, actor: Actor, code: string, today: string) {
  try {
    return await engagementSummary(db, actor, code, today);
  } catch (e) {
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found')) return null;
    throw e;
  }
}

/** The current maturity items of a municipality (already scoped by the caller). */
export async function currentMaturity(db: DbOrTx, code: string) {
  const rows = await db
    .select({ m: municipalMaturity, name: users.displayName, role: users.role })
    .from(municipalMaturity)
    .innerJoin(users, eq(users.id, municipalMaturity.updatedBy))
    .where(eq(municipalMaturity.municipalityCode, code));
  return rows.map(({ m, name, role }) => ({
    item: m.item,
    status: m.status,
    options: m.options,
    note: m.note,
    source: m.source,
    sourceNote: m.sourceNote,
    asOf: m.asOf,
    updatedAt: m.updatedAt.toISOString(),
    updatedBy: { name, role },
    version: m.version,
  }));
}

/** The current contacts of a municipality, or one division's (already scoped by the caller). */
export async function currentContacts(db: DbOrTx, code: string, division?: string) {
  const rows = await db
    .select({ c: municipalContacts, name: users.displayName, role: users.role })
    .from(municipalContacts)
    .innerJoin(users, eq(users.id, municipalContacts.updatedBy))
    .where(
      and(
        eq(municipalContacts.municipalityCode, code),
        division ? eq(municipalContacts.division, division as (typeof DIVISIONS)[number]) : undefined,
      ),
    );
  return rows.map(({ c, name, role }) => ({
    division: c.division,
    sectionName: c.sectionName,
    personName: c.personName,
    phone: c.phone,
    email: c.email,
    note: c.note,
    source: c.source,
    sourceNote: c.sourceNote,
    asOf: c.asOf,
    updatedAt: c.updatedAt.toISOString(),
    updatedBy: { name, role },
    version: c.version,
  }));
}
