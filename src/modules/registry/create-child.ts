import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childConsents, childResidences, children, municipalities } from '../../db/schema';
import { AppError } from '../../server/errors';
import { compareIsoDates } from '../../shared/dates';
import { isValidMunicipalityCode } from '../../shared/municipality-code';
import { nameKeys } from '../../shared/names';
import type { Actor } from '../access/actor';
import type { Changes, Writer } from './history';
import { recordChildChange } from './history';
import { canCreateChild } from './policy';
import { blankToNull, type CreateChildInput } from './schemas-write';
import { isMunicipalityInScope } from './scope';

/**
 * Checks a municipality code for the actor's prefecture: a real code (check digit, reference list), then of
 * the same prefecture. 400 invalid_municipality_code / municipality_other_prefecture.
 */
export async function assertMunicipality(
  db: DbOrTx,
  prefectureCode: string,
  code: string,
  path = 'municipalityCode',
): Promise<{ code: string; name: string; prefectureCode: string }> {
  const bad = () =>
    new AppError('invalid_municipality_code', {
      issues: [{ path, message: code }],
      detail: { codes: [code] },
    });
  if (!isValidMunicipalityCode(code)) throw bad();
  const [m] = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      prefectureCode: municipalities.prefectureCode,
    })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (!m) throw bad();
  if (m.prefectureCode !== prefectureCode) {
    throw new AppError('municipality_other_prefecture', { issues: [{ path, message: code }] });
  }
  return m;
}

/** A date that must not lie after today (birth, decisions): 400 naming the field. */
export function assertNotFuture(iso: string | null | undefined, today: string, path: string): void {
  if (iso && compareIsoDates(iso, today) > 0) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path,
          message: `未来の日付は指定できません / the date cannot be in the future: ${iso}`,
          ja: '未来の日付は指定できません。',
          en: 'The date cannot be in the future.',
        },
      ],
    });
  }
}

/**
 * Creates a child record in a municipality of the actor's area: the record with its name match keys, the
 * open residence row, any consent decisions given, the history entry and the audit entry, in one
 * transaction. Returns the new child's id.
 */
export async function createChild(tx: DbOrTx, w: Writer, input: CreateChildInput): Promise<string> {
  const actor: Actor = w.actor;
  if (!canCreateChild(actor) || !actor.prefectureCode) throw new AppError('forbidden');
  const municipality = await assertMunicipality(tx, actor.prefectureCode, input.municipalityCode);
  if (!(await isMunicipalityInScope(tx, actor, municipality.code))) throw new AppError('forbidden');
  assertNotFuture(input.birthDate, w.today, 'birthDate');
  assertNotFuture(input.statusSince, w.today, 'statusSince');
  input.consents?.forEach((d, i) => {
    assertNotFuture(d.decidedOn, w.today, `consents.${i}.decidedOn`);
  });

  const values = {
    familyName: input.familyName,
    givenName: input.givenName,
    familyKana: input.familyKana,
    givenKana: input.givenKana,
    birthDate: input.birthDate,
    sex: input.sex,
    municipalityCode: municipality.code,
    address: blankToNull(input.address) ?? null,
    livingSituation: blankToNull(input.livingSituation) ?? null,
    status: input.status ?? 'at_home',
    statusSince: input.statusSince ?? (input.status ? w.today : null),
  };
  const [child] = await tx
    .insert(children)
    .values({
      ...values,
      prefectureCode: actor.prefectureCode,
      ...nameKeys(values),
      createdAt: w.at,
      updatedAt: w.at,
    })
    .returning({ id: children.id, prefectureCode: children.prefectureCode, version: children.version });
  await tx.insert(childResidences).values({
    childId: child!.id,
    municipalityCode: municipality.code,
    address: values.address,
    fromDate: w.today,
  });
  const consents = input.consents ?? [];
  if (consents.length > 0) {
    await tx.insert(childConsents).values(
      consents.map((d) => ({
        childId: child!.id,
        purpose: d.purpose,
        granted: d.granted,
        decidedOn: d.decidedOn,
        method: d.method,
        note: blankToNull(d.note) ?? null,
        recordedBy: actor.userId,
      })),
    );
  }
  const changes: Changes = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, [null, v]]),
  );
  if (consents.length > 0) changes.consents = [null, consents];
  await recordChildChange(tx, w, child!, child!.version, 'create', changes);
  return child!.id;
}
