import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childCareItems, children } from '../../db/schema';
import { AppError } from '../../server/errors';
import { computeCareScore, validateCareItems } from '../../shared/care-score';
import { assertNotFuture } from './create-child';
import type { Changes, Writer } from './history';
import { blankToNull, type SetCareItemsInput } from './schemas-write';
import { beginChildWrite, finishChildWrite } from './write';

type ItemSummary = { code: string; watch: string; judgedOn: string | null; judgedBy: string | null };

const summary = (i: ItemSummary): ItemSummary => ({
  code: i.code,
  watch: i.watch,
  judgedOn: i.judgedOn,
  judgedBy: i.judgedBy,
});

/**
 * 400 naming each problem of a care item list (unknown code, a watch level the item does not define, a
 * code given twice), with the path items.<index>.<field> and the message in Japanese and English.
 */
export function assertCareItems(items: SetCareItemsInput['items']): void {
  const problems = validateCareItems(items);
  if (problems.length === 0) return;
  throw new AppError('validation_failed', {
    issues: problems.map((p) => ({
      path: `items.${p.index}.${p.field}`,
      message: `${p.message.ja} / ${p.message.en}`,
      ja: p.message.ja,
      en: p.message.en,
    })),
  });
}

/**
 * Replaces the child's care items and recomputes the care score and tier (never typed in). The history
 * entry holds the score, the tier and the item lists before and after. An empty list clears the score.
 */
export async function setCareItems(
  tx: DbOrTx,
  w: Writer,
  unverifiedChildId: string,
  input: SetCareItemsInput,
): Promise<string> {
  assertCareItems(input.items);
  input.items.forEach((item, i) => {
    assertNotFuture(item.judgedOn, w.today, `items.${i}.judgedOn`);
  });
  const locked = await beginChildWrite(tx, w, unverifiedChildId, 'edit', input.version);
  const before = await tx
    .select({
      code: childCareItems.code,
      watch: childCareItems.watch,
      judgedOn: childCareItems.judgedOn,
      judgedBy: childCareItems.judgedBy,
      systemNote: childCareItems.systemNote,
    })
    .from(childCareItems)
    .where(eq(childCareItems.childId, locked.id))
    .orderBy(asc(childCareItems.code));

  // A note the system wrote (where the item came from) stays with an item that stays on the list.
  const systemNotes = new Map(before.map((b) => [b.code, b.systemNote]));
  const rows = input.items.map((i) => ({
    childId: locked.id,
    code: i.code,
    watch: i.watch ?? ('low' as const),
    judgedOn: i.judgedOn ?? null,
    judgedBy: blankToNull(i.judgedBy) ?? null,
    note: blankToNull(i.note) ?? null,
    systemNote: systemNotes.get(i.code) ?? null,
    createdAt: w.at,
  }));
  const score = rows.length > 0 ? computeCareScore(rows) : null;
  await tx.delete(childCareItems).where(eq(childCareItems.childId, locked.id));
  if (rows.length > 0) await tx.insert(childCareItems).values(rows);
  const careScore = score?.total ?? null;
  const careTier = score?.tier ?? null;
  await tx.update(children).set({ careScore, careTier }).where(eq(children.id, locked.id));

  const after = rows.map(summary).sort((a, b) => a.code.localeCompare(b.code));
  // The score is always named, even when unchanged, so the history shows what the new list is worth.
  const changes: Changes = {
    careItems: [before.map(summary), after],
    careScore: [locked.careScore, careScore],
  };
  if (locked.careTier !== careTier) changes.careTier = [locked.careTier, careTier];
  await finishChildWrite(tx, w, locked, 'care_items', changes);
  return locked.id;
}
