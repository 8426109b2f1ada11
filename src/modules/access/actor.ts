import type { Division } from '../../db/schema/network';
import type { Role } from './roles';

/** The kinds of Scope; the session answer names the signed-in user's (the web menu shows what the API allows). */
export const SCOPE_KINDS = ['none', 'prefecture', 'regions', 'municipality', 'organisation'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** The area an actor's personal-data queries are limited to, resolved once per request. */
export type Scope =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'regions'; regionIds: string[] }
  | { kind: 'municipality'; municipalityCode: string; division: Division | null }
  | { kind: 'organisation'; organisationId: string };

/** Who is acting: the signed-in user with role, prefecture and resolved scope. */
export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  /** null only for system administrators. */
  prefectureCode: string | null;
  scope: Scope;
  locale: 'ja' | 'en';
  /**
   * The user's scope columns as the request's session statement read them, so that what derives from them
   * (the consultation teams) needs no second read of the user. Absent on an actor built elsewhere (jobs, tests):
   * readers then load the columns themselves.
   */
  scopeColumns?: ScopeColumns;
};

/** The scope columns of a user row and the kind of the centre it is limited to. */
export type ScopeColumns = {
  scopeCentreId: string | null;
  scopeCentreKind: 'hq' | 'branch' | null;
  scopeRegionId: string | null;
  scopeMunicipalityCode: string | null;
  personId: string | null;
};

/** Request facts recorded with every audit entry. */
export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string };
