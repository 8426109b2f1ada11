import { readsEngagementsRole, recordsEngagementsRole } from '../../../../src/modules/engagements/policy';
import type { Role } from '../../lib/roles';

/** Who sees the engagement screens and who records (src/modules/engagements/policy.ts decides the area). */
export const readsEngagements = (role: Role) => readsEngagementsRole(role);
export const recordsEngagements = (role: Role) => recordsEngagementsRole(role);
