import { z } from '@hono/zod-openapi';
import { SCOPE_KINDS } from '../access/actor';
import { ROLES } from '../access/roles';

export const ZSignInRequest = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(1000),
  })
  .openapi('SignInRequest');

export const ZTotpRequest = z.object({ code: z.string().regex(/^\d{6}$/) }).openapi('TotpRequest');

export const ZSessionUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  prefectureCode: z.string().nullable(),
  /**
   * The kind of the user's resolved scope: centre staff of a branch have 'regions', prefecture-wide staff
   * 'prefecture'. Some work needs a prefecture-wide scope (census, resources import and rounds).
   */
  scopeKind: z.enum(SCOPE_KINDS),
  locale: z.enum(['ja', 'en']),
});

export const ZSessionResponse = z
  .object({
    authenticated: z.boolean(),
    csrfToken: z.string().nullable(),
    mustEnrolTotp: z.boolean(),
    mustVerifyTotp: z.boolean(),
    /** Whether two-factor authentication is set up for this account. */
    totpEnabled: z.boolean(),
    user: ZSessionUser.nullable(),
  })
  .openapi('SessionResponse');

export const ZTotpEnrolResponse = z
  .object({ secret: z.string(), otpauthUri: z.string() })
  .openapi('TotpEnrolResponse');

export const ZChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().max(1000) })
  .openapi('ChangePasswordRequest');

export const ZAcceptTokenRequest = z
  .object({ token: z.string().min(20).max(200), password: z.string().max(1000) })
  .openapi('AcceptTokenRequest');

export const ZLocaleRequest = z.object({ locale: z.enum(['ja', 'en']) }).openapi('LocaleRequest');

export const ZOk = z.object({ ok: z.literal(true) }).openapi('Ok');
