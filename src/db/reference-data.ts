import { sql } from 'drizzle-orm';
import { MUNICIPALITIES } from '../shared/municipalities';
import type { SystemDb } from './client';
import { municipalities } from './schema';

/** Loads the municipality reference list; idempotent (skips when the table already holds every row). */
export async function loadReferenceData(db: SystemDb): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
  if ((row?.n ?? 0) === MUNICIPALITIES.length) return;
  for (let i = 0; i < MUNICIPALITIES.length; i += 500) {
    const batch = MUNICIPALITIES.slice(i, i + 500).map((m) => ({
      code: m.code,
      prefectureCode: m.code.slice(0, 2),
      name: m.name,
      kana: m.kana,
      kind: m.kind,
    }));
    await db
      .insert(municipalities)
      .values(batch)
      .onConflictDoUpdate({
        target: municipalities.code,
        set: { name: sql`excluded.name`, kana: sql`excluded.kana`, kind: sql`excluded.kind` },
      });
  }
}
