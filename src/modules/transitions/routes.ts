import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, moduleRouter } from '../../server/openapi';
import { XLSX_TYPE, xlsxAnswer } from '../../server/xlsx-response';
import { isoDateInJapan } from '../../shared/dates';
import { parseNendo } from '../../shared/nendo';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { CHILD_STATUSES } from '../registry/schemas';
import { transitionsXlsx } from './export';
import { sortTransitionRows, TRANSITION_SORTS, withFollowUps } from './follow-ups';
import { listTransitions } from './queries';
import { ZFollowUp } from './routes-follow-ups';
import { defaultTransitionNendo, TRANSITION_KINDS } from './rules';

/** Query of the transitions list: the 年度 (2027, 令和9年度, R9 …; default the next), area and kind. */
export const ZListTransitionsQuery = z.object({
  nendo: z
    .string()
    .trim()
    .max(20)
    .transform((v, ctx) => {
      const n = parseNendo(v);
      if (n === null || n < 1900 || n > 2200) {
        ctx.addIssue({ code: 'custom', message: `年度として読めません / not a fiscal year: ${v}` });
        return z.NEVER;
      }
      return n;
    })
    .optional()
    .openapi({ type: 'string', example: '2027' }),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  region: z.string().uuid().optional(),
  kind: z.enum(TRANSITION_KINDS).optional(),
  /** The rows' order within each kind (default: municipality, then kana). */
  sort: z.enum(TRANSITION_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

const ZBilingual = z.object({ ja: z.string(), en: z.string() });

const ZTransitionChild = z.object({
  id: z.string().uuid(),
  familyName: z.string(),
  givenName: z.string(),
  familyKana: z.string(),
  givenKana: z.string(),
  birthDate: z.string(),
  status: z.enum(CHILD_STATUSES),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  regionName: z.string().nullable(),
  /** Where the child is now (school or nursery first), with the grade or class as the organisation writes it. */
  affiliation: z.string().nullable(),
  affiliationKind: z.string().nullable(),
});

export const ZListTransitionsResponse = z
  .object({
    nendo: z.number().int(),
    groups: z.array(
      z.object({
        kind: z.enum(TRANSITION_KINDS),
        label: ZBilingual,
        /** How the kind is decided, for the screen to show next to the list. */
        rule: ZBilingual,
        birthFrom: z.string(),
        birthTo: z.string(),
        count: z.number().int(),
        /** Each row with the follow-up of this group's kind for the child. */
        items: z.array(ZTransitionChild.extend({ followUp: ZFollowUp })),
      }),
    ),
    byMunicipality: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        counts: z.record(z.enum(TRANSITION_KINDS), z.number().int()),
      }),
    ),
  })
  .openapi('ListTransitionsResponse');

/** GET /api/transitions: who goes through which transition in a 年度, as JSON or .xlsx (both audited). */
export function transitionsRoutes(deps: Deps) {
  const r = moduleRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['transitions'],
      summary: '年度の移行予定（入園・入学・進学・卒業・18歳・20歳） / Transitions of a fiscal year',
      request: { query: ZListTransitionsQuery },
      responses: {
        200: {
          description: 'The lists (JSON), or the file with format=xlsx',
          content: {
            'application/json': { schema: ZListTransitionsResponse },
            [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { format, lang, sort, dir, ...q } = c.req.valid('query');
      const now = deps.now();
      const today = isoDateInJapan(now);
      const filter = { ...q, nendo: q.nendo ?? defaultTransitionNendo(now) };
      const db = deps.db.systemDb;
      const list = sortTransitionRows(
        await withFollowUps(db, await listTransitions(db, actor, filter, today)),
        sort,
        dir,
      );
      const ids = [...new Set(list.groups.flatMap((g) => g.items.map((i) => i.id)))];
      const filters = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: format === 'xlsx' ? 'export' : 'search',
          entityType: 'child_transitions',
          entityIds: ids,
          detail: {
            nendo: filter.nendo,
            filters,
            counts: Object.fromEntries(list.groups.map((g) => [g.kind, g.count])),
            ...(format === 'xlsx' ? { format, lang } : {}),
          },
        },
      );
      if (format === 'json') return c.json(list, 200);
      const body = await transitionsXlsx(list, lang);
      return xlsxAnswer(c, body, `transitions-${filter.nendo}.xlsx`);
    },
  );
  return r;
}
