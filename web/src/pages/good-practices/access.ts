import { readsStoriesRole, writesStoriesRole } from '../../../../src/modules/good-practices/policy';
import type { Role } from '../../lib/roles';

/** Who sees the good-practice library and who writes (src/modules/good-practices/policy.ts decides each story). */
export const readsStories = (role: Role) => readsStoriesRole(role);
export const writesStories = (role: Role) => writesStoriesRole(role);
