import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  childAffiliations,
  childCareTeam,
  childDevices,
  childDiagnoses,
  childGuardians,
  childHandbooks,
  childPhysicians,
  organisations,
} from '../../db/schema';
import type { DeviceKind } from '../../db/schema/registry';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { checkCareTeamMember } from './care-team';
import { type ChildRow, reachChildFor } from './child-access';
import { assertNotFuture } from './create-child';
import type { Writer } from './history';
import {
  ZAddAffiliationRequest,
  ZAddCareTeamMemberRequest,
  ZAddDeviceRequest,
  ZAddDiagnosisRequest,
  ZAddGuardianRequest,
  ZAddHandbookRequest,
  ZAddPhysicianRequest,
  ZUpdateAffiliationRequest,
  ZUpdateCareTeamMemberRequest,
  ZUpdateDeviceRequest,
  ZUpdateDiagnosisRequest,
  ZUpdateGuardianRequest,
  ZUpdateHandbookRequest,
  ZUpdatePhysicianRequest,
} from './schemas-collections';
import { blankToNull } from './schemas-write';
import { beginChildWrite, conflictError, finishChildWrite } from './write';

/** Device kinds that stop without mains power (disaster planning lists them); the default of needsMains. */
export const MAINS_POWERED_DEVICES: ReadonlySet<DeviceKind> = new Set<DeviceKind>([
  'ventilator',
  'oxygen_concentrator',
  'suction_unit',
  'feeding_pump',
  'infusion_pump',
  'cough_assist',
  'nebulizer',
  'electric_bed',
]);

type Row = Record<string, unknown>;
type ChildListTable = PgTable & { id: PgColumn; childId: PgColumn };

/** One list of the child record: its path, table, request schemas and the checks its rows need. */
export type CollectionSpec = {
  /** History key and the record's field. */
  name: 'guardians' | 'diagnoses' | 'physicians' | 'devices' | 'handbooks' | 'affiliations' | 'careTeam';
  /** Path segment under /api/children/{id}/. */
  path: string;
  /** For OpenAPI summaries. */
  en: string;
  ja: string;
  table: ChildListTable;
  add: z.ZodType<{ version: number } & Row>;
  update: z.ZodType<{ version: number } & Row>;
  /** Fills defaults of a new row (e.g. needsMains by device kind). */
  defaults?: (row: Row) => Row;
  /** Checks a row as it will be stored (after an update: old values merged with the new ones). */
  check?: (tx: DbOrTx, w: Writer, child: ChildRow, row: Row) => Promise<void>;
};

const dateOrderIssue = (path: string) =>
  new AppError('validation_failed', {
    issues: [
      {
        path,
        message: '終了日は開始日以降にしてください / the end date must not be before the start date',
        ja: '終了日は開始日以降にしてください。',
        en: 'The end date must not be before the start date.',
      },
    ],
  });

/** An organisation referred to by a row must be of the child's prefecture: 404 otherwise (never revealed). */
async function assertOrganisation(tx: DbOrTx, child: ChildRow, organisationId: unknown): Promise<void> {
  if (organisationId === null || organisationId === undefined) return;
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, String(organisationId)),
        eq(organisations.prefectureCode, child.prefectureCode),
      ),
    );
  if (!org)
    throw new AppError('not_found', {
      issues: [{ path: 'organisationId', message: String(organisationId) }],
    });
}

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'guardians',
    path: 'guardians',
    en: 'guardian',
    ja: '保護者・連絡先',
    table: childGuardians,
    add: ZAddGuardianRequest,
    update: ZUpdateGuardianRequest,
  },
  {
    name: 'diagnoses',
    path: 'diagnoses',
    en: 'diagnosis',
    ja: '診断名',
    table: childDiagnoses,
    add: ZAddDiagnosisRequest,
    update: ZUpdateDiagnosisRequest,
  },
  {
    name: 'physicians',
    path: 'physicians',
    en: 'attending hospital or physician',
    ja: '主治医・医療機関',
    table: childPhysicians,
    add: ZAddPhysicianRequest,
    update: ZUpdatePhysicianRequest,
    check: (tx, _w, child, row) => assertOrganisation(tx, child, row.organisationId),
  },
  {
    name: 'devices',
    path: 'devices',
    en: 'medical device',
    ja: '医療機器',
    table: childDevices,
    add: ZAddDeviceRequest,
    update: ZUpdateDeviceRequest,
    defaults: (row) => ({
      ...row,
      needsMains: row.needsMains ?? MAINS_POWERED_DEVICES.has(row.kind as DeviceKind),
    }),
  },
  {
    name: 'handbooks',
    path: 'handbooks',
    en: 'disability handbook',
    ja: '障害者手帳',
    table: childHandbooks,
    add: ZAddHandbookRequest,
    update: ZUpdateHandbookRequest,
    check: async (_tx, w, _child, row) => assertNotFuture(row.issuedOn as string | null, w.today, 'issuedOn'),
  },
  {
    name: 'affiliations',
    path: 'affiliations',
    en: 'affiliation (nursery, school, service …)',
    ja: '所属・利用先',
    table: childAffiliations,
    add: ZAddAffiliationRequest,
    update: ZUpdateAffiliationRequest,
    check: async (tx, _w, child, row) => {
      await assertOrganisation(tx, child, row.organisationId);
      if (row.endedOn && String(row.endedOn) < String(row.startedOn)) throw dateOrderIssue('endedOn');
    },
  },
  {
    name: 'careTeam',
    path: 'care-team',
    en: 'care team member (key coordinator, visiting nurse, teacher …)',
    ja: '支援チームのメンバー',
    table: childCareTeam,
    add: ZAddCareTeamMemberRequest,
    update: ZUpdateCareTeamMemberRequest,
    check: (tx, _w, child, row) => checkCareTeamMember(tx, child, row),
  },
];

