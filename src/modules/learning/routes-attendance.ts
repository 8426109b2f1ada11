import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { acceptAssignment, submitAssignment } from './assignments';
import { attendanceSheet, tickAttendance } from './attendance';
import { requireLearnerRole } from './routes-certificates';
import {
  ZAssignmentAcceptRequest,
  ZAssignmentSubmitRequest,
  ZAssignmentView,
  ZAttendanceSheet,
  ZAttendanceTickRequest,
  ZAttendanceTickResponse,
  ZSessionApplicationParams,
  ZSessionDayParams,
} from './schemas-attendance';
import { learningPolicyFor } from './scope';

const tags = ['learning'];

/**
 * Attendance per session day (the tick list and the sign-in sheet read the same sheet) and the assignment:
 * the learner submits, staff of the session accept. docs/learning.md §4.
 */
export function attendanceRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/attendance',
      tags,
      summary: 'Attendance sheet of a session: days, participants, marks / 出欠表',
      request: { params: ZSessionApplicationParams.pick({ id: true }) },
      responses: jsonOk(ZAttendanceSheet),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      return c.json(await attendanceSheet(db, policy, actor, c.req.valid('param').id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/sessions/{id}/days/{dayId}/attendance/{applicationId}',
      tags,
      summary: 'Record one tick of attendance (409 when a colleague changed the same cell) / 出欠の記録',
      request: { params: ZSessionDayParams, body: jsonBody(ZAttendanceTickRequest) },
      responses: jsonOk(ZAttendanceTickResponse),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id, dayId, applicationId } = c.req.valid('param');
      const body = c.req.valid('json');
      const result = await db.transaction((tx) =>
        tickAttendance(tx, who, policy, { sessionId: id, dayId, applicationId }, body),
      );
      return c.json(result, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/me/applications/{applicationId}/assignment',
      tags,
      summary: 'Submit or revise my assignment (until accepted) / 課題の提出',
      request: {
        params: ZSessionApplicationParams.pick({ applicationId: true }),
        body: jsonBody(ZAssignmentSubmitRequest),
      },
      responses: jsonOk(ZAssignmentView),
    }),
    async (c) => {
      const actor = requireLearnerRole(c);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { applicationId } = c.req.valid('param');
      const { body } = c.req.valid('json');
      return c.json(await db.transaction((tx) => submitAssignment(tx, who, applicationId, body)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/sessions/{id}/assignments/{applicationId}/acceptance',
      tags,
      summary: 'Accept a submitted assignment, or take the acceptance back / 課題の受理',
      request: { params: ZSessionApplicationParams, body: jsonBody(ZAssignmentAcceptRequest) },
      responses: jsonOk(ZAssignmentView),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id, applicationId } = c.req.valid('param');
      const { accepted } = c.req.valid('json');
      const result = await db.transaction((tx) =>
        acceptAssignment(tx, who, policy, { sessionId: id, applicationId }, accepted),
      );
      return c.json(result, 200);
    },
  );

  return r;
}
