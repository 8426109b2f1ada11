/**
 * The demo's role switch: on the seeded demo database only, sign in as any of the demo seeding's accounts in
 * one step, so that trying several roles does not mean waiting for a fresh TOTP code each time.
 *
 * It exists only when all three hold: the database carries the demo marker (written by the demo seeding alone,
 * src/demo/marker.ts), the server runs on the embedded database (a PostgreSQL server is a real deployment,
 * even if someone seeded it), and DEMO_ROLE_SWITCH is not `off`. Otherwise both endpoints answer 404 exactly
 * like an unknown route, before reading their input. Only the accounts the seeding created can be switched to,
 * never a user added later, nor an account an administrator has disabled (decision 0024).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { centres, municipalities, organisations, prefectures, regions, users } from '../../db/schema';
import { demoAccounts, demoDatabase } from '../../db/schema/demo';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, type moduleRouter } from '../../server/openapi';
import { CSRF_SCHEME, SESSION_SCHEME } from '../../server/openapi-document';
import { DIVISION_LABELS } from '../../shared/vocab/network';
import { ROLE_INFO, ROLES } from '../access/roles';
import { recordAudit } from '../audit/record';
import { readSessionCookie, setSessionCookie } from './cookie';
import { isLocked } from './lockout';
import { ZSessionResponse } from './schemas';
import { sessionUserOf } from './session-user';
import { createSession } from './sessions';

const tag = ['auth'];
/** Open without a session; a request that does carry one must also send its CSRF token (csrfGuard). */
const SIGNED_OUT_OR_IN: Record<string, string[]>[] = [{}, { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];

const ZDemoAccount = z.object({
  userId: z.string().uuid(),
  role: z.enum(ROLES),
  displayName: z.string(),
  /** What the account sees, in words, in both languages. */
  scope: z.object({ ja: z.string(), en: z.string() }),
});

export const ZDemoAccounts = z
  .object({ items: z.array(ZDemoAccount), seededAt: z.string() })
  .openapi('DemoAccounts');

export const ZDemoSignInRequest = z.object({ userId: z.string().uuid() }).openapi('DemoSignInRequest');

/** Whether the switch exists on this server and database: the marker's row, or null. */
export async function demoSwitchOpen(deps: Pick<Deps, 'db' | 'config'>) {
  if (!deps.config.demoRoleSwitch || deps.db.kind !== 'pglite') return null;
  const [row] = await deps.db.systemDb.select().from(demoDatabase).limit(1);
  return row ?? null;
}

/** Answers 404 like an unknown route when the switch does not exist, before any input is read. */
function demoOnly(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (!(await demoSwitchOpen(deps))) throw new AppError('not_found');
    await next();
  };
}

