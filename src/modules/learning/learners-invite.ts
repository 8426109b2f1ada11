/**
 * Bulk invitation of learners from a list (.xlsx, or CSV in UTF-8 or CP932) with the columns name, email,
 * profession, workplace and municipality. The preview and the invitation read the list the same way; the
 * invitation is idempotent by address: the same list twice creates nobody twice (a learner who has not set a
 * password yet gets a fresh link, the old one dies; anyone who has an account is left alone). One transaction,
 * one audit entry naming every account touched.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { learnerProfiles, organisations, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { InviteRowOutcome } from '../../shared/vocab/learning-learners';
import type { Actor, RequestMeta } from '../access/actor';
import { issueToken } from '../accounts/tokens';
import { recordAudit } from '../audit/record';
import { parseCsv } from '../census/read/csv';
import { decodeText } from '../census/read/decode';
import { invitationUrl } from '../users/manage-user';
import {
  type ListRow,
  MAX_LIST_ROWS,
  organisationKey,
  readListRows,
  recogniseColumns,
} from './learners-invite-rows';

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The sheet's rows as texts: an .xlsx by its content (a zip), anything else as CSV text. */
async function sheetRows(buf: Buffer): Promise<string[][]> {
  if (!buf.length) throw new AppError('learner_list_unreadable');
  try {
    if (buf.subarray(0, 4).equals(XLSX_MAGIC)) {
      // exceljs loads only for a workbook (it is heavy).
      const { readXlsxRows } = await import('../census/read/xlsx');
      return await readXlsxRows(buf);
    }
    const { text } = decodeText(buf);
    const delimiter = text.split('\n', 1)[0]!.includes('\t') ? '\t' : ',';
    return parseCsv(text, delimiter);
  } catch {
    throw new AppError('learner_list_unreadable');
  }
}

export type PlannedRow = ListRow & { outcome: InviteRowOutcome; userId: string | null };

/** Reads the list and decides each row's outcome against the accounts that exist (nothing is written). */
export async function planInvitations(
  db: DbOrTx,
  prefectureCode: string,
  buf: Buffer,
): Promise<PlannedRow[]> {
  const [header = [], ...body] = await sheetRows(buf);
  const cols = recogniseColumns(header);
  if (!cols.ok) {
    throw new AppError('learner_list_columns', {
      issues: cols.missing.map((f) => ({ path: f, message: `Missing column / 列がありません: ${f}` })),
    });
  }
  const orgRows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.prefectureCode, prefectureCode));
  const orgs = new Map<string, string>();
  for (const o of orgRows) if (!orgs.has(organisationKey(o.name))) orgs.set(organisationKey(o.name), o.id);
  const rows = readListRows(body, cols.columns, { prefectureCode, organisations: orgs });
  if (rows.length > MAX_LIST_ROWS) throw new AppError('learner_list_too_long');
  const emails = rows.filter((r) => r.email).map((r) => r.email);
  const existing = new Map<
    string,
    { id: string; role: string; prefectureCode: string | null; hasPassword: boolean }
  >();
  for (let i = 0; i < emails.length; i += 500) {
    const found = await db
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        prefectureCode: users.prefectureCode,
        hash: users.passwordHash,
      })
      .from(users)
      .where(inArray(users.email, emails.slice(i, i + 500)));
    for (const u of found)
      existing.set(u.email, {
        id: u.id,
        role: u.role,
        prefectureCode: u.prefectureCode,
        hasPassword: u.hash !== null,
      });
  }
  return rows.map((r) => {
    if (r.issues.length) return { ...r, outcome: 'error', userId: null };
    const user = existing.get(r.email);
    if (!user) return { ...r, outcome: 'create', userId: null };
    // Only this prefecture's learners who never set a password get a new link; any other account is left alone.
    const reinvite = user.role === 'learner' && user.prefectureCode === prefectureCode && !user.hasPassword;
    return { ...r, outcome: reinvite ? 'invite_again' : 'exists', userId: user.id };
  });
}

/**
 * Invites the rows planned `create` or `invite_again`; the other rows change nothing. Answers every row, the
 * invited ones with their one-time link (shown once: the centre hands them over, or mail-merges them).
 */
export async function applyInvitations(
  tx: DbOrTx,
  who: { actor: Actor; meta: RequestMeta; at: Date },
  prefectureCode: string,
  buf: Buffer,
  fileName: string | null,
) {
  const planned = await planInvitations(tx, prefectureCode, buf);
  const out: (PlannedRow & { invitationUrl: string | null })[] = [];
  const touched: string[] = [];
  for (const row of planned) {
    let userId = row.userId;
    if (row.outcome === 'create') {
      const [created] = await tx
        .insert(users)
        .values({
          prefectureCode,
          email: row.email,
          displayName: row.name,
          passwordHash: null,
          role: 'learner',
        })
        .returning({ id: users.id });
      userId = created!.id;
      await tx.insert(learnerProfiles).values({
        userId,
        prefectureCode,
        profession: row.profession!,
        workplaceOrganisationId: row.workplaceOrganisationId,
        workplaceName: row.workplaceOrganisationId ? null : row.workplaceName,
        municipalityCode: row.municipalityCode,
        createdAt: who.at,
        updatedAt: who.at,
      });
    }
    if ((row.outcome === 'create' || row.outcome === 'invite_again') && userId) {
      const token = await issueToken(tx, userId, 'invitation', { createdBy: who.actor.userId, now: who.at });
      touched.push(userId);
      out.push({ ...row, userId, invitationUrl: invitationUrl(token) });
    } else out.push({ ...row, invitationUrl: null });
  }
  if (touched.length) {
    await recordAudit(tx, who, {
      action: 'configure',
      entityType: 'user',
      entityIds: touched,
      detail: {
        event: 'learners_invited',
        fileName,
        created: planned.filter((r) => r.outcome === 'create').length,
        invitedAgain: planned.filter((r) => r.outcome === 'invite_again').length,
      },
    });
  }
  return out;
}

/** The answer of a preview or an invitation: each row and the counts by outcome. */
export function invitePlanView(
  rows: (PlannedRow & { invitationUrl?: string | null })[],
  orgNames: ReadonlyMap<string, string>,
) {
  const counts = { create: 0, invite_again: 0, exists: 0, error: 0 };
  for (const r of rows) counts[r.outcome]++;
  return {
    rows: rows.map((r) => ({
      line: r.line,
      name: r.name,
      email: r.email,
      profession: r.profession,
      workplace: {
        organisationId: r.workplaceOrganisationId,
        organisationName: r.workplaceOrganisationId
          ? (orgNames.get(r.workplaceOrganisationId) ?? null)
          : null,
        name: r.workplaceOrganisationId ? null : r.workplaceName || null,
      },
      municipalityCode: r.municipalityCode,
      outcome: r.outcome,
      issues: r.issues,
      invitationUrl: r.invitationUrl ?? null,
    })),
    counts,
  };
}

/** Names of the organisations the rows matched. */
export async function organisationNames(db: DbOrTx, rows: readonly ListRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.workplaceOrganisationId).filter((x): x is string => Boolean(x)))];
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(found.map((o) => [o.id, o.name]));
}
