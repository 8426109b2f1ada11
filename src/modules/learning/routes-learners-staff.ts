import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { requireLearnerAdmin } from './learners-accounts';
import { applyInvitations, invitePlanView, organisationNames, planInvitations } from './learners-invite';
import {
  ZDecideSignUpRequest,
  ZInvitePlan,
  ZInviteQuery,
  ZSignUpList,
  ZSignUpListQuery,
} from './learners-schemas';
import { approveSignUp, listSignUps, rejectSignUp } from './learners-sign-up';

const tags = ['learning'];
const binary = { schema: z.string().openapi({ format: 'binary' }) };

/** The list file: .xlsx or CSV bytes as the body (the app-wide 1 MiB limit holds about 10,000 rows). */
const listBody = {
  content: {
    'text/csv': binary,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary,
    'application/octet-stream': binary,
  },
  required: true,
} as const;

async function readBody(req: Request): Promise<Buffer> {
  const buf = Buffer.from(await req.arrayBuffer());
  if (!buf.length) throw new AppError('learner_list_unreadable');
  return buf;
}

/**
 * The centre's side of learner accounts: the queue of sign-ups to confirm, and invitations in bulk from a
 * list. Centre administrators and prefecture-wide centre staff only (403 for every other role, before any id).
 */
export function learnerStaffRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/learners/sign-ups',
      tags,
      summary: 'Learner sign-ups to confirm / 受講者の登録申請（確認待ち・処理済み）',
      request: { query: ZSignUpListQuery },
      responses: jsonOk(ZSignUpList),
    }),
    async (c) => {
      const prefectureCode = await requireLearnerAdmin(db, requireActor(c));
      return c.json(await listSignUps(db, prefectureCode, c.req.valid('query').status), 200);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/learners/sign-ups/{id}/${decision}`,
        tags,
        summary:
          decision === 'approve'
            ? 'Approve a sign-up: the learner can sign in / 登録申請の承認（受講者がサインインできる）'
            : 'Decline a sign-up: nothing is created / 登録申請の見送り',
        request: { params: ZIdParam, body: jsonBody(ZDecideSignUpRequest) },
        responses: jsonOk(ZSignUpList),
      }),
      async (c) => {
        const actor = requireWriter(c);
        const prefectureCode = await requireLearnerAdmin(db, actor);
        const { id } = c.req.valid('param');
        const { version } = c.req.valid('json');
        const who = { actor, meta: c.get('meta'), at: deps.now() };
        await db.transaction((tx) =>
          (decision === 'approve' ? approveSignUp : rejectSignUp)(tx, who, prefectureCode, id, version),
        );
        return c.json(await listSignUps(db, prefectureCode, 'pending'), 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'post',
      path: '/learners/invitations/preview',
      tags,
      summary: 'Preview a list of learners to invite / 受講者一括招待のプレビュー（保存しない）',
      description:
        'Body: the list (.xlsx, or CSV in UTF-8 or Shift_JIS) with the columns name, email, profession, workplace, municipality. Each row: create, invite_again, exists or error.',
      request: { query: ZInviteQuery, body: listBody },
      responses: jsonOk(ZInvitePlan),
    }),
    async (c) => {
      const prefectureCode = await requireLearnerAdmin(db, requireActor(c));
      const rows = await planInvitations(db, prefectureCode, await readBody(c.req.raw));
      return c.json(invitePlanView(rows, await organisationNames(db, rows)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/learners/invitations',
      tags,
      summary: 'Invite a list of learners / 受講者の一括招待（招待リンクを発行）',
      description:
        'Creates and invites the rows the preview calls `create`, issues new links for `invite_again`, and leaves the rest. The same list twice creates nobody twice. Links are shown once.',
      request: { query: ZInviteQuery, body: listBody },
      responses: jsonOk(ZInvitePlan),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const prefectureCode = await requireLearnerAdmin(db, actor);
      const buf = await readBody(c.req.raw);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const rows = await db.transaction((tx) =>
        applyInvitations(tx, who, prefectureCode, buf, c.req.valid('query').fileName ?? null),
      );
      return c.json(invitePlanView(rows, await organisationNames(db, rows)), 200);
    },
  );

  return r;
}
