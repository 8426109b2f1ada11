import { z } from '@hono/zod-openapi';
import { TIERS } from '../../shared/vocab/consultations';
import { ROLES } from '../access/roles';
import { zVersion } from '../registry/schemas-write';

/** Requests and responses of the team routes (routes-teams.ts). */

const zUuid = z.string().uuid();
const zTeamName = z.string().trim().min(1).max(100);
const zMembers = z.array(zUuid).min(1).max(100);

export const ZFormSuperviseTeamRequest = z
  .object({
    name: zTeamName,
    /** Follows from the forming centre (branch → region, HQ or none → centre); checked when given. */
    tier: z.enum(['region', 'centre']).optional(),
    centreId: zUuid.nullable().optional(),
    memberPersonIds: zMembers,
  })
  .strict();

export const ZUpdateSuperviseTeamRequest = z
  .object({
    version: zVersion,
    name: zTeamName.optional(),
    /** The whole new member list (people of the network). */
    memberPersonIds: zMembers.optional(),
    /** false deactivates the team (it takes no new requests), true brings it back. */
    active: z.boolean().optional(),
  })
  .strict();

export const ZSuperviseTeam = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.enum(['region', 'centre']),
  centreId: z.string().nullable(),
  centreName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  members: z.array(
    z.object({
      personId: z.string(),
      familyName: z.string(),
      givenName: z.string(),
      familyKana: z.string().nullable(),
      givenKana: z.string().nullable(),
      profession: z.string().nullable(),
      organisationName: z.string().nullable(),
      hasAccount: z.boolean(),
    }),
  ),
});

export const ZTeamsOverview = z.object({
  tierTeams: z.array(
    z.object({
      tier: z.enum(TIERS),
      name: z.string(),
      members: z.array(
        z.object({
          userId: z.string(),
          displayName: z.string(),
          role: z.enum(ROLES),
          organisationName: z.string().nullable(),
        }),
      ),
    }),
  ),
  superviseTeams: z.array(ZSuperviseTeam.extend({ canEdit: z.boolean() })),
  canForm: z.boolean(),
  formingCentres: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['hq', 'branch']) })),
});
