/**
 * The demo database's marker (migration 0034): the demo seeding calls this once, inside its own transaction,
 * after creating the demo accounts. Nothing else writes these tables, so a production database — seeded by
 * no one — never has the marker, and a user an administrator adds later is never among the demo accounts.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { demoAccounts, demoDatabase } from '../db/schema/demo';

export async function markDemoDatabase(
  tx: DbOrTx,
  opts: { prefectureCode: string; accounts: readonly { email: string; label: string }[]; now: Date },
): Promise<void> {
  const emails = opts.accounts.map((a) => a.email);
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  await tx.insert(demoDatabase).values({ prefectureCode: opts.prefectureCode, seededAt: opts.now });
  await tx.insert(demoAccounts).values(
    opts.accounts.map((a, position) => {
      const userId = idOf.get(a.email);
      if (!userId) throw new Error(`demo: the account ${a.email} was not created`);
      return { userId, position, label: a.label };
    }),
  );
}