function demoAccountQuery(deps: Deps) {
  return deps.db.systemDb
    .select({
      user: users,
      prefectureName: prefectures.name,
      prefectureNameEn: prefectures.nameEn,
      centreName: centres.name,
      regionName: regions.name,
      regionNameEn: regions.nameEn,
      municipalityName: municipalities.name,
      organisationName: organisations.name,
    })
    .from(demoAccounts)
    .innerJoin(users, eq(users.id, demoAccounts.userId))
    .leftJoin(prefectures, eq(prefectures.code, users.prefectureCode))
    .leftJoin(centres, eq(centres.id, users.scopeCentreId))
    .leftJoin(regions, eq(regions.id, users.scopeRegionId))
    .leftJoin(municipalities, eq(municipalities.code, users.scopeMunicipalityCode))
    .leftJoin(organisations, eq(organisations.id, users.scopeOrganisationId))
    .$dynamic();
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof demoAccountQuery>['execute']>>[number];

/** The account's scope in words, from its scope columns (the same facts resolveActor reads). */
export function scopeInWords(row: AccountRow): { ja: string; en: string } {
  const u = row.user;
  if (u.role === 'system_admin')
    return { ja: '設定のみ（個人データなし）', en: 'Settings only (no personal data)' };
  if (u.role === 'learner') return { ja: '研修とeラーニングのみ', en: 'Trainings and e-learning only' };
  if (row.organisationName) return { ja: row.organisationName, en: row.organisationName };
  if (u.scopeMunicipalityCode) {
    const name = row.municipalityName ?? u.scopeMunicipalityCode;
    const d = u.scopeDivision ? DIVISION_LABELS[u.scopeDivision] : null;
    return { ja: d ? `${name} ${d.ja}` : name, en: d ? `${name}, ${d.en}` : name };
  }
  if (row.regionName) {
    return { ja: `${row.regionName}圏域`, en: `${row.regionNameEn ?? row.regionName} region` };
  }
  if (row.centreName) return { ja: `${row.centreName}の担当圏域`, en: `Regions of ${row.centreName}` };
  const read = u.role === 'auditor' ? { ja: '（閲覧のみ）', en: ' (read only)' } : { ja: '', en: '' };
  return {
    ja: `${row.prefectureName ?? ''}全域${read.ja}`,
    en: `All of ${row.prefectureNameEn ?? row.prefectureName ?? ''}${read.en}`,
  };
}

export function registerDemoSwitch(r: ReturnType<typeof moduleRouter>, deps: Deps) {
  r.use('/demo/*', demoOnly(deps));

  r.openapi(
    createRoute({
      method: 'get',
      path: '/demo/accounts',
      tags: tag,
      summary: 'デモ用：役割の一覧 / Demo only: the demo accounts to switch to',
      description:
        'Exists only on the seeded demo database running on the embedded engine; everywhere else (any PostgreSQL server, DEMO_ROLE_SWITCH=off) it answers 404 like an unknown route. Lists the accounts the demo seeding created: role, display name and scope in words, never a credential.',
      security: [{}, { [SESSION_SCHEME]: [] }],
      responses: jsonOk(ZDemoAccounts),
    }),
    async (c) => {
      const marker = (await demoSwitchOpen(deps))!;
      const rows = await demoAccountQuery(deps).orderBy(asc(demoAccounts.position));
      const items = rows
        .filter((row) => !row.user.disabledAt)
        .map((row) => ({
          userId: row.user.id,
          role: row.user.role,
          displayName: row.user.displayName,
          scope: scopeInWords(row),
        }));
      return c.json({ items, seededAt: marker.seededAt.toISOString() }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/demo/sign-in',
      tags: tag,
      summary: 'デモ用：役割を選んでサインイン / Demo only: sign in as a demo account in one step',
      description:
        'Exists only where `GET /api/auth/demo/accounts` does (404 elsewhere). Starts a complete session (password and TOTP steps done) for one of the accounts the demo seeding created, replacing the current session, and records a sign-in with `{demo: true}` in the audit log. Any other user answers 404; a demo account an administrator disabled answers 403.',
      security: SIGNED_OUT_OR_IN,
      request: { body: jsonBody(ZDemoSignInRequest) },
      responses: jsonOk(ZSessionResponse),
    }),
    async (c) => {
      const { userId } = c.req.valid('json');
      const meta = c.get('meta');
      const now = deps.now();
      const [row] = await demoAccountQuery(deps).where(eq(demoAccounts.userId, userId));
      if (!row) throw new AppError('not_found');
      const user = row.user;
      if (user.disabledAt || isLocked(user, now)) throw new AppError('forbidden');
      const session = await deps.db.systemDb.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
          .where(eq(users.id, user.id));
        const s = await createSession(deps, tx, user.id, {
          previousToken: readSessionCookie(deps, c),
          secondFactorDone: true,
          ip: meta.ip,
          userAgent: meta.userAgent,
        });
        await recordAudit(
          tx,
          { actor: null, meta, at: now },
          {
            action: 'sign_in',
            entityType: 'user',
            entityIds: [user.id],
            detail: { demo: true },
            prefectureCode: user.prefectureCode,
          },
        );
        return s;
      });
      setSessionCookie(deps, c, session.token);
      const mustEnrolTotp = ROLE_INFO[user.role].requiresTotp && !user.totpEnabledAt;
      return c.json(
        {
          authenticated: !mustEnrolTotp,
          csrfToken: session.csrfToken,
          mustEnrolTotp,
          mustVerifyTotp: false,
          totpEnabled: Boolean(user.totpEnabledAt),
          user: await sessionUserOf(deps.db.systemDb, user),
        },
        200,
      );
    },
  );
}