/** Blank optional text → null, and drops what was not given; `version` is not a field of the row. */
function fieldsOf(input: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'version' || v === undefined) continue;
    out[k] = typeof v === 'string' ? (blankToNull(v) ?? null) : v;
  }
  return out;
}

/** A stored row without bookkeeping columns, for the history. */
function historyRow(row: Row): Row {
  const { childId: _c, createdAt: _t, ...rest } = row;
  return rest;
}

// The list tables share `id` and `child_id`; Drizzle cannot type an insert or update over a union of tables.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyTable = any;

/** Adds a row to a list of the record (the record's version moves on; history and audit written). */
export async function addToCollection(
  tx: DbOrTx,
  w: Writer,
  spec: CollectionSpec,
  unverifiedChildId: string,
  input: { version: number } & Row,
): Promise<string> {
  const locked = await beginChildWrite(tx, w, unverifiedChildId, 'edit', input.version);
  const values = (spec.defaults ?? ((r) => r))(fieldsOf(input));
  await spec.check?.(tx, w, locked, values);
  const [row] = (await tx
    .insert(spec.table as AnyTable)
    .values({ ...values, childId: locked.id, createdAt: w.at })
    .returning()) as Row[];
  await finishChildWrite(tx, w, locked, `${spec.name}.add`, { [spec.name]: [null, historyRow(row!)] });
  return locked.id;
}

async function findRow(tx: DbOrTx, spec: CollectionSpec, childId: string, unverifiedSubId: string) {
  if (!isUuid(unverifiedSubId)) throw new AppError('not_found');
  const [row] = (await tx
    .select()
    .from(spec.table as AnyTable)
    .where(and(eq(spec.table.id, unverifiedSubId), eq(spec.table.childId, childId)))) as Row[];
  if (!row) throw new AppError('not_found');
  return row;
}

/** Changes one row of a list; only the fields given. */
export async function updateInCollection(
  tx: DbOrTx,
  w: Writer,
  spec: CollectionSpec,
  unverifiedChildId: string,
  unverifiedSubId: string,
  input: { version: number } & Row,
): Promise<string> {
  const set = fieldsOf(input);
  const current = await reachChildFor(tx, w.actor, unverifiedChildId, 'edit');
  const before = await findRow(tx, spec, current.id, unverifiedSubId);
  // Nothing that differs: answer with the record as it is, without a new version (a stale one is still a 409).
  if (Object.entries(set).every(([k, v]) => JSON.stringify(before[k] ?? null) === JSON.stringify(v))) {
    if (current.version !== input.version) {
      throw await conflictError(tx, w.actor, current.id, input.version, w.today);
    }
    return current.id;
  }
  const locked = await beginChildWrite(tx, w, current.id, 'edit', input.version);
  await spec.check?.(tx, w, locked, { ...before, ...set });
  const [after] = (await tx
    .update(spec.table as AnyTable)
    .set(set)
    .where(eq(spec.table.id, before.id as string))
    .returning()) as Row[];
  await finishChildWrite(tx, w, locked, `${spec.name}.update`, {
    [spec.name]: [historyRow(before), historyRow(after!)],
  });
  return locked.id;
}

/** Removes one row of a list (kept in the history). */
export async function removeFromCollection(
  tx: DbOrTx,
  w: Writer,
  spec: CollectionSpec,
  unverifiedChildId: string,
  unverifiedSubId: string,
  version: number,
): Promise<string> {
  const locked = await beginChildWrite(tx, w, unverifiedChildId, 'edit', version);
  const before = await findRow(tx, spec, locked.id, unverifiedSubId);
  await tx.delete(spec.table as AnyTable).where(eq(spec.table.id, before.id as string));
  await finishChildWrite(tx, w, locked, `${spec.name}.remove`, { [spec.name]: [historyRow(before), null] });
  return locked.id;
}
