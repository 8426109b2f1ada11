import { z } from '@hono/zod-openapi';
import { ZJsonValue } from '../../server/openapi';
import { isIsoDate } from '../../shared/dates';
import { AUDIT_ACTIONS } from '../../shared/vocab/audit';
import { VERIFY_OUTCOMES } from './verify';

/** Forms send empty fields as `name=`: treat them as absent rather than invalid. */
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

const ZIsoDate = z.string().refine(isIsoDate, {
  message: '実在する日付を YYYY-MM-DD で指定してください / Use an existing date as YYYY-MM-DD',
});

const filterShape = {
  from: z.preprocess(blankToUndefined, ZIsoDate.optional()).openapi({
    param: { name: 'from', in: 'query' },
    description: 'First day (Japan time), inclusive',
    example: '2026-04-01',
  }),
  to: z.preprocess(blankToUndefined, ZIsoDate.optional()).openapi({
    param: { name: 'to', in: 'query' },
    description: 'Last day (Japan time), inclusive',
    example: '2026-04-30',
  }),
  actor: z
    .preprocess(blankToUndefined, z.uuid().optional())
    .openapi({ param: { name: 'actor', in: 'query' }, description: 'User id of the actor' }),
  action: z
    .preprocess(blankToUndefined, z.enum(AUDIT_ACTIONS).optional())
    .openapi({ param: { name: 'action', in: 'query' } }),
  entityType: z
    .preprocess(blankToUndefined, z.string().max(64).optional())
    .openapi({ param: { name: 'entityType', in: 'query' }, example: 'child' }),
  entityId: z
    .preprocess(blankToUndefined, z.string().max(200).optional())
    .openapi({ param: { name: 'entityId', in: 'query' }, description: 'Entries naming this id' }),
};

/** The filters an audit search takes; `from` must not be after `to`. */
export type AuditFilter = {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: (typeof AUDIT_ACTIONS)[number] | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
};

const fromNotAfterTo = (f: AuditFilter, ctx: z.RefinementCtx) => {
  if (f.from && f.to && f.from > f.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: '終了日は開始日以降にしてください / The end date must not be before the start date',
    });
  }
};

export const ZListAuditRequest = z
  .object({
    ...filterShape,
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(1)
      .openapi({ param: { name: 'page', in: 'query' } }),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(50)
      .openapi({ param: { name: 'pageSize', in: 'query' } }),
  })
  .superRefine(fromNotAfterTo);

export const ZExportAuditRequest = z
  .object({
    ...filterShape,
    format: z
      .enum(['xlsx', 'csv'])
      .default('xlsx')
      .openapi({ param: { name: 'format', in: 'query' } }),
    encoding: z
      .enum(['cp932', 'utf8'])
      .default('cp932')
      .openapi({
        param: { name: 'encoding', in: 'query' },
        description: 'CSV only: cp932 (Shift_JIS as Windows Excel reads it) or utf8 (with BOM)',
      }),
  })
  .superRefine(fromNotAfterTo);

export const ZAuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actorUserId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    /** The acting user's display name (users of the reader's prefecture). */
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityIds: z.array(z.string()),
    /** What the action was about, by action (ids, field names, counts); never a child's personal values. */
    detail: z.record(z.string(), ZJsonValue),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

const ZAuditObject = z
  .object({
    type: z.string().openapi({ example: 'child' }),
    /** Its display name, or null for kinds known by a day (a consultation, a linkage run). */
    name: z.string().nullable(),
    /** The day (ISO date or instant) such an object is known by. */
    on: z.string().nullable(),
  })
  .openapi('AuditObject');

export const ZListAuditResponse = z
  .object({
    items: z.array(ZAuditEntry),
    total: z.number().int(),
    /**
     * The objects the page's entries name, by id, as the reader may see them: only objects of the reader's
     * prefecture, children only within the reader's registry scope. An id not here is shown with a neutral label.
     */
    objects: z.record(z.string(), ZAuditObject),
  })
  .openapi('ListAuditResponse');

export const ZAuditActorsResponse = z
  .object({
    items: z.array(
      z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: z.string() }),
    ),
  })
  .openapi('AuditActorsResponse');

const ZCheckpointRef = z
  .object({
    seq: z.number().int().describe('Chain position the checkpoint covers'),
    hash: z.string(),
    at: z.string().openapi({ format: 'date-time' }),
    source: z.enum(['database', 'log']),
  })
  .openapi('AuditCheckpoint');

export const ZVerifyAuditResponse = z
  .object({
    ok: z.boolean(),
    result: z.enum(VERIFY_OUTCOMES).openapi({
      description:
        'intact; chain_broken (an entry altered, removed or inserted); checkpoint_signature_invalid; chain_rewritten (the hash at a checkpoint differs); tail_cut (the chain ends before a checkpoint); checkpoint_stale (entries uncovered by checkpoints for over two intervals)',
    }),
    entries: z.number().int(),
    lastHash: z.string(),
    unsealed: z.number().int(),
    checkpoints: z.number().int().openapi({ description: 'Checkpoints checked' }),
    brokenAtId: z.number().int().optional(),
    reason: z.enum(['prev_hash_mismatch', 'hash_mismatch', 'seq_gap']).optional(),
    checkpoint: ZCheckpointRef.optional().openapi({
      description: 'The checkpoint a finding is about; when intact, the newest one',
    }),
    uncoveredSince: z.string().openapi({ format: 'date-time' }).optional(),
  })
  .openapi('VerifyAuditResponse');
