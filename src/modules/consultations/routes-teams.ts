import { createRoute } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { centres, consultationTeams, municipalities, regions } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, isUuid, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { ZTeamsResponse } from './schemas-board';
import {
  ZFormSuperviseTeamRequest,
  ZSuperviseTeam,
  ZTeamsOverview,
  ZUpdateSuperviseTeamRequest,
} from './schemas-teams';
import { formSuperviseTeam, superviseTeamViews, updateSuperviseTeam } from './supervise-teams';
import { teamsOverview } from './team-overview';
import { actorTeams, loadTeamUser } from './teams';

const tags = ['consultations'];

/** Teams: the choices of intake and requests, the teams screen, and supervise teams (ME-2). */
export function consultationTeamRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/teams',
      tags,
      summary: 'My teams and the teams a case can be sent to / 担当チームと依頼先',
      responses: jsonOk(ZTeamsResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const pref = actor.prefectureCode;
      if (!pref)
        return c.json({ mine: [], municipalities: [], regions: [], branches: [], superviseTeams: [] }, 200);
      const [mine, munis, regs, branches, supervise] = await Promise.all([
        actorTeams(db, actor),
        db
          .select({ code: municipalities.code, name: municipalities.name })
          .from(municipalities)
          .where(eq(municipalities.prefectureCode, pref))
          .orderBy(municipalities.code),
        db
          .select({ id: regions.id, name: regions.name })
          .from(regions)
          .where(eq(regions.prefectureCode, pref))
          .orderBy(regions.sortOrder, regions.name),
        db
          .select({ id: centres.id, name: centres.name })
          .from(centres)
          .where(and(eq(centres.prefectureCode, pref), eq(centres.kind, 'branch')))
          .orderBy(centres.name),
        db
          .select({ id: consultationTeams.id, name: consultationTeams.name, tier: consultationTeams.tier })
          .from(consultationTeams)
          .where(
            and(
              eq(consultationTeams.prefectureCode, pref),
              eq(consultationTeams.kind, 'supervise'),
              isNull(consultationTeams.deactivatedAt),
            ),
          )
          .orderBy(consultationTeams.name),
      ]);
      return c.json(
        {
          mine: mine.map((t) => ({ id: t.id, tier: t.tier, kind: t.kind, name: t.name })),
          municipalities: munis,
          regions: regs,
          branches,
          superviseTeams: supervise,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/teams/overview',
      tags,
      summary: 'My tier teams and the supervise teams with their members / チームとメンバー',
      responses: jsonOk(ZTeamsOverview),
    }),
    async (c) => {
      const actor = requireActor(c);
      // Like the other consultation reads, a caller in no team gets empty lists rather than an error. Supervise
      // team members are people of the network, which every role of the prefecture reads anyway.
      const u = actor.prefectureCode ? await loadTeamUser(db, actor) : null;
      if (!u) return c.json({ tierTeams: [], superviseTeams: [], canForm: false, formingCentres: [] }, 200);
      return c.json(await teamsOverview(db, actor, u), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/supervise-teams',
      tags,
      summary: 'Form a supervise team from people of the network (ME-2) / スーパーバイズチームの編成',
      request: { body: jsonBody(ZFormSuperviseTeamRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZSuperviseTeam } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireWriter(c);
      const u = actor.prefectureCode ? await loadTeamUser(db, actor) : null;
      if (!u) throw new AppError('forbidden');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const body = c.req.valid('json');
      const id = await db.transaction((tx) => formSuperviseTeam(tx, who, u, body));
      const [team] = await superviseTeamViews(db, actor.prefectureCode!, [id]);
      return c.json(team!, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/supervise-teams/{id}',
      tags,
      summary:
        'Rename a supervise team, change its members or (de)activate it / スーパーバイズチームの変更・休止',
      request: { params: ZIdParam, body: jsonBody(ZUpdateSuperviseTeamRequest) },
      responses: jsonOk(ZSuperviseTeam),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const { id } = c.req.valid('param');
      if (!actor.prefectureCode || !isUuid(id)) throw new AppError('not_found');
      const u = await loadTeamUser(db, actor);
      if (!u) throw new AppError('not_found');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const body = c.req.valid('json');
      await db.transaction((tx) => updateSuperviseTeam(tx, who, u, id, body));
      const [team] = await superviseTeamViews(db, actor.prefectureCode, [id]);
      return c.json(team!, 200);
    },
  );

  return r;
}
