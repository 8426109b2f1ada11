/**
 * The history of a municipality's page: every change to its maturity items and contacts, newest first, with
 * its value, source, the day it held and who made it in which role. One statement on the history's index.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalPageHistory, users } from '../../db/schema';
import type { MunicipalPolicy } from './policy';
import { visibleMunicipality } from './scope';

/** At most this many entries are returned (a page's items change a few times a year). */
export const HISTORY_LIMIT = 500;

export async function municipalHistory(
  db: DbOrTx,
  policy: MunicipalPolicy,
  unverifiedCode: string,
  filter: { subject?: 'maturity' | 'contact' | undefined; item?: string | undefined },
) {
  const m = await visibleMunicipality(db, policy, unverifiedCode);
  const h = municipalPageHistory;
  const rows = await db
    .select({ h, name: users.displayName })
    .from(h)
    .innerJoin(users, eq(users.id, h.changedBy))
    .where(
      and(
        eq(h.municipalityCode, m.code),
        filter.subject ? eq(h.subject, filter.subject) : undefined,
        filter.item ? eq(h.item, filter.item) : undefined,
      ),
    )
    .orderBy(desc(h.id))
    .limit(HISTORY_LIMIT);
  return {
    municipality: m,
    entries: rows.map(({ h: r, name }) => ({
      id: r.id,
      subject: r.subject,
      item: r.item,
      status: r.status,
      options: r.options,
      contact: r.contact ?? null,
      note: r.note,
      source: r.source,
      sourceNote: r.sourceNote,
      asOf: r.asOf,
      version: r.version,
      changedAt: r.changedAt.toISOString(),
      changedBy: { name, role: r.changedByRole },
    })),
  };
}
