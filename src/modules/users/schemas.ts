import { z } from '@hono/zod-openapi';
import { DIVISIONS } from '../../shared/vocab/network';
import { ROLES } from '../access/roles';
import { ZMailDelivery } from '../mail/schemas';

export { DIVISIONS };

const ZScopeRequest = z
  .object({
    centreId: z.string().uuid().nullable().optional(),
    regionId: z.string().uuid().nullable().optional(),
    // Checked by the service (check digit, prefecture) so the error says what is wrong with it.
    municipalityCode: z.string().max(20).nullable().optional(),
    division: z.enum(DIVISIONS).nullable().optional(),
    organisationId: z.string().uuid().nullable().optional(),
  })
  .openapi('UserScopeRequest');

export const ZUserScope = z
  .object({
    centreId: z.string().uuid().nullable(),
    regionId: z.string().uuid().nullable(),
    municipalityCode: z.string().nullable(),
    division: z.enum(DIVISIONS).nullable(),
    organisationId: z.string().uuid().nullable(),
  })
  .openapi('UserScope');

export const ZUser = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    prefectureCode: z.string().nullable(),
    scope: ZUserScope,
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    locked: z.boolean(),
    lastSignInAt: z.string().nullable().openapi({ example: '2026-06-01T09:00:00.000Z' }),
    invitationPending: z
      .boolean()
      .openapi({ description: 'No password set yet: the invitation has not been accepted.' }),
    version: z.number().int(),
  })
  .openapi('User');

export const ZListUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  prefecture: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'System administrators: only this prefecture.' }),
});
export const ZListUsersResponse = z.array(ZUser).openapi('ListUsersResponse');

export const ZCreateUserRequest = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    prefectureCode: z
      .string()
      .regex(/^\d{2}$/)
      .nullable()
      .optional(),
    scope: ZScopeRequest.optional(),
  })
  .openapi('CreateUserRequest');

export const ZCreateUserResponse = z
  .object({
    user: ZUser,
    invitationUrl: z
      .string()
      .openapi({ description: 'Give this link to the user; it is shown once.', example: '/invite#token=…' }),
    mail: ZMailDelivery,
  })
  .openapi('CreateUserResponse');

export const ZUpdateUserRequest = z
  .object({
    version: z.number().int().min(1),
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    scope: ZScopeRequest.optional(),
  })
  .openapi('UpdateUserRequest');

export const ZUpdateUserResponse = ZUser.extend({
  invitationUrl: z.string().optional().openapi({
    description:
      'Only when a learner was given a staff role: the password was cleared; give this link to the user (shown once).',
    example: '/invite#token=…',
  }),
}).openapi('UpdateUserResponse');

export const ZResetPasswordResponse = z
  .object({ resetUrl: z.string().openapi({ example: '/reset-password#token=…' }), mail: ZMailDelivery })
  .openapi('ResetPasswordResponse');

export const ZInvitationResponse = z
  .object({ invitationUrl: z.string().openapi({ example: '/invite#token=…' }), mail: ZMailDelivery })
  .openapi('InvitationResponse');

export type ScopeRequest = z.infer<typeof ZScopeRequest>;
export type CreateUserInput = z.infer<typeof ZCreateUserRequest>;
export type UpdateUserInput = z.infer<typeof ZUpdateUserRequest>;
