import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childResidences, children } from '../../db/schema';
import { nameKeys } from '../../shared/names';
import { reachChildFor } from './child-access';
import { assertNotFuture } from './create-child';
import { diffFields, type Writer } from './history';
import { blankToNull, type UpdateChildInput } from './schemas-write';
import { beginChildWrite, conflictError, finishChildWrite } from './write';

/**
 * Changes the record's own fields (PATCH). Only fields that really change are written and kept in the
 * history as {field: [before, after]}; a request changing nothing leaves the version as it is. A status
 * change without a date takes today as its date. Names keep their match keys up to date.
 */
export async function updateChild(
  tx: DbOrTx,
  w: Writer,
  unverifiedChildId: string,
  input: UpdateChildInput,
): Promise<string> {
  const { version, ...fields } = input;
  const requested: Record<string, unknown> = {
    ...fields,
    address: blankToNull(fields.address),
    livingSituation: blankToNull(fields.livingSituation),
  };
  assertNotFuture(fields.birthDate, w.today, 'birthDate');

  const before = await reachChildFor(tx, w.actor, unverifiedChildId, 'edit');
  if (before.version !== version) throw await conflictError(tx, w.actor, before.id, version, w.today);
  const changes = diffFields(before, requested);
  if (changes.status && fields.statusSince === undefined && before.statusSince !== w.today) {
    changes.statusSince = [before.statusSince, w.today];
  }
  if (Object.keys(changes).length === 0) return before.id;
  if (changes.statusSince?.[1] && typeof changes.statusSince[1] === 'string') {
    assertNotFuture(changes.statusSince[1], w.today, 'statusSince');
  }

  const locked = await beginChildWrite(tx, w, before.id, 'edit', version);
  const set = Object.fromEntries(Object.entries(changes).map(([k, [, after]]) => [k, after])) as Partial<
    typeof children.$inferInsert
  >;
  const names = { ...locked, ...set } as typeof locked;
  if (changes.familyName || changes.givenName || changes.familyKana || changes.givenKana) {
    Object.assign(set, nameKeys(names));
  }
  await tx.update(children).set(set).where(eq(children.id, locked.id));
  if (changes.address) {
    // The address lives on the current residence row too.
    await tx
      .update(childResidences)
      .set({ address: set.address ?? null })
      .where(and(eq(childResidences.childId, locked.id), isNull(childResidences.toDate)));
  }
  await finishChildWrite(tx, w, locked, 'update', changes);
  return locked.id;
}
