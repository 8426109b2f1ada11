import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { prefectures } from '../../db/schema';
import { AppError } from '../../server/errors';
import { findPrefecture, PREFECTURE_NAMES_EN } from '../../shared/municipalities';
import { recordAudit } from '../audit/record';
import type { Who } from './support';

const prefectureColumns = { code: prefectures.code, name: prefectures.name, nameEn: prefectures.nameEn };

/** Tenants by code: every one ('all') or only the given codes. */
export async function listPrefectures(db: DbOrTx, which: 'all' | string[]) {
  if (which !== 'all' && which.length === 0) return [];
  const q = db.select(prefectureColumns).from(prefectures);
  return (which === 'all' ? q : q.where(inArray(prefectures.code, which))).orderBy(asc(prefectures.code));
}

/** Enables a prefecture as a tenant, named from the reference list; audited. 409 when already enabled. */
export async function enablePrefecture(tx: DbOrTx, who: Who, code: string) {
  const ref = findPrefecture(code);
  if (!ref)
    throw new AppError('validation_failed', { issues: [{ path: 'code', message: 'Not a prefecture code' }] });
  const [existing] = await tx.select(prefectureColumns).from(prefectures).where(eq(prefectures.code, code));
  if (existing) throw new AppError('duplicate');
  const [row] = await tx
    .insert(prefectures)
    .values({ code, name: ref.name, nameEn: PREFECTURE_NAMES_EN[code] ?? ref.name })
    .returning(prefectureColumns);
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'prefecture',
    entityIds: [code],
    detail: { event: 'enabled', name: ref.name },
    prefectureCode: code,
  });
  return row!;
}
