/**
 * The resources (社会資源) API contract: the directory (HSDS 3.x-shaped), the provider confirmation link, yearly
 * re-confirmation rounds, open-data import, exports, the public search and the supply/demand gaps.
 * Stable: fields are added, never renamed or removed.
 *
 * Staff API under /api/resources, public API (no sign-in, rate-limited) under /api/public/resources.
 *
 * This file only re-exports the parts, so that the web (type-only imports) and older callers keep one import path:
 * schemas-common.ts, schemas-service.ts (organizations, services, links),
 * schemas-public.ts (provider confirmation, public search), schemas-work.ts (rounds, open-data import, export
 * query), schemas-hsds.ts (the HSDS 3.0 export and import) and schemas-gaps.ts (gaps, bottlenecks). Code in this
 * module imports the part it needs.
 */

export * from './schemas-common';
export * from './schemas-gaps';
export * from './schemas-hsds';
export * from './schemas-public';
export * from './schemas-service';
export * from './schemas-work';
