import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childResidences, children, municipalities } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { isValidMunicipalityCode } from '../../shared/municipality-code';
import { notify } from '../notifications/notify';
import type { ChildRow } from './child-access';
import { assertNotFuture } from './create-child';
import type { Changes, Writer } from './history';
import { blankToNull, type MoveChildInput } from './schemas-write';
import { shareMunicipalityGranted } from './scope';
import { beginChildWrite, finishChildWrite } from './write';

const issue = (path: string, ja: string, en: string) =>
  new AppError('validation_failed', { issues: [{ path, message: `${ja} / ${en}`, ja, en }] });

async function destinationOf(tx: DbOrTx, code: string) {
  const bad = () =>
    new AppError('invalid_municipality_code', {
      issues: [{ path: 'municipalityCode', message: code }],
      detail: { codes: [code] },
    });
  if (!isValidMunicipalityCode(code)) throw bad();
  const [m] = await tx
    .select({
      code: municipalities.code,
      name: municipalities.name,
      prefectureCode: municipalities.prefectureCode,
    })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (!m) throw bad();
  return m;
}

/**
 * Closes the current residence on the day of the move. A record without residence rows (imported before
 * residences were kept) gets its old residence written, closed, so that the old municipality keeps its view.
 */
async function closeResidence(tx: DbOrTx, child: ChildRow, movedOn: string): Promise<void> {
  const [open] = await tx
    .select({ id: childResidences.id, fromDate: childResidences.fromDate })
    .from(childResidences)
    .where(and(eq(childResidences.childId, child.id), isNull(childResidences.toDate)));
  if (open) {
    if (movedOn < open.fromDate) {
      throw issue(
        'movedOn',
        `転居日は現在の住所に住み始めた日（${open.fromDate}）以降にしてください。`,
        `The move cannot be dated before the current residence began (${open.fromDate}).`,
      );
    }
    await tx.update(childResidences).set({ toDate: movedOn }).where(eq(childResidences.id, open.id));
    return;
  }
  if (child.status === 'moved_out') return;
  const recorded = isoDateInJapan(child.createdAt);
  await tx.insert(childResidences).values({
    childId: child.id,
    municipalityCode: child.municipalityCode,
    address: child.address,
    fromDate: recorded < movedOn ? recorded : movedOn,
    toDate: movedOn,
  });
}

/**
 * Records a change of residence. Within the prefecture the record follows the child: the old residence is
 * closed, the new one opened, the record's municipality changes (so do the municipality and region that see
 * it) and the new municipality is notified; the old one keeps a view of the history up to the move. To
 * another prefecture the record stays here with status 'moved_out' and the destination in the history.
 */
export async function moveChild(
  tx: DbOrTx,
  w: Writer,
  unverifiedChildId: string,
  input: MoveChildInput,
): Promise<string> {
  assertNotFuture(input.movedOn, w.today, 'movedOn');
  const locked = await beginChildWrite(tx, w, unverifiedChildId, 'move', input.version);
  const dest = await destinationOf(tx, input.municipalityCode);
  const address = blankToNull(input.address) ?? null;
  if (dest.code === locked.municipalityCode && locked.status !== 'moved_out') {
    throw issue(
      'municipalityCode',
      '現在と同じ市区町村です。',
      'This is the municipality the child lives in now.',
    );
  }
  if (input.movedOn < locked.birthDate) {
    throw issue('movedOn', '転居日が生年月日より前です。', 'The move cannot be dated before the birth.');
  }
  await closeResidence(tx, locked, input.movedOn);
  const movedOn: [null, string] = [null, input.movedOn];

  if (dest.prefectureCode !== locked.prefectureCode) {
    const changes: Changes = {
      status: [locked.status, 'moved_out'],
      statusSince: [locked.statusSince, input.movedOn],
      destination: [
        null,
        { municipalityCode: dest.code, municipalityName: dest.name, prefectureCode: dest.prefectureCode },
      ],
      movedOn,
    };
    await tx
      .update(children)
      .set({ status: 'moved_out', statusSince: input.movedOn })
      .where(eq(children.id, locked.id));
    await finishChildWrite(tx, w, locked, 'move_out', changes);
    return locked.id;
  }

  const returning = locked.status === 'moved_out';
  await tx.insert(childResidences).values({
    childId: locked.id,
    municipalityCode: dest.code,
    address,
    fromDate: input.movedOn,
  });
  await tx
    .update(children)
    .set({
      municipalityCode: dest.code,
      address,
      ...(returning ? { status: 'at_home' as const, statusSince: input.movedOn } : {}),
    })
    .where(eq(children.id, locked.id));
  const changes: Changes = {
    municipalityCode: [locked.municipalityCode, dest.code],
    address: [locked.address, address],
    movedOn,
    ...(returning
      ? { status: [locked.status, 'at_home'], statusSince: [locked.statusSince, input.movedOn] }
      : {}),
  };
  await finishChildWrite(tx, w, locked, 'move', changes);
  await notifyMoveIn(tx, w, locked, dest, input.movedOn);
  return locked.id;
}

/**
 * Tells the new municipality a child moved in. The title never names the child; without the guardian's
 * consent to share with the municipality the notification does not even link the record.
 */
async function notifyMoveIn(
  tx: DbOrTx,
  w: Writer,
  child: ChildRow,
  dest: { code: string; name: string },
  movedOn: string,
): Promise<void> {
  const [from] = await tx
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, child.municipalityCode));
  const [consent] = await tx
    .select({ granted: sql<boolean>`${shareMunicipalityGranted()}` })
    .from(children)
    .where(eq(children.id, child.id));
  const granted = consent?.granted === true;
  const fromName = from?.name ?? child.municipalityCode;
  await notify(tx, {
    prefectureCode: child.prefectureCode,
    recipientMunicipalityCode: dest.code,
    kind: 'child_moved_in',
    text: {
      code: granted ? 'child_moved_in' : 'child_moved_in_withheld',
      params: { from: fromName, movedOn },
    },
    entityType: granted ? 'child' : null,
    entityId: granted ? child.id : null,
    data: { fromMunicipalityCode: child.municipalityCode, toMunicipalityCode: dest.code, movedOn },
    at: w.at,
  });
}
