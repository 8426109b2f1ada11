/**
 * Changes to a municipality's page: one maturity item or one division's contact at a time, inside the writer's
 * area (404 outside it), by a role that keeps pages (403 otherwise), under optimistic locking (409 with the value
 * as it is now on a stale version), each with its history entry and audit entry in the same transaction. The
 * history names who made the change and in which role, so a municipality's own edits show as theirs.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalContacts, municipalMaturity, municipalPageHistory } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import {
  type FactSource,
  isMaturityItem,
  MATURITY_OPTIONS,
  MATURITY_STATUSES,
  type MaturityItem,
} from '../../shared/vocab/municipalities';
import { DIVISIONS, type Division } from '../../shared/vocab/network';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { currentContacts, currentMaturity } from './page';
import type { MunicipalPolicy } from './policy';
import { visibleMunicipality } from './scope';

export type Who = { actor: Actor; meta: RequestMeta | null; at: Date };

type SourceInput = { source: FactSource; sourceNote?: string | null; asOf: string; version: number };
export type MaturityInput = SourceInput & { status: string; options?: string[]; note?: string | null };
export type ContactInput = SourceInput & {
  sectionName: string;
  personName?: string | null;
  phone?: string | null;
  email?: string | null;
  note?: string | null;
};

/** The earliest day a fact may be dated (the support law came into force in 2021; older plans still count). */
const EARLIEST = '2000-04-01';

function invalid(path: string, ja: string, en: string): never {
  throw new AppError('validation_failed', { issues: [{ path, message: `${ja} / ${en}`, ja, en }] });
}

function checkAsOf(asOf: string, at: Date) {
  if (asOf > isoDateInJapan(at))
    invalid('asOf', '未来の日付は指定できません。', 'The date cannot be in the future.');
  if (asOf < EARLIEST)
    invalid('asOf', '2000年4月以降の日付を指定してください。', 'Give a date from April 2000 on.');
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

async function writable(tx: DbOrTx, policy: MunicipalPolicy, unverifiedCode: string) {
  const m = await visibleMunicipality(tx, policy, unverifiedCode);
  if (!policy.edit) throw new AppError('forbidden');
  return m;
}

/** Sets one maturity item of a municipality; returns it as it is now. */
export async function setMaturity(
  tx: DbOrTx,
  who: Who,
  policy: MunicipalPolicy,
  unverifiedCode: string,
  unverifiedItem: string,
  input: MaturityInput,
) {
  const m = await writable(tx, policy, unverifiedCode);
  if (!isMaturityItem(unverifiedItem)) throw new AppError('not_found');
  const item: MaturityItem = unverifiedItem;
  const issues: ErrorIssue[] = [];
  if (!(MATURITY_STATUSES[item] as readonly string[]).includes(input.status)) {
    const ja = 'この項目には選べない状況です。';
    const en = 'This status does not belong to this item.';
    issues.push({ path: 'status', message: `${ja} / ${en}`, ja, en });
  }
  const options = [...new Set(input.options ?? [])];
  if (options.some((o) => !(MATURITY_OPTIONS[item] as readonly string[]).includes(o))) {
    const ja = 'この項目には選べない内容が含まれています。';
    const en = 'An option does not belong to this item.';
    issues.push({ path: 'options', message: `${ja} / ${en}`, ja, en });
  }
  if (issues.length) throw new AppError('validation_failed', { issues });
  checkAsOf(input.asOf, who.at);
  const before = (await currentMaturity(tx, m.code)).find((r) => r.item === item) ?? null;
  const values = {
    status: input.status,
    options,
    note: blank(input.note),
    source: input.source,
    sourceNote: blank(input.sourceNote),
    asOf: input.asOf,
    updatedBy: who.actor.userId,
    updatedAt: who.at,
  };
  const key = and(eq(municipalMaturity.municipalityCode, m.code), eq(municipalMaturity.item, item));
  const written =
    input.version === 0
      ? await tx
          .insert(municipalMaturity)
          .values({ municipalityCode: m.code, item, prefectureCode: m.code.slice(0, 2), ...values })
          .onConflictDoNothing()
          .returning({ version: municipalMaturity.version })
      : await tx
          .update(municipalMaturity)
          .set({ ...values, version: sql`${municipalMaturity.version} + 1` })
          .where(and(key, eq(municipalMaturity.version, input.version)))
          .returning({ version: municipalMaturity.version });
  if (written.length === 0) throw new AppError('conflict', { detail: { current: before } });
  const version = written[0]!.version;
  await tx.insert(municipalPageHistory).values({
    prefectureCode: m.code.slice(0, 2),
    municipalityCode: m.code,
    subject: 'maturity',
    item,
    status: values.status,
    options,
    note: values.note,
    source: values.source,
    sourceNote: values.sourceNote,
    asOf: values.asOf,
    version,
    changedBy: who.actor.userId,
    changedByRole: who.actor.role,
    changedAt: who.at,
  });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'municipal_maturity',
    entityIds: [m.code],
    detail: {
      item,
      status: { from: before?.status ?? null, to: values.status },
      source: values.source,
      version,
    },
  });
  return (await currentMaturity(tx, m.code)).find((r) => r.item === item)!;
}

/** Sets the named contact of one of a municipality's four divisions; returns it as it is now. */
export async function setContact(
  tx: DbOrTx,
  who: Who,
  policy: MunicipalPolicy,
  unverifiedCode: string,
  unverifiedDivision: string,
  input: ContactInput,
) {
  const m = await writable(tx, policy, unverifiedCode);
  if (!(DIVISIONS as readonly string[]).includes(unverifiedDivision)) throw new AppError('not_found');
  const division = unverifiedDivision as Division;
  checkAsOf(input.asOf, who.at);
  const [before = null] = await currentContacts(tx, m.code, division);
  const contact = {
    sectionName: input.sectionName.trim(),
    personName: blank(input.personName),
    phone: blank(input.phone),
    email: blank(input.email),
  };
  const values = {
    ...contact,
    note: blank(input.note),
    source: input.source,
    sourceNote: blank(input.sourceNote),
    asOf: input.asOf,
    updatedBy: who.actor.userId,
    updatedAt: who.at,
  };
  const key = and(eq(municipalContacts.municipalityCode, m.code), eq(municipalContacts.division, division));
  const written =
    input.version === 0
      ? await tx
          .insert(municipalContacts)
          .values({ municipalityCode: m.code, division, prefectureCode: m.code.slice(0, 2), ...values })
          .onConflictDoNothing()
          .returning({ version: municipalContacts.version })
      : await tx
          .update(municipalContacts)
          .set({ ...values, version: sql`${municipalContacts.version} + 1` })
          .where(and(key, eq(municipalContacts.version, input.version)))
          .returning({ version: municipalContacts.version });
  if (written.length === 0) throw new AppError('conflict', { detail: { current: before } });
  const version = written[0]!.version;
  await tx.insert(municipalPageHistory).values({
    prefectureCode: m.code.slice(0, 2),
    municipalityCode: m.code,
    subject: 'contact',
    item: division,
    contact,
    note: values.note,
    source: values.source,
    sourceNote: values.sourceNote,
    asOf: values.asOf,
    version,
    changedBy: who.actor.userId,
    changedByRole: who.actor.role,
    changedAt: who.at,
  });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'municipal_contact',
    entityIds: [m.code],
    detail: { division, source: values.source, version },
  });
  const [after] = await currentContacts(tx, m.code, division);
  return after!;
}
